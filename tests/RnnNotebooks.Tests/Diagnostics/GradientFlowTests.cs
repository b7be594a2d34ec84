using RnnNotebooks.Data;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Diagnostics;

/// <summary>GradientFlow against finite differences, a hand-written Jacobian product and known spectra.</summary>
public class GradientFlowTests
{
    private static RNNBase<double> Make(string kind, int input, int hidden, int layers, ulong seed)
    {
        Rng.ManualSeed(seed);
        return kind switch
        {
            "rnn" => new RNN<double>(input, hidden, layers),
            "lstm" => new LSTM<double>(input, hidden, layers),
            "gru" => new GRU<double>(input, hidden, layers),
            _ => throw new ArgumentException(kind),
        };
    }

    // L = Σ u ⊙ h_T(top layer), run from the state at step t over the remaining steps.
    private static double LossFrom(RNNBase<double> layer, Tensor<double> x, int t, RecurrentState<double> stateT, Tensor<double> u)
    {
        int batch = x.Shape[0], steps = x.Shape[1], f = x.Shape[2], h = layer.HiddenSize;
        if (t == steps) return Dot(stateT.H, u, layer.NumLayers - 1, batch, h);
        var rest = new Tensor<double>(batch, steps - t, f);
        for (int b = 0; b < batch; b++)
            x.Data.AsSpan((b * steps + t) * f, (steps - t) * f).CopyTo(rest.Data.AsSpan(b * (steps - t) * f));
        var final = layer.forward(rest, stateT).FinalState;
        return Dot(final.H, u, layer.NumLayers - 1, batch, h);
    }

    private static double Dot(Tensor<double> s, Tensor<double> u, int layerIndex, int batch, int h)
    {
        double sum = 0;
        for (int i = 0; i < batch * h; i++) sum += s.Data[layerIndex * batch * h + i] * u.Data[i];
        return sum;
    }

    private static RecurrentState<double> StateAt(RNNBase<double> layer, Tensor<double> x, int t)
    {
        int batch = x.Shape[0], steps = x.Shape[1], f = x.Shape[2];
        if (t == 0) return layer.ZeroState(batch);
        var head = new Tensor<double>(batch, t, f);
        for (int b = 0; b < batch; b++)
            x.Data.AsSpan(b * steps * f, t * f).CopyTo(head.Data.AsSpan(b * t * f));
        return layer.forward(head, null).FinalState.Detach();
    }

    [Theory]
    [InlineData("rnn", 1)]
    [InlineData("lstm", 1)]
    [InlineData("gru", 1)]
    [InlineData("lstm", 2)]
    [InlineData("gru", 2)]
    public void Hidden_gradients_match_finite_differences(string kind, int layers)
    {
        const int batch = 2, steps = 7, input = 3, hidden = 4;
        var layer = Make(kind, input, hidden, layers, 5);
        var rng = new Rng(11);
        var x = Tensor.Normal<double>(rng, 0, 1, batch, steps, input);
        var u = Tensor.Normal<double>(rng, 0, 1, batch, hidden);
        var flow = GradientFlow.HiddenGradientNorms(layer, x, u);
        Assert.Equal(steps + 1, flow.HiddenNorms.Length);
        Assert.Equal(kind == "lstm", flow.CellNorms is not null);

        foreach (int t in new[] { 0, 1, 4, steps - 1, steps })
        {
            var state = StateAt(layer, x, t);
            var analytic = flow.HiddenGradients[t];
            for (int i = 0; i < state.H.Length; i++)
            {
                double numeric = GradientCheck.NumericDerivative(state.H, i, () => LossFrom(layer, x, t, state, u));
                Assert.True(Math.Abs(numeric - analytic.Data[i]) < 1e-7 * Math.Max(1, Math.Abs(numeric)),
                    $"{kind} t={t} i={i}: analytic {analytic.Data[i]}, numeric {numeric}");
            }
            // The mean per-example norm is what HiddenNorms reports.
            double expected = 0;
            for (int b = 0; b < batch; b++)
            {
                double sq = 0;
                for (int l = 0; l < layers; l++)
                    for (int j = 0; j < hidden; j++) sq += Math.Pow(analytic.Data[(l * batch + b) * hidden + j], 2);
                expected += Math.Sqrt(sq) / batch;
            }
            Assert.Equal(expected, flow.HiddenNorms[t], 12);
        }
    }

    [Fact]
    public void Lstm_cell_gradients_match_finite_differences()
    {
        const int batch = 2, steps = 6, input = 3, hidden = 4;
        var layer = Make("lstm", input, hidden, 1, 3);
        var rng = new Rng(2);
        var x = Tensor.Normal<double>(rng, 0, 1, batch, steps, input);
        var u = Tensor.Normal<double>(rng, 0, 1, batch, hidden);
        var flow = GradientFlow.HiddenGradientNorms(layer, x, u);
        foreach (int t in new[] { 0, 3, steps - 1 })
        {
            var state = StateAt(layer, x, t);
            double mean = 0;
            for (int b = 0; b < batch; b++)
            {
                double sq = 0;
                for (int j = 0; j < hidden; j++)
                {
                    double d = GradientCheck.NumericDerivative(state.C!, b * hidden + j, () => LossFrom(layer, x, t, state, u));
                    sq += d * d;
                }
                mean += Math.Sqrt(sq) / batch;
            }
            Assert.Equal(mean, flow.CellNorms![t], 8);
        }
        Assert.Equal(0, flow.CellNorms![steps]);   // no gradient enters through c_T
    }

    [Fact]
    public void Tanh_rnn_matches_the_hand_written_jacobian_product()
    {
        // ∂L/∂h_{k-1} = W_hhᵀ (∂L/∂h_k ⊙ (1 − h_k²)), with h_k from an independent forward loop.
        const int steps = 30, input = 2, hidden = 5;
        var layer = Make("rnn", input, hidden, 1, 9);
        var p = layer.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.Value);
        var rng = new Rng(4);
        var x = Tensor.Normal<double>(rng, 0, 1, 1, steps, input);
        var hs = new double[steps + 1][];
        hs[0] = new double[hidden];
        for (int t = 1; t <= steps; t++)
        {
            hs[t] = new double[hidden];
            for (int i = 0; i < hidden; i++)
            {
                double a = p["bias_ih_l0"].Data[i] + p["bias_hh_l0"].Data[i];
                for (int j = 0; j < input; j++) a += p["weight_ih_l0"][i, j] * x.Data[(t - 1) * input + j];
                for (int j = 0; j < hidden; j++) a += p["weight_hh_l0"][i, j] * hs[t - 1][j];
                hs[t][i] = Math.Tanh(a);
            }
        }
        var g = Enumerable.Repeat(1.0, hidden).ToArray();
        var expected = new double[steps + 1];
        expected[steps] = Math.Sqrt(hidden);
        for (int k = steps; k >= 1; k--)
        {
            var next = new double[hidden];
            for (int j = 0; j < hidden; j++)
                for (int i = 0; i < hidden; i++) next[j] += p["weight_hh_l0"][i, j] * g[i] * (1 - hs[k][i] * hs[k][i]);
            g = next;
            expected[k - 1] = Math.Sqrt(g.Sum(v => v * v));
        }
        var flow = GradientFlow.HiddenGradientNorms(layer, x);
        for (int t = 0; t <= steps; t++) Assert.Equal(expected[t], flow.HiddenNorms[t], 12);
        var byDistance = flow.HiddenNormsByDistance;
        for (int k = 0; k <= steps; k++) Assert.Equal(expected[steps - k], byDistance[k], 12);
        Assert.Equal(steps, flow.Distances[0]);
    }

    [Fact]
    public void Leaves_parameter_gradients_and_works_in_float()
    {
        Rng.ManualSeed(1);
        var layer = new GRU<float>(2, 3, returnSequences: true);
        foreach (var prm in layer.parameters()) prm.Grad.Data.AsSpan().Fill(0.25f);
        var x = Tensor.Normal<float>(new Rng(3), 0, 1, 2, 5, 2);
        var flow = GradientFlow.HiddenGradientNorms(layer, x);
        Assert.All(layer.parameters(), prm => Assert.All(prm.Grad.Data, v => Assert.Equal(0.25f, v)));
        Assert.All(flow.HiddenNorms, v => Assert.True(double.IsFinite(v) && v > 0));
    }

    [Fact]
    public void Rejects_bidirectional_and_bad_shapes()
    {
        var bi = new LSTM<double>(2, 3, bidirectional: true);
        Assert.Throws<ArgumentException>(() => GradientFlow.HiddenGradientNorms(bi, new Tensor<double>(1, 4, 2)));
        var uni = new LSTM<double>(2, 3);
        Assert.Throws<ShapeException>(() => GradientFlow.HiddenGradientNorms(uni, new Tensor<double>(1, 4, 3)));
        Assert.Throws<ShapeException>(() => GradientFlow.HiddenGradientNorms(uni, new Tensor<double>(1, 4, 2), new Tensor<double>(2, 3)));
    }

    [Fact]
    public void Spectral_radius_of_known_matrices()
    {
        // Scaled orthogonal: every eigenvalue has modulus ρ.
        var q = new Tensor<double>(16, 16);
        Init.Orthogonal(q, new Rng(5));
        var w = new Tensor<double>(q.Data.Select(v => 1.1 * v).ToArray(), 16, 16);
        Assert.Equal(1.1, GradientFlow.SpectralRadius(w), 6);

        // A non-normal matrix with eigenvalues 0.5 ± 0.6i (|λ| ≈ 0.781), 0.3, −0.2: P·B·P⁻¹ with P upper triangular.
        double[,] b = { { 0.5, -0.6, 0, 0 }, { 0.6, 0.5, 0, 0 }, { 0, 0, 0.3, 0 }, { 0, 0, 0, -0.2 } };
        double[,] pm = { { 1, 0.5, 0.2, 0.1 }, { 0, 1, 0.3, 0.4 }, { 0, 0, 1, 0.7 }, { 0, 0, 0, 1 } };
        var m = Multiply(Multiply(pm, b), InvertUpper(pm));
        double expected = Math.Sqrt(0.5 * 0.5 + 0.6 * 0.6);
        Assert.Equal(expected, GradientFlow.SpectralRadius(Tensor.FromArray(m), iterations: 4000), 2);

        // Diagonal with a dominant negative eigenvalue.
        Assert.Equal(2.0, GradientFlow.SpectralRadius(Tensor.FromArray(new double[,] { { -2, 0 }, { 0, 1 } })), 9);
        Assert.Throws<ShapeException>(() => GradientFlow.SpectralRadius(new Tensor<double>(2, 3)));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var c = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    private static double[,] InvertUpper(double[,] u)
    {
        int n = u.GetLength(0);
        var inv = new double[n, n];
        for (int col = 0; col < n; col++)
            for (int i = n - 1; i >= 0; i--)
            {
                double s = i == col ? 1 : 0;
                for (int k = i + 1; k < n; k++) s -= u[i, k] * inv[k, col];
                inv[i, col] = s / u[i, i];
            }
        return inv;
    }

    [Fact]
    public void Adding_problem_has_two_markers_and_the_sum_as_target()
    {
        var (x, y) = AddingProblem.Generate<double>(200, 20, new Rng(1));
        Assert.Equal(new[] { 200, 20, 2 }, x.Shape);
        Assert.Equal(new[] { 200, 1 }, y.Shape);
        double mean = 0, sq = 0;
        for (int n = 0; n < 200; n++)
        {
            var (a, b) = AddingProblem.Markers(x, n);
            Assert.InRange(a, 0, 9);
            Assert.InRange(b, 10, 19);
            double markers = 0;
            for (int t = 0; t < 20; t++) markers += x[n, t, 1];
            Assert.Equal(2, markers);
            Assert.Equal(x[n, a, 0] + x[n, b, 0], y[n, 0], 12);
            mean += y[n, 0] / 200; sq += y[n, 0] * y[n, 0] / 200;
        }
        Assert.InRange(sq - mean * mean, 0.12, 0.22);   // Var(U₁ + U₂) = 1/6
        Assert.InRange(mean, 0.9, 1.1);
    }
}
