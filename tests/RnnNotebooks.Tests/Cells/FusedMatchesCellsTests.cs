using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Cells;

/// <summary>
/// The fused multi-step layers against the one-step cells unrolled by hand over the same
/// sequence: outputs, final states and every gradient (input, initial state, each parameter).
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
        var u = Unrolled<T>.Run(layer, x, h0, c0, dy, dhT, dcT);

        Near(u.Output, fused.Output, tol, "output");
        Near(u.FinalH, fused.FinalState.H, tol, "h_n");
        if (lstm) Near(u.FinalC!, fused.FinalState.C!, tol, "c_n");
        Near(u.DInput, dxFused, tol, "∂input");
        Near(u.DH0, dInitFused.H, tol, "∂h0");
        if (lstm) Near(u.DC0!, dInitFused.C!, tol, "∂c0");
        foreach (var (name, p) in layer.named_parameters()) Near(u.Grads[name], p.Grad, tol, "∂" + name);
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

/// <summary>A recurrent layer computed with its cells: forward over the sequence, then back through time.</summary>
internal sealed class Unrolled<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public required Tensor<T> Output, FinalH, DInput, DH0;
    public Tensor<T>? FinalC, DC0;
    public required Dictionary<string, Tensor<T>> Grads;

    public static Unrolled<T> Run(RNNBase<T> layer, Tensor<T> x, Tensor<T> h0, Tensor<T>? c0, Tensor<T> dy, Tensor<T> dhT, Tensor<T>? dcT)
    {
        int batch = x.Dim(0), steps = x.Dim(1), hidden = layer.HiddenSize, dirs = layer.Directions;
        var grads = layer.named_parameters().ToDictionary(np => np.name, np => new Tensor<T>(np.parameter.Shape));
        var finalH = new Tensor<T>(h0.Shape); var finalC = c0 is null ? null : new Tensor<T>(c0.Shape);
        var dh0 = new Tensor<T>(h0.Shape); var dc0 = c0 is null ? null : new Tensor<T>(c0.Shape);

        // Forward: every layer's input per step, every step's record per (layer, direction).
        var inputs = new List<Tensor<T>[]> { Enumerable.Range(0, steps).Select(t => StepOf(x, t)).ToArray() };
        var records = new object[layer.NumLayers, dirs, steps];
        for (int l = 0; l < layer.NumLayers; l++)
        {
            var outs = new Tensor<T>[dirs][];
            for (int d = 0; d < dirs; d++)
            {
                var cell = layer.Cell(l, d == 1);
                int k = l * dirs + d;
                Tensor<T> h = Row(h0, k), c = c0 is null ? null! : Row(c0, k);
                outs[d] = new Tensor<T>[steps];
                foreach (int t in Order(steps, d == 1))
                {
                    (records[l, d, t], h, c) = StepForward(cell, inputs[l][t], h, c);
                    outs[d][t] = h;
                }
                SetRow(finalH, k, h);
                if (finalC is not null) SetRow(finalC, k, c);
            }
            inputs.Add(Enumerable.Range(0, steps).Select(t => Tensor.ConcatColumns(outs.Select(o => o[t]).ToArray())).ToArray());
        }
        var output = new Tensor<T>(batch, steps, dirs * hidden);
        for (int t = 0; t < steps; t++) SetStep(output, t, inputs[^1][t]);

        // Backward through time, top layer first.
        var dOut = Enumerable.Range(0, steps).Select(t => StepOf(dy, t)).ToArray();
        for (int l = layer.NumLayers - 1; l >= 0; l--)
        {
            var dIn = new Tensor<T>[steps];
            for (int t = 0; t < steps; t++) dIn[t] = new Tensor<T>(inputs[l][t].Shape);
            for (int d = 0; d < dirs; d++)
            {
                var cell = layer.Cell(l, d == 1);
                int k = l * dirs + d;
                string sfx = $"_l{l}" + (d == 1 ? "_reverse" : "");
                Tensor<T> dh = Row(dhT, k), dc = dcT is null ? null! : Row(dcT, k);
                foreach (int t in Order(steps, d == 1).Reverse())
                {
                    var g = StepBackward(cell, records[l, d, t], dh + Tensor.Block(dOut[t], d, hidden), dc);
                    dIn[t] += g.Input;
                    Add(grads["weight_ih" + sfx], g.WeightIh); Add(grads["weight_hh" + sfx], g.WeightHh);
                    if (g.BiasIh is not null) { Add(grads["bias_ih" + sfx], g.BiasIh); Add(grads["bias_hh" + sfx], g.BiasHh!); }
                    (dh, dc) = (g.HiddenPrev, g.CellPrev!);
                }
                SetRow(dh0, k, dh);
                if (dc0 is not null) SetRow(dc0, k, dc);
            }
            dOut = dIn;
        }
        var dInput = new Tensor<T>(x.Shape);
        for (int t = 0; t < steps; t++) SetStep(dInput, t, dOut[t]);
        return new Unrolled<T> { Output = output, FinalH = finalH, FinalC = finalC, DInput = dInput, DH0 = dh0, DC0 = dc0, Grads = grads };
    }

    private static (object, Tensor<T>, Tensor<T>) StepForward(Cell<T> cell, Tensor<T> x, Tensor<T> h, Tensor<T> c) => cell switch
    {
        RnnCell<T> rnn => rnn.Forward(x, h) is var s ? (s, s.Hidden, c) : default,
        LstmCell<T> lstm => lstm.Forward(x, h, c) is var s ? (s, s.Hidden, s.Cell) : default,
        GruCell<T> gru => gru.Forward(x, h) is var s ? (s, s.Hidden, c) : default,
        _ => throw new InvalidOperationException(),
    };

    private static CellGradient<T> StepBackward(Cell<T> cell, object step, Tensor<T> dh, Tensor<T> dc) => cell switch
    {
        RnnCell<T> rnn => rnn.Backward((RnnStep<T>)step, dh),
        LstmCell<T> lstm => lstm.Backward((LstmStep<T>)step, dh, dc),
        GruCell<T> gru => gru.Backward((GruStep<T>)step, dh),
        _ => throw new InvalidOperationException(),
    };

    private static IEnumerable<int> Order(int steps, bool reverse) =>
        reverse ? Enumerable.Range(0, steps).Reverse() : Enumerable.Range(0, steps);

    private static void Add(Tensor<T> sum, Tensor<T> x) => Kernels.Add<T>(x.Data, sum.Data);

    // Row k of a [rows, batch, hidden] state, as [batch, hidden].
    private static Tensor<T> Row(Tensor<T> s, int k) => new(s.Data.AsSpan(k * s.Dim(1) * s.Dim(2), s.Dim(1) * s.Dim(2)).ToArray(), s.Dim(1), s.Dim(2));

    private static void SetRow(Tensor<T> s, int k, Tensor<T> v) => v.Data.CopyTo(s.Data, k * v.Length);

    // Step t of a [batch, steps, n] sequence, as [batch, n].
    private static Tensor<T> StepOf(Tensor<T> seq, int t)
    {
        int b = seq.Dim(0), steps = seq.Dim(1), n = seq.Dim(2);
        var y = new Tensor<T>(b, n);
        for (int i = 0; i < b; i++) seq.Data.AsSpan((i * steps + t) * n, n).CopyTo(y.Data.AsSpan(i * n, n));
        return y;
    }

    private static void SetStep(Tensor<T> seq, int t, Tensor<T> v)
    {
        int b = seq.Dim(0), steps = seq.Dim(1), n = seq.Dim(2);
        for (int i = 0; i < b; i++) v.Data.AsSpan(i * n, n).CopyTo(seq.Data.AsSpan((i * steps + t) * n, n));
    }
}
