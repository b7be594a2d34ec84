using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Cells;

/// <summary>
/// The fused multi-step layers against the library's reference: the one-step cells unrolled over
/// the same sequence (<see cref="LayerUnroll"/> over <see cref="Unroll"/>): outputs, final states
/// and every gradient (input, initial state, each parameter).
/// </summary>
public class FusedMatchesCellsTests
{
    public static TheoryData<string, int, bool, int, int, int, int> Cases => new()
    {
        // kind, layers, bidirectional, batch, steps, input, hidden
        { "RNN", 1, false, 3, 5, 7, 5 },
        { "RNN_relu", 2, true, 2, 4, 3, 9 },
        { "LSTM", 1, false, 3, 5, 7, 5 },
        { "LSTM", 2, true, 5, 3, 4, 11 },
        { "GRU", 1, false, 3, 5, 7, 5 },
        { "GRU", 3, true, 1, 6, 2, 3 },
        { "LSTM", 1, false, 40, 3, 5, 6 },   // enough rows for the batch to be split across threads
        { "GRU", 2, false, 37, 4, 3, 5 },
    };

    private static RNNBase<T> Make<T>(string kind, int input, int hidden, int layers, bool bi) where T : unmanaged, IFloatingPointIeee754<T> => kind switch
    {
        "RNN" => new RNN<T>(input, hidden, layers, bi, returnSequences: true),
        "RNN_relu" => new RNN<T>(input, hidden, layers, bi, returnSequences: true, nonlinearity: "relu"),
        "LSTM" => new LSTM<T>(input, hidden, layers, bi, returnSequences: true),
        _ => new GRU<T>(input, hidden, layers, bi, returnSequences: true),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Double_layers_match_their_cells(string kind, int layers, bool bi, int batch, int steps, int input, int hidden) =>
        Check<double>(kind, layers, bi, batch, steps, input, hidden, 1e-12);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_layers_match_their_cells(string kind, int layers, bool bi, int batch, int steps, int input, int hidden) =>
        Check<float>(kind, layers, bi, batch, steps, input, hidden, 2e-5);

    private static void Check<T>(string kind, int layers, bool bi, int batch, int steps, int input, int hidden, double tol)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Rng.ManualSeed(5);
        var layer = Make<T>(kind, input, hidden, layers, bi);
        var rng = new Rng(6);
        int dirs = bi ? 2 : 1, rows = layers * dirs;
        bool lstm = layer.HasCellState;
        var x = Tensor.Normal<T>(rng, 0, 1, batch, steps, input);
        var h0 = Tensor.Normal<T>(rng, 0, 0.5, rows, batch, hidden);
        var c0 = lstm ? Tensor.Normal<T>(rng, 0, 0.5, rows, batch, hidden) : null;
        var dy = Tensor.Normal<T>(rng, 0, 1, batch, steps, dirs * hidden);
        var dhT = Tensor.Normal<T>(rng, 0, 1, rows, batch, hidden);
        var dcT = lstm ? Tensor.Normal<T>(rng, 0, 1, rows, batch, hidden) : null;

        // The fused path.
        var fused = layer.forward(x, new RecurrentState<T>(h0, c0));
        layer.zero_grad();
        var dxFused = layer.backward(dy, new RecurrentState<T>(dhT, dcT));
        var dInitFused = layer.InitialStateGradient!;

        // The cells, one step at a time.
        var u = LayerUnroll.Run(layer, x, new RecurrentState<T>(h0, c0), dy, new RecurrentState<T>(dhT, dcT));

        Near(u.Output, fused.Output, tol, "output");
        Near(u.FinalState.H, fused.FinalState.H, tol, "h_n");
        if (lstm) Near(u.FinalState.C!, fused.FinalState.C!, tol, "c_n");
        Near(u.InputGradient, dxFused, tol, "∂input");
        Near(u.InitialStateGradient.H, dInitFused.H, tol, "∂h0");
        if (lstm) Near(u.InitialStateGradient.C!, dInitFused.C!, tol, "∂c0");
        Assert.Equal(layer.named_parameters().Select(np => np.name).Order(), u.Gradients.Keys.Order());
        foreach (var (name, p) in layer.named_parameters()) Near(u.Gradients[name], p.Grad, tol, "∂" + name);
    }

    private static void Near<T>(Tensor<T> expected, Tensor<T> actual, double tol, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Data.Max(v => Math.Abs(double.CreateTruncating(v))));
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected.Data[i]), a = double.CreateTruncating(actual.Data[i]);
            Assert.True(Math.Abs(e - a) <= tol * scale, $"{what} at {i}: cells {e}, fused {a}");
        }
    }
}
