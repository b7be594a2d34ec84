using RnnNotebooks.Attention;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Seq2Seq;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Optimizers;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Seq2Seq;

/// <summary>The encoder–decoder: whole-model gradients, names, the decoding path against the training path, greedy and beam search.</summary>
[FreshGlobalRng]
public class EncoderDecoderTests(ITestOutputHelper output)
{
    private static readonly Seq2SeqVocabulary Vocab = new("abcd");

    private static Seq2SeqBatch<double> Batch() =>
        Seq2SeqBatch<double>.Create([new("abcd", "dcb"), new("ba", "ab"), new("cca", "acca")], Vocab);   // padded sources and targets

    public static TheoryData<AttentionKind, bool> Kinds => new()
    {
        { AttentionKind.None, false }, { AttentionKind.None, true }, { AttentionKind.Additive, true },
        { AttentionKind.Additive, false }, { AttentionKind.DotProduct, true },
    };

    [Theory, MemberData(nameof(Kinds))]
    public void Whole_model_gradients_match_finite_differences(AttentionKind kind, bool bidirectional)
    {
        Rng.ManualSeed(7);
        var model = new EncoderDecoder<double>(Vocab.Count, 3, 3, bidirectional, kind, attentionSize: 4);
        var batch = Batch();
        var loss = TeacherForcing.Loss<double>();
        double L() => loss.forward(model.forward(batch.Source, batch.DecoderInput), batch.DecoderTarget);
        model.zero_grad();
        L();
        model.backward(loss.backward());
        foreach (var (name, p) in model.named_parameters())
        {
            var r = GradientCheck.Compare(name, p.Value, p.Grad.Data.ToArray(), L, maxElements: 30);
            output.WriteLine(r.ToString());
            Assert.True(r.MaxRelativeError <= 1e-7, r.ToString());
        }
    }

    [Fact]
    public void Parameters_are_named_after_the_fields()
    {
        var names = new EncoderDecoder<float>(10, 4, 5, bidirectional: true, AttentionKind.Additive).named_parameters().Select(p => p.name).ToList();
        Assert.Equal([
            "src_embedding.weight",
            "encoder.weight_ih_l0", "encoder.weight_hh_l0", "encoder.bias_ih_l0", "encoder.bias_hh_l0",
            "encoder.weight_ih_l0_reverse", "encoder.weight_hh_l0_reverse", "encoder.bias_ih_l0_reverse", "encoder.bias_hh_l0_reverse",
            "bridge.weight", "bridge.bias", "tgt_embedding.weight",
            "decoder.weight_ih_l0", "decoder.weight_hh_l0", "decoder.bias_ih_l0", "decoder.bias_hh_l0",
            "attention.weight_query", "attention.weight_key", "attention.weight_score",
            "combine.weight", "combine.bias", "output.weight", "output.bias"], names);
        var plain = new EncoderDecoder<float>(10, 4, 5, bidirectional: false, AttentionKind.None).named_parameters().Select(p => p.name);
        Assert.DoesNotContain(plain, n => n.StartsWith("attention") || n.StartsWith("combine"));
        var dot = new EncoderDecoder<float>(10, 4, 5, bidirectional: true, AttentionKind.DotProduct).named_parameters().Select(p => p.name);
        Assert.DoesNotContain(dot, n => n.StartsWith("attention"));
    }

    [Theory]
    [InlineData(AttentionKind.None)]
    [InlineData(AttentionKind.Additive)]
    [InlineData(AttentionKind.DotProduct)]
    public void Step_by_step_decoding_reproduces_the_teacher_forced_logits(AttentionKind kind)
    {
        Rng.ManualSeed(3);
        var model = new EncoderDecoder<double>(Vocab.Count, 4, 3, true, kind);
        var batch = Batch();
        var logits = model.forward(batch.Source, batch.DecoderInput);
        var enc = model.Encode(batch.Source);
        var state = enc.InitialState;
        int b = batch.Count, t = batch.DecoderInput.Dim(1), v = Vocab.Count;
        for (int k = 0; k < t; k++)
        {
            var tokens = Enumerable.Range(0, b).Select(i => (int)batch.DecoderInput[i, k]).ToArray();
            var o = model.DecodeStep(enc, state, tokens);
            state = o.State;
            for (int i = 0; i < b; i++)
                for (int j = 0; j < v; j++) Assert.Equal(logits[i, k, j], o.Logits[i, j], 12);
            if (kind == AttentionKind.None) Assert.Null(o.Weights);
            else Assert.Equal(0.0, o.Weights![1, 3]);            // "ba" has 2 characters: padding gets no weight
        }
    }

    [Theory]
    [InlineData(AttentionKind.None)]
    [InlineData(AttentionKind.Additive)]
    public void Beam_width_one_is_greedy(AttentionKind kind)
    {
        Rng.ManualSeed(11);
        var model = new EncoderDecoder<double>(Vocab.Count, 4, 6, true, kind);
        string[] sources = ["abcd", "a", "dddcba", "cab"];
        var greedy = Seq2SeqDecoding.Greedy(model, Vocab, sources, maxLength: 8);
        foreach (var (src, g) in sources.Zip(greedy))
        {
            var beam = Seq2SeqDecoding.Beam(model, Vocab, src, beamWidth: 1, maxLength: 8);
            Assert.Equal(g.Output, beam.Output);
            Assert.Equal(g.LogProbability, beam.LogProbability, 10);
            Assert.Equal(g.Finished, beam.Finished);
            if (kind != AttentionKind.None) Assert.Equal(g.Attention, beam.Attention);
        }
        var wide = Seq2SeqDecoding.Beam(model, Vocab, "abcd", beamWidth: 4, maxLength: 8);
        Assert.True(double.IsFinite(wide.LogProbability));
    }

    [Fact]
    public void Beam_search_finds_the_better_sequence_greedy_misses()
    {
        // p(a) = 0.6, p(b) = 0.4; after "a" the best next is "a" (0.35) and then </s> (1): 0.6·0.35 = 0.21;
        // after "b", </s> has 0.9: 0.4·0.9 = 0.36. Greedy commits to "a"; a beam of 2 keeps "b".
        const int a = 3, b = 4, end = Seq2SeqVocabulary.End;
        static double[] P(params (int Id, double P)[] ps)
        {
            var lp = Enumerable.Repeat(double.NegativeInfinity, 5).ToArray();
            foreach (var (id, p) in ps) lp[id] = Math.Log(p);
            return lp;
        }
        var table = new Dictionary<string, double[]>
        {
            [""] = P((a, 0.6), (b, 0.4)),
            ["a"] = P((end, 0.3), (a, 0.35), (b, 0.35)),
            ["aa"] = P((end, 1.0)),
            ["ab"] = P((end, 1.0)),
            ["b"] = P((end, 0.9), (a, 0.1)),
            ["ba"] = P((end, 1.0)),
        };
        (double[][], string[]) Step(IReadOnlyList<string> states, IReadOnlyList<int> tokens)
        {
            var next = states.Zip(tokens, (s, t) => t == Seq2SeqVocabulary.Start ? s : s + (t == a ? "a" : "b")).ToArray();
            return (next.Select(s => table[s]).ToArray(), next);
        }
        var greedy = BeamSearch.Greedy("", Step, 5);
        var beam = BeamSearch.Decode("", Step, 2, 5);
        Assert.Equal([a, a], greedy.Tokens);
        Assert.Equal(Math.Log(0.21), greedy.LogProbability, 12);
        Assert.Equal([b], beam.Tokens);
        Assert.Equal(Math.Log(0.36), beam.LogProbability, 12);
        Assert.True(beam.Finished);
        Assert.Equal("beamWidth", Assert.Throws<ArgumentOutOfRangeException>(() => BeamSearch.Decode("", Step, 0, 5)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => BeamSearch.Decode("", Step, 2, 0)).ParamName);
    }

    [Fact]
    public void Training_with_attention_learns_to_reverse_short_strings()
    {
        Rng.ManualSeed(1);
        var vocab = new Seq2SeqVocabulary("abcdef");
        var train = StringTask.Generate(StringTaskKind.Reverse, 1200, 2, 6, new Rng(2), "abcdef");
        var test = StringTask.Generate(StringTaskKind.Reverse, 100, 2, 6, new Rng(3), "abcdef");
        var model = new EncoderDecoder<float>(vocab.Count, 8, 16, true, AttentionKind.Additive);
        var opt = new Adam<float>(model.parameters(), learningRate: 0.01);
        var loss = TeacherForcing.Loss<float>();
        double first = 0, last = 0;
        for (int epoch = 0; epoch < 6; epoch++)
            foreach (var batch in Seq2SeqBatch<float>.Batches(train, vocab, 32, new Rng((ulong)epoch)))
            {
                double l = TeacherForcing.Step(model, batch, loss, opt);
                if (first == 0) first = l;
                last = l;
            }
        var predicted = Seq2SeqDecoding.Greedy(model, vocab, test.Select(p => p.Source).ToArray(), maxLength: 10);
        double accuracy = Seq2SeqDecoding.ExactMatch(predicted, test.Select(p => p.Target).ToArray());
        output.WriteLine($"loss {first:F3} → {last:F3}, exact match {accuracy:P0}");
        Assert.True(last < first / 4, $"loss {first} → {last}");
        Assert.True(accuracy > 0.8, $"exact match {accuracy}");
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var model = new EncoderDecoder<double>(Vocab.Count, 3, 3, true, AttentionKind.Additive);
        Assert.Contains("forward(source, decoderInput)", Assert.Throws<NotSupportedException>(() => model.forward(new Tensor<double>(2, 3))).Message);
        var inside = Tensor.FromIndices<double>(new[,] { { 3, 0, 4 } });
        Assert.Contains("after each source", Assert.Throws<ArgumentException>(() => model.Encode(inside)).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => model.Encode(Tensor.FromIndices<double>(new[,] { { 3, 4 }, { 0, 0 } }))).Message);
        Assert.Contains("query size (4)", Assert.Throws<ArgumentException>(() => new EncoderDecoder<double>(Vocab.Count, 3, 3, true, AttentionKind.DotProduct, decoderHiddenSize: 4)).Message);
        var small = Assert.Throws<ArgumentOutOfRangeException>(() => new EncoderDecoder<double>(3, 3, 3));
        Assert.Equal("vocabularySize", small.ParamName); Assert.Contains("got 3", small.Message);
        Assert.Throws<InvalidOperationException>(() => model.backward(new Tensor<double>(1, 2, Vocab.Count)));
    }
}
