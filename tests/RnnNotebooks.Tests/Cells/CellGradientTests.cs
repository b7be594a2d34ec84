using RnnNotebooks.Cells;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Cells;

/// <summary>Each cell's backward step against central finite differences of its own forward step.</summary>
public class CellGradientTests
{
    private const int B = 3, I = 5, H = 7;   // odd sizes: vector bodies and scalar tails both run

    private static Tensor<double> R(Rng rng, params int[] shape) => Tensor.Normal<double>(rng, 0, 0.7, shape);

    private static double Dot(Tensor<double> a, Tensor<double> w) => a.Data.Zip(w.Data, (x, y) => x * y).Sum();

    private static void AssertClose(string name, Tensor<double> x, Tensor<double>? analytic, Func<double> loss)
    {
        Assert.NotNull(analytic);
        var r = GradientCheck.Compare(name, x, analytic!.Data, loss);
        Assert.True(r.MaxRelativeError < 1e-7, r.ToString());
    }

    // Every gradient a step returns but the cell state's, against finite differences of the same loss.
    private static void AssertStepGradients(Cell<double> cell, CellGradient<double> g, Tensor<double> x, Tensor<double> h0, Func<double> loss)
    {
        AssertClose("x", x, g.Input, loss);
        AssertClose("h", h0, g.HiddenPrev, loss);
        AssertClose("weight_ih", cell.WeightIh, g.WeightIh, loss);
        AssertClose("weight_hh", cell.WeightHh, g.WeightHh, loss);
        AssertClose("bias_ih", cell.BiasIh!, g.BiasIh, loss);
        AssertClose("bias_hh", cell.BiasHh!, g.BiasHh, loss);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rnn_cell_backward_matches_finite_differences(bool relu)
    {
        var rng = new Rng(11);
        var cell = new RnnCell<double>(R(rng, H, I), R(rng, H, H), R(rng, H), R(rng, H), relu);
        var (x, h0, wh) = (R(rng, B, I), R(rng, B, H), R(rng, B, H));
        double Loss() => Dot(cell.Forward(x, h0).Hidden, wh);          // L = Σ hₜ ⊙ wh
        var g = cell.Backward(cell.Forward(x, h0), wh);
        AssertStepGradients(cell, g, x, h0, Loss);
        Assert.Null(g.CellPrev);
    }

    [Fact]
    public void Lstm_cell_backward_matches_finite_differences()
    {
        var rng = new Rng(12);
        var cell = new LstmCell<double>(R(rng, 4 * H, I), R(rng, 4 * H, H), R(rng, 4 * H), R(rng, 4 * H));
        var (x, h0, c0, wh, wc) = (R(rng, B, I), R(rng, B, H), R(rng, B, H), R(rng, B, H), R(rng, B, H));
        double Loss()
        {
            var s = cell.Forward(x, h0, c0);
            return Dot(s.Hidden, wh) + Dot(s.Cell, wc);                 // gradient enters through hₜ and cₜ
        }
        var g = cell.Backward(cell.Forward(x, h0, c0), wh, wc);
        AssertStepGradients(cell, g, x, h0, Loss);
        AssertClose("c", c0, g.CellPrev, Loss);
    }

    [Fact]
    public void Gru_cell_backward_matches_finite_differences()
    {
        var rng = new Rng(13);
        var cell = new GruCell<double>(R(rng, 3 * H, I), R(rng, 3 * H, H), R(rng, 3 * H), R(rng, 3 * H));
        var (x, h0, wh) = (R(rng, B, I), R(rng, B, H), R(rng, B, H));
        double Loss() => Dot(cell.Forward(x, h0).Hidden, wh);
        var g = cell.Backward(cell.Forward(x, h0), wh);
        AssertStepGradients(cell, g, x, h0, Loss);
    }

    [Fact]
    public void Cells_without_bias_return_no_bias_gradient()
    {
        var rng = new Rng(14);
        var cell = new GruCell<double>(R(rng, 3 * H, I), R(rng, 3 * H, H));
        var g = cell.Backward(cell.Forward(R(rng, B, I), R(rng, B, H)), R(rng, B, H));
        Assert.Null(g.BiasIh);
        Assert.Null(g.BiasHh);
    }

    [Fact]
    public void Lstm_gates_follow_pytorch_order_and_equations()
    {
        // One unit, one row, weights chosen so each gate's pre-activation is known: a = x Wᵢₕᵀ with x = 1.
        var wih = Tensor.FromArray(new double[,] { { 0.5 }, { -1.0 }, { 2.0 }, { 0.25 } });   // aᵢ, a_f, a_g, aₒ
        var cell = new LstmCell<double>(wih, new Tensor<double>(4, 1));
        var s = cell.Forward(Tensor.Full(1.0, 1, 1), new Tensor<double>(1, 1), Tensor.Full(0.3, 1, 1));
        double Sig(double v) => 1 / (1 + Math.Exp(-v));
        Assert.Equal(Sig(0.5), s.InputGate.Data[0], 15);
        Assert.Equal(Sig(-1.0), s.ForgetGate.Data[0], 15);
        Assert.Equal(Math.Tanh(2.0), s.Candidate.Data[0], 15);
        Assert.Equal(Sig(0.25), s.OutputGate.Data[0], 15);
        double c = Sig(-1.0) * 0.3 + Sig(0.5) * Math.Tanh(2.0);
        Assert.Equal(c, s.Cell.Data[0], 15);
        Assert.Equal(Sig(0.25) * Math.Tanh(c), s.Hidden.Data[0], 15);
    }

    [Fact]
    public void A_cell_of_the_wrong_shape_says_what_it_expected()
    {
        var ex = Assert.Throws<ShapeException>(() => new LstmCell<float>(new Tensor<float>(12, 2), new Tensor<float>(9, 3)));
        Assert.Contains("LstmCell", ex.Message);
        Assert.Contains("[4·H, I]", ex.Message);
        var cell = new RnnCell<float>(new Tensor<float>(3, 2), new Tensor<float>(3, 3));
        var bad = Assert.Throws<ShapeException>(() => cell.Forward(new Tensor<float>(4, 5), new Tensor<float>(4, 3)));
        Assert.Contains("[batch, 2]", bad.Message);
    }

    [Fact]
    public void Layer_cells_share_the_layer_weights()
    {
        var lstm = new LSTM<double>(3, 4, numLayers: 2, bidirectional: true);
        var cell = lstm.Cell(layer: 1, reverse: true);
        Assert.Same(lstm.named_parameters().First(np => np.name == "weight_hh_l1_reverse").parameter.Value, cell.WeightHh);
        Assert.Equal(8, cell.InputSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => lstm.Cell(layer: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GRU<double>(3, 4).Cell(reverse: true));
    }
}
