using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Nn;

/// <summary>Masked (padded) batches: gradients against finite differences, and each sequence run alone as the reference.</summary>
public class MaskingTests(ITestOutputHelper output)
{
    private static readonly int[] Lengths = [4, 2, 1];
    private const int Steps = 4;

    /// <summary>A recurrent layer that always runs with one mask, so the gradient check sees the masked function.</summary>
    private sealed class Masked : Module<double>
    {
        private readonly RNNBase<double> rnn;
        private readonly SequenceMask mask;
        public Masked(RNNBase<double> rnn, SequenceMask mask) : base("masked")
        {
            (this.rnn, this.mask) = (rnn, mask);
            register_module("rnn", rnn);
        }
        public override Tensor<double> forward(Tensor<double> input) => rnn.forward(input, null, mask).Output;
        public override Tensor<double> backward(Tensor<double> g) => rnn.backward(g);
    }

    public static TheoryData<string, int, bool, bool, PadSide> Cases()
    {
        var d = new TheoryData<string, int, bool, bool, PadSide>();
        foreach (var kind in new[] { "rnn_tanh", "lstm", "gru" })
            foreach (var (layers, bidir) in new[] { (1, false), (2, true) })
                foreach (var seq in new[] { false, true })
                    foreach (var side in new[] { PadSide.Post, PadSide.Pre })
                        d.Add(kind, layers, bidir, seq, side);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Masked_gradients_match_finite_differences(string kind, int layers, bool bidir, bool seq, PadSide side)
    {
        var rnn = LayerGradientTests.Make(kind, 3, 4, layers, bidir, seq);
        rnn.ResetParameters(InitScheme.PyTorch, new Rng(5));
        var mask = SequenceMask.FromLengths(Lengths, Steps, side);
        var x = Tensor.Normal<double>(new Rng(7), 0, 1, Lengths.Length, Steps, 3);
        foreach (var r in GradientCheck.CheckLayer(new Masked(rnn, mask), x, new Rng(3)))
        {
            output.WriteLine(r.ToString());
            Assert.True(r.MaxRelativeError <= 1e-7, r.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_padded_batch_equals_each_sequence_run_alone(string kind, int layers, bool bidir, bool seq, PadSide side)
    {
        var rnn = LayerGradientTests.Make(kind, 3, 4, layers, bidir, seq);
        rnn.ResetParameters(InitScheme.PyTorch, new Rng(5));
        int B = Lengths.Length, width = rnn.Directions * rnn.HiddenSize;
        var mask = SequenceMask.FromLengths(Lengths, Steps, side);
        var x = Tensor.Normal<double>(new Rng(7), 0, 1, B, Steps, 3);
        var g = Tensor.Normal<double>(new Rng(8), 0, 1, rnn.OutputShape([B, Steps, 3]));
        var result = rnn.forward(x, null, mask);
        var final = result.FinalState;
        rnn.zero_grad();
        var dx = rnn.backward(g);
        var grads = rnn.named_parameters().ToDictionary(np => np.name, np => np.parameter.Grad.Clone());

        var alone = LayerGradientTests.Make(kind, 3, 4, layers, bidir, seq);
        alone.load_state_dict(rnn.state_dict());
        alone.zero_grad();
        for (int b = 0; b < B; b++)
        {
            int n = Lengths[b], start = side == PadSide.Post ? 0 : Steps - n;
            var xb = new Tensor<double>(1, n, 3);
            x.Data.AsSpan((b * Steps + start) * 3, n * 3).CopyTo(xb.Data);
            var rb = alone.forward(xb, null);
            // Final state of every layer and direction.
            for (int k = 0; k < layers * rnn.Directions; k++)
            {
                AssertClose(rb.FinalState.H.Data.AsSpan(k * 4, 4), final.H.Data.AsSpan((k * B + b) * 4, 4), $"h_n[{k}, {b}]");
                if (rnn.HasCellState) AssertClose(rb.FinalState.C!.Data.AsSpan(k * 4, 4), final.C!.Data.AsSpan((k * B + b) * 4, 4), $"c_n[{k}, {b}]");
            }
            Tensor<double> gb;
            if (seq)
            {
                for (int t = 0; t < Steps; t++)
                {
                    var got = result.Output.Data.AsSpan((b * Steps + t) * width, width);
                    if (t < start || t >= start + n) Assert.All(got.ToArray(), v => Assert.Equal(0.0, v));   // padded step: zero output
                    else AssertClose(rb.Output.Data.AsSpan((t - start) * width, width), got, $"output[{b}, {t}]");
                }
                gb = new Tensor<double>(1, n, width);
                g.Data.AsSpan((b * Steps + start) * width, n * width).CopyTo(gb.Data);
            }
            else
            {
                AssertClose(rb.Output.Data, result.Output.Data.AsSpan(b * width, width), $"output[{b}]");
                gb = new Tensor<double>(1, width);
                g.Data.AsSpan(b * width, width).CopyTo(gb.Data);
            }
            var dxb = alone.backward(gb);
            for (int t = 0; t < Steps; t++)
            {
                var got = dx.Data.AsSpan((b * Steps + t) * 3, 3);
                if (t < start || t >= start + n) Assert.All(got.ToArray(), v => Assert.Equal(0.0, v));      // padded step: no gradient
                else AssertClose(dxb.Data.AsSpan((t - start) * 3, 3), got, $"grad input[{b}, {t}]");
            }
        }
        // Parameter gradients of the batch are the sums over the sequences run alone.
        foreach (var (name, p) in alone.named_parameters()) AssertClose(p.Grad.Data, grads[name].Data, "grad " + name);
    }

    [Fact]
    public void Keras_mask_zero_in_a_sequential_model_matches_explicit_lengths()
    {
        var embedding = new Embedding<double>(6, 3) { MaskZero = true };
        var rnn = new GRU<double>(3, 4);
        var model = new Sequential<double>(embedding, rnn, new Linear<double>(4, 1));
        var ids = Tensor.FromArray(new double[,] { { 0, 0, 3, 5 }, { 0, 1, 2, 4 }, { 0, 0, 0, 2 } });   // pre-padded ids
        var y = model.forward(ids);

        var reference = rnn.forward(embedding.forward(ids), null, SequenceMask.FromLengths([2, 3, 1], 4, PadSide.Pre)).Output;
        var expected = model.Modules[2].forward(reference);
        AssertClose(expected.Data, y.Data, "model output");
        var unmasked = model.Modules[2].forward(rnn.forward(embedding.forward(ids)));
        Assert.NotEqual(unmasked.Data[0], y.Data[0]);     // without the mask the zeros would be read as tokens
    }

    [Fact]
    public void Mask_from_padding_and_lengths_agree()
    {
        var ids = Tensor.FromArray(new double[,] { { 4, 2, 0, 0 }, { 7, 0, 0, 0 } });
        var mask = SequenceMask.FromPadding(ids);
        Assert.Equal([2, 1], mask.Lengths());
        var post = SequenceMask.FromLengths([2, 1], 4, PadSide.Post);
        for (int b = 0; b < 2; b++) for (int t = 0; t < 4; t++) Assert.Equal(post.IsValid(b, t), mask.IsValid(b, t));
        Assert.False(SequenceMask.FromLengths([2], 4, PadSide.Pre).IsValid(0, 1));
        Assert.True(SequenceMask.FromLengths([2], 4, PadSide.Pre).IsValid(0, 2));
    }

    [Fact]
    public void Bad_masks_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceMask.FromLengths([2, 9], 4));
        Assert.Contains("length 9 of sequence 1", e.Message);
        var rnn = new RNN<double>(3, 4);
        var s = Assert.Throws<ShapeException>(() => rnn.forward(new Tensor<double>(2, 5, 3), null, SequenceMask.FromLengths([1, 2], 4)));
        Assert.Contains("mask is for [2, 4]", s.Message);
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }
}
