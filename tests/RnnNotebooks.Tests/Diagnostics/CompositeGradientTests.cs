using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Tests.Nn;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Diagnostics;

/// <summary>Gradient checks of losses, stacked models, initial states and truncated BPTT against finite differences.</summary>
public class CompositeGradientTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-7;

    private void Assert1(GradientCheckResult r)
    {
        output.WriteLine(r.ToString());
        Assert.True(r.MaxRelativeError <= Tolerance, r.ToString());
    }

    public static TheoryData<string> LossNames => new() { "mse", "bce", "bce_keras", "bce_logits", "softmax_ce", "softmax_ce_per_step", "last_step_mse" };

    [Theory, MemberData(nameof(LossNames))]
    public void Loss_gradients(string name)
    {
        var rng = new Rng(21);
        (Loss<double> loss, Tensor<double> pred, Tensor<double> target) = name switch
        {
            "mse" => ((Loss<double>)new MeanSquaredError<double>(), Tensor.Normal<double>(rng, 0, 1, 4, 3), Tensor.Normal<double>(rng, 0, 1, 4, 3)),
            "bce" => (new BinaryCrossEntropy<double>(), Tensor.Uniform<double>(rng, 0.05, 0.95, 4, 2), Tensor.Uniform<double>(rng, 0, 1, 4, 2)),
            "bce_keras" => (BinaryCrossEntropy<double>.Keras(), Tensor.Uniform<double>(rng, 0.05, 0.95, 4, 2), Tensor.FromIndices<double>(new[] { 0, 1, 1, 0, 1, 0, 0, 1 }).Reshape(4, 2)),
            "bce_logits" => (new BinaryCrossEntropyWithLogits<double>(), Tensor.Normal<double>(rng, 0, 3, 4, 2), Tensor.Uniform<double>(rng, 0, 1, 4, 2)),
            "softmax_ce" => (new SoftmaxCrossEntropy<double>(), Tensor.Normal<double>(rng, 0, 2, 5, 4), Tensor.FromIndices<double>(new[] { 0, 3, 2, 2, 1 })),
            "softmax_ce_per_step" => (new SoftmaxCrossEntropy<double>(), Tensor.Normal<double>(rng, 0, 2, 2, 3, 4), Tensor.FromIndices<double>(new[,] { { 0, 3, 2 }, { 1, 1, 0 } })),
            _ => (new LastStep<double>(new MeanSquaredError<double>()), Tensor.Normal<double>(rng, 0, 1, 3, 4, 2), Tensor.Normal<double>(rng, 0, 1, 3, 2)),
        };
        loss.forward(pred, target);
        var analytic = loss.backward();
        // log p has large higher derivatives near p = 0.05: a smaller step keeps the stencil accurate.
        double h = name.StartsWith("bce") && name != "bce_logits" ? 1e-4 : GradientCheck.DefaultStep;
        Assert1(GradientCheck.Compare(name, pred, analytic.Data, () => loss.forward(pred, target), h));
    }

    [Fact]
    public void Stacked_model_embedding_bidirectional_lstm_gru_dense_softmax_ce()
    {
        Rng.ManualSeed(5);
        var model = new Sequential<double>(
            new Embedding<double>(9, 4),
            new Bidirectional<double>(new LSTM<double>(4, 3, returnSequences: true)),
            new GRU<double>(6, 3, numLayers: 2, bidirectional: true, returnSequences: true),
            new Linear<double>(6, 5));
        var ids = Tensor.FromIndices<double>(new[,] { { 1, 4, 8, 0 }, { 2, 2, 7, 5 } });
        var labels = Tensor.FromIndices<double>(new[,] { { 0, 4, 1, 2 }, { 3, 3, 0, 1 } });
        var loss = new SoftmaxCrossEntropy<double>();
        double L() => loss.forward(model.forward(ids), labels);
        L();
        model.zero_grad();
        model.backward(loss.backward());
        foreach (var (name, p) in model.named_parameters())
            Assert1(GradientCheck.Compare(name, p.Value, p.Grad.Data.ToArray(), L));
    }

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Initial_and_final_state_gradients(string kind)
    {
        var layer = LayerGradientTests.Make(kind, 3, 4, layers: 2, bidir: true, seq: true);
        var rng = new Rng(17);
        var x = Tensor.Normal<double>(rng, 0, 1, 2, 5, 3);
        var h0 = Tensor.Normal<double>(rng, 0, 0.5, 4, 2, 4);
        var c0 = layer.HasCellState ? Tensor.Normal<double>(rng, 0, 0.5, 4, 2, 4) : null;
        var g = Tensor.Normal<double>(rng, 0, 1, 2, 5, 8);
        var gh = Tensor.Normal<double>(rng, 0, 1, 4, 2, 4);
        var gc = Tensor.Normal<double>(rng, 0, 1, 4, 2, 4);
        double L()
        {
            var r = layer.forward(x, new RecurrentState<double>(h0, c0));
            double s = Dot(r.Output, g) + Dot(r.FinalState.H, gh);
            return r.FinalState.C is { } c ? s + Dot(c, gc) : s;
        }
        L();
        layer.zero_grad();
        var dx = layer.backward(g, new RecurrentState<double>(gh, c0 is null ? null : gc));
        var d0 = layer.InitialStateGradient!;
        Assert1(GradientCheck.Compare("h0", h0, d0.H.Data, L));
        if (c0 is not null) Assert1(GradientCheck.Compare("c0", c0, d0.C!.Data, L));
        Assert1(GradientCheck.Compare("input", x, dx.Data, L));
        foreach (var (name, p) in layer.named_parameters())
            Assert1(GradientCheck.Compare(name, p.Value, p.Grad.Data.ToArray(), L));
    }

    /// <summary>
    /// Truncated BPTT with chunks of k steps equals, for every chunk, the full gradient of that
    /// chunk's loss with the chunk's initial state held constant. The reference is computed
    /// by finite differences on each chunk run separately from its (fixed) starting state.
    /// </summary>
    [Theory]
    [InlineData("rnn_tanh", 2)]
    [InlineData("lstm", 3)]
    [InlineData("gru", 2)]
    public void Truncated_bptt_equals_gradients_of_detached_chunks(string kind, int k)
    {
        int steps = 6;
        var layer = LayerGradientTests.Make(kind, 2, 3, seq: true);
        var rng = new Rng(23);
        var x = Tensor.Normal<double>(rng, 0, 1, 2, steps, 2);
        var g = Tensor.Normal<double>(rng, 0, 1, 2, steps, 3);
        layer.forward(x, null);
        layer.zero_grad();
        layer.TruncateBackpropSteps = k;
        layer.backward(g, null);
        var analytic = layer.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.Grad.Data.ToArray());
        layer.TruncateBackpropSteps = 0;

        // Starting state of every chunk, from one unperturbed forward pass over prefixes.
        var starts = new List<RecurrentState<double>?>();
        for (int s = 0; s < steps; s += k)
            starts.Add(s == 0 ? null : layer.forward(Batching(x, 0, s), null).FinalState.Detach());
        double L()
        {
            double total = 0;
            for (int c = 0, s = 0; s < steps; c++, s += k)
            {
                int len = Math.Min(k, steps - s);
                total += Dot(layer.forward(Batching(x, s, len), starts[c]).Output, Batching(g, s, len));
            }
            return total;
        }
        foreach (var (name, p) in layer.named_parameters())
            Assert1(GradientCheck.Compare(name, p.Value, analytic[name], L));

        // And it differs from full BPTT, which the truncation must have changed.
        layer.forward(x, null);
        layer.zero_grad();
        layer.backward(g, null);
        var full = layer.named_parameters().First(kv => kv.name.StartsWith("weight_hh")).parameter.Grad.Data;
        Assert.True(GradientCheck.RelativeError(full.Sum(v => Math.Abs(v)), analytic["weight_hh_l0"].Sum(v => Math.Abs(v))) > 1e-4);
    }

    private static Tensor<double> Batching(Tensor<double> seq, int start, int len)
    {
        int b = seq.Shape[0], t = seq.Shape[1], f = seq.Shape[2];
        var y = new Tensor<double>(b, len, f);
        for (int i = 0; i < b; i++) seq.Data.AsSpan((i * t + start) * f, len * f).CopyTo(y.Data.AsSpan(i * len * f, len * f));
        return y;
    }

    private static double Dot(Tensor<double> a, Tensor<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a.Data[i] * b.Data[i];
        return s;
    }
}
