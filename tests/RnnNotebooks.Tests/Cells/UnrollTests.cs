using RnnNotebooks.Cells;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Cells;

/// <summary>The library's unroll over any cell (<see cref="Unroll"/>) against central finite differences of its own forward loop.</summary>
public class UnrollTests
{
    private const int B = 2, I = 3, H = 5, T = 4;

    private static Tensor<double> R(Rng rng, params int[] shape) => Tensor.Normal<double>(rng, 0, 0.7, shape);

    private static double Dot(Tensor<double> a, Tensor<double> w) => a.Data.Zip(w.Data, (x, y) => x * y).Sum();

    private static Cell<double> Make(string kind, Rng rng) => kind switch
    {
        "RNN" => new RnnCell<double>(R(rng, H, I), R(rng, H, H), R(rng, H), R(rng, H)),
        "RNN_relu" => new RnnCell<double>(R(rng, H, I), R(rng, H, H), R(rng, H), R(rng, H), relu: true),
        "LSTM" => new LstmCell<double>(R(rng, 4 * H, I), R(rng, 4 * H, H), R(rng, 4 * H), R(rng, 4 * H)),
        _ => new GruCell<double>(R(rng, 3 * H, I), R(rng, 3 * H, H), R(rng, 3 * H), R(rng, 3 * H)),
    };

    [Theory]
    [InlineData("RNN")]
    [InlineData("RNN_relu")]
    [InlineData("LSTM")]
    [InlineData("GRU")]
    public void Backward_through_time_matches_finite_differences(string kind)
    {
        var rng = new Rng(21);
        var cell = Make(kind, rng);
        var xs = Enumerable.Range(0, T).Select(_ => R(rng, B, I)).ToArray();
        var h0 = R(rng, B, H);
        var c0 = cell.HasCellState ? R(rng, B, H) : null;
        // A gradient on every step's output but one (a null entry: no loss on that step), and on the final state.
        var dys = Enumerable.Range(0, T).Select(t => t == 1 ? null : R(rng, B, H)).ToArray();
        var (dhT, dcT) = (R(rng, B, H), cell.HasCellState ? R(rng, B, H) : null);

        // L = Σₜ dyₜ · hₜ₊₁ + dh_T · h_T (+ dc_T · c_T), computed by the same forward loop.
        double Loss()
        {
            var steps = Unroll.Forward(cell, xs, h0, c0);
            double sum = Dot(steps[^1].Hidden, dhT) + (dcT is null ? 0 : Dot(steps[^1].Cell!, dcT));
            for (int t = 0; t < T; t++) if (dys[t] is not null) sum += Dot(steps[t].Hidden, dys[t]!);
            return sum;
        }
        var g = Unroll.Backward(cell, Unroll.Forward(cell, xs, h0, c0), dys, dhT, dcT);

        for (int t = 0; t < T; t++) AssertClose($"x[{t}]", xs[t], g.Inputs[t], Loss);
        AssertClose("h0", h0, g.Hidden[0], Loss);
        if (c0 is not null) AssertClose("c0", c0, g.Cell![0], Loss);
        else Assert.Null(g.Cell);
        AssertClose("weight_ih", cell.WeightIh, g.WeightIh, Loss);
        AssertClose("weight_hh", cell.WeightHh, g.WeightHh, Loss);
        AssertClose("bias_ih", cell.BiasIh!, g.BiasIh, Loss);
        AssertClose("bias_hh", cell.BiasHh!, g.BiasHh, Loss);
        Assert.Same(dhT, g.Hidden[T]);
    }

    [Fact]
    public void Hidden_gradients_are_what_each_step_sends_back()
    {
        // ∂L/∂h₂ for L = dh_T · h_T over 3 steps: perturbing h₂ means starting the last step from it.
        var rng = new Rng(22);
        var cell = Make("GRU", rng);
        var xs = Enumerable.Range(0, 3).Select(_ => R(rng, B, I)).ToArray();
        var (h0, dhT) = (R(rng, B, H), R(rng, B, H));
        var steps = Unroll.Forward(cell, xs, h0);
        var g = Unroll.Backward(cell, steps, dhT: dhT);
        var h2 = steps[1].Hidden.Clone();
        AssertClose("h2", h2, g.Hidden[2], () => Dot(Unroll.Forward(cell, xs[2..], h2)[^1].Hidden, dhT));
    }

    [Fact]
    public void The_common_step_is_the_typed_step()
    {
        var rng = new Rng(23);
        var lstm = (LstmCell<double>)Make("LSTM", rng);
        var (x, h, c) = (R(rng, B, I), R(rng, B, H), R(rng, B, H));
        Cell<double> any = lstm;
        var typed = lstm.Forward(x, h, c);
        var common = any.Forward(x, h, c);
        Assert.IsType<LstmStep<double>>(common);
        Assert.Equal(typed.Hidden.Data, common.Hidden.Data);
        Assert.Equal(typed.Cell.Data, common.Cell!.Data);
        var dh = R(rng, B, H);
        Assert.Equal(lstm.Backward(typed, dh, new Tensor<double>(B, H)).WeightHh.Data, any.Backward(common, dh, null).WeightHh.Data);
    }

    [Fact]
    public void Wrong_states_and_steps_are_refused_by_name()
    {
        var rng = new Rng(24);
        var (rnn, lstm) = (Make("RNN", rng), Make("LSTM", rng));
        var (x, h) = (R(rng, B, I), R(rng, B, H));
        var e = Assert.Throws<ArgumentException>(() => rnn.Forward(x, h, R(rng, B, H)));
        Assert.Equal("cPrev", e.ParamName);
        Assert.Contains("RnnCell", e.Message);
        Assert.Equal("cPrev", Assert.Throws<ArgumentNullException>(() => lstm.Forward(x, h, null)).ParamName);
        var rnnStep = rnn.Forward(x, h, null);
        var wrong = Assert.Throws<ArgumentException>(() => lstm.Backward(rnnStep, h, null));
        Assert.Contains("LstmStep", wrong.Message);
        Assert.Contains("RnnStep", wrong.Message);
        Assert.Equal("dc", Assert.Throws<ArgumentException>(() => rnn.Backward(rnnStep, h, h)).ParamName);
        var steps = Unroll.Forward(rnn, [x, x], h);
        Assert.Contains("2 steps but 1", Assert.Throws<ArgumentException>(() => Unroll.Backward(rnn, steps, [h])).Message);
    }

    private static void AssertClose(string name, Tensor<double> x, Tensor<double>? analytic, Func<double> loss)
    {
        Assert.NotNull(analytic);
        var r = GradientCheck.Compare(name, x, analytic!.Data, loss);
        Assert.True(r.MaxRelativeError < 1e-7, r.ToString());
    }
}
