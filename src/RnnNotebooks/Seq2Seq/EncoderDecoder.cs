using System.Numerics;
using RnnNotebooks.Attention;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Seq2Seq.StepSlices;

namespace RnnNotebooks.Seq2Seq;

/// <summary>
/// An encoder–decoder of characters (Cho et al., 2014; Sutskever et al., 2014) with optional attention
/// in Luong et al.'s (2015) arrangement:
/// <code>
/// encoder:  h₁…h_S = GRU(src_embedding(x))                 (bidirectional: [h→; h←], K = 2H)
/// bridge:   s₀ = tanh(W_b [final states] + b_b)             the fixed-size summary of the source
/// decoder:  sₜ = GRU(tgt_embedding(yₜ₋₁), sₜ₋₁)             yₜ₋₁ the previous character (teacher forcing: the true one)
/// attention: αₜ = softmax(score(sₜ, h)),  cₜ = Σₛ αₜₛ hₛ,  s̃ₜ = tanh(W_c [cₜ; sₜ] + b_c)
/// output:   logitsₜ = W_o s̃ₜ + b_o                          (without attention: W_o sₜ + b_o)
/// </code>
/// Without attention, s₀ is all the decoder knows about the source: the bottleneck. Sub-modules are
/// fields, so the parameters are <c>src_embedding.weight</c>, <c>encoder.weight_ih_l0</c>, …,
/// <c>attention.weight_query</c>, <c>combine.weight</c>, <c>output.bias</c>, as in the TorchSharp twin.
/// Ids follow <see cref="Data.Seq2Seq.Seq2SeqVocabulary"/>: 0 pads a source (masked) and a target (ignored by the loss).
/// </summary>
public sealed class EncoderDecoder<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> src_embedding;
    private readonly GRU<T> encoder;
    private readonly Linear<T> bridge;
    private readonly Embedding<T> tgt_embedding;
    private readonly GRU<T> decoder;
    private readonly AttentionLayer<T>? attention;
    private readonly Linear<T>? combine;
    private readonly Linear<T> output;

    private EncodedSource<T>? _encoded;
    private List<AttentionStep<T>>? _steps;
    private int _batch, _sourceSteps;

    /// <summary>
    /// Creates the model: a vocabulary of <paramref name="vocabularySize"/> ids, embeddings of
    /// <paramref name="embeddingSize"/>, an encoder GRU of <paramref name="hiddenSize"/> units per direction,
    /// a decoder GRU of <paramref name="decoderHiddenSize"/> units (default: directions × hidden, which the dot
    /// product needs), and <paramref name="attentionKind"/> (additive attention has <paramref name="attentionSize"/> units, default the decoder's).
    /// Every size is at most <see cref="MaxSize"/>.
    /// </summary>
    public EncoderDecoder(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional = true,
        AttentionKind attentionKind = AttentionKind.Additive, int? decoderHiddenSize = null, int? attentionSize = null, string name = "seq2seq")
        : base(name)
    {
        if (vocabularySize < 4 || vocabularySize > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"EncoderDecoder '{name}': vocabularySize must be in [4, {MaxSize}] (3 special ids and at least one character), got {vocabularySize}.");
        CheckSize(name, nameof(embeddingSize), embeddingSize);
        CheckSize(name, nameof(hiddenSize), hiddenSize);
        if (decoderHiddenSize is int dh) CheckSize(name, nameof(decoderHiddenSize), dh);
        if (attentionSize is int asz) CheckSize(name, nameof(attentionSize), asz);
        if (!Enum.IsDefined(attentionKind)) throw new ArgumentOutOfRangeException(nameof(attentionKind), attentionKind, $"EncoderDecoder '{name}': unknown attention kind.");
        int dirs = bidirectional ? 2 : 1, hd = decoderHiddenSize ?? dirs * hiddenSize;
        VocabularySize = vocabularySize; KeySize = dirs * hiddenSize; DecoderHiddenSize = hd; AttentionKind = attentionKind;
        src_embedding = new Embedding<T>(vocabularySize, embeddingSize, "src_embedding");
        encoder = new GRU<T>(embeddingSize, hiddenSize, bidirectional: bidirectional, returnSequences: true, name: "encoder");
        bridge = new Linear<T>(dirs * hiddenSize, hd, Activation.Tanh, name: "bridge");
        tgt_embedding = new Embedding<T>(vocabularySize, embeddingSize, "tgt_embedding");
        decoder = new GRU<T>(embeddingSize, hd, returnSequences: true, name: "decoder");
        if (attentionKind != AttentionKind.None)
        {
            attention = new AttentionLayer<T>(attentionKind, hd, KeySize, attentionSize ?? hd);
            combine = new Linear<T>(KeySize + hd, hd, Activation.Tanh, name: "combine");
        }
        output = new Linear<T>(hd, vocabularySize, name: "output");
        RegisterComponents();
    }

    /// <summary>The largest vocabulary or layer size: 65,536.</summary>
    public const int MaxSize = 65_536;

    private static void CheckSize(string name, string parameter, int value)
    {
        if (value < 1 || value > MaxSize)
            throw new ArgumentOutOfRangeException(parameter, value, $"EncoderDecoder '{name}': {parameter} must be in [1, {MaxSize}], got {value}.");
    }

    /// <summary>V, ids in the vocabulary.</summary>
    public int VocabularySize { get; }
    /// <summary>K, features of each encoder output (directions × hidden).</summary>
    public int KeySize { get; }
    /// <summary>Hd, units of the decoder.</summary>
    public int DecoderHiddenSize { get; }
    /// <summary>None, additive or dot product.</summary>
    public AttentionKind AttentionKind { get; }

    /// <summary>Encoder outputs, mask and the decoder's first state for source ids [B, S] (0 = padding after each source).</summary>
    public EncodedSource<T> Encode(Tensor<T> source)
    {
        ExpectShape(source, "source ids [batch, steps]", -1, -1);
        var mask = SequenceMask.FromPadding(source);
        int b = source.Dim(0), s = source.Dim(1);
        var lengths = mask.Lengths();
        int empty = Array.IndexOf(lengths, 0);
        if (empty >= 0) throw new ArgumentException($"{Describe()}: source row {empty} is all padding.", nameof(source));
        if (Enumerable.Range(0, b).Any(i => Enumerable.Range(0, s).Any(t => !mask.IsValid(i, t) && t < lengths[i])))
            throw new ArgumentException($"{Describe()}: padding (id 0) must come after each source, not inside it.", nameof(source));
        if (lengths.All(n => n == s)) mask = null;                              // no padding: the fast path
        var enc = encoder.forward(src_embedding.forward(source), null, mask);   // h [B, S, K], final [D, B, H]
        var s0 = bridge.forward(FinalStates(enc.FinalState.H, b));             // s₀ = tanh(W_b [h→_S; h←_1] + b_b)  [B, Hd]
        return new EncodedSource<T>(enc.Output, mask, s0);
    }

    /// <summary>Teacher-forced logits [B, T, V] for source ids [B, S] and decoder inputs [B, T] (&lt;s&gt; + target).</summary>
    public Tensor<T> forward(Tensor<T> source, Tensor<T> decoderInput)
    {
        ExpectShape(decoderInput, "decoder input ids [batch, steps]", source.Dim(0), -1);
        var enc = Encode(source);
        var dec = decoder.forward(tgt_embedding.forward(decoderInput), State(enc.InitialState)).Output;   // s₁…s_T  [B, T, Hd]
        _encoded = enc; _batch = source.Dim(0); _sourceSteps = source.Dim(1);
        if (attention is null) return output.forward(dec);
        var steps = new List<AttentionStep<T>>(dec.Dim(1));
        var contexts = new Tensor<T>(_batch, dec.Dim(1), KeySize);
        for (int t = 0; t < dec.Dim(1); t++)
        {
            var st = attention.Cell.Forward(Step(dec, t), enc.Keys, enc.Mask);  // αₜ, cₜ from query sₜ
            steps.Add(st);
            AddToStep(contexts, t, st.Context);
        }
        _steps = steps;
        return output.forward(combine!.forward(ConcatFeatures(contexts, dec))); // W_o tanh(W_c [cₜ; sₜ] + b_c) + b_o
    }

    /// <summary>Back-propagates ∂L/∂logits [B, T, V] through decoder, attention and encoder; returns a zero gradient for the ids.</summary>
    public override Tensor<T> backward(Tensor<T> dLogits)
    {
        if (_encoded is null) throw NoForward();
        var dTop = output.backward(dLogits);                                   // ∂L/∂s̃ₜ (or ∂L/∂sₜ)  [B, T, Hd]
        var dKeys = new Tensor<T>(_encoded.Keys.Shape);
        Tensor<T> dDec = dTop;
        if (attention is not null)
        {
            var (dContexts, dDecDirect) = SplitFeatures(combine!.backward(dTop), KeySize);
            dDec = dDecDirect;
            for (int t = 0; t < _steps!.Count; t++)
            {
                var g = attention.Cell.Backward(_steps[t], Step(dContexts, t));
                AddToStep(dDec, t, g.Query);                                    // sₜ also asked the question
                Kernels.Add<T>(g.Keys.Data, dKeys.Data);                        // every step reads every hₛ
                attention.AccumulateGradients(g);
            }
        }
        tgt_embedding.backward(decoder.backward(dDec, null));
        var dS0 = bridge.backward(decoder.InitialStateGradient!.H.Reshape(_batch, DecoderHiddenSize));
        src_embedding.backward(encoder.backward(dKeys, new RecurrentState<T>(SplitFinalStates(dS0))));
        _encoded = null;
        return new Tensor<T>(_batch, _sourceSteps);
    }

    /// <summary>One free-running step: logits for the next token after <paramref name="tokens"/> (one per row) from decoder state [B, Hd].</summary>
    public DecoderStepOutput<T> DecodeStep(EncodedSource<T> encoded, Tensor<T> state, IReadOnlyList<int> tokens)
    {
        int b = state.Dim(0);
        if (tokens.Count != b || encoded.Keys.Dim(0) != b)
            throw new ShapeException($"{Describe()}: {tokens.Count} tokens, a state of {b} rows and {encoded.Keys.Dim(0)} encoded sources must agree.");
        var ids = new Tensor<T>(b, 1);
        for (int i = 0; i < b; i++) ids.Data[i] = T.CreateChecked(tokens[i]);
        var r = decoder.forward(tgt_embedding.forward(ids), State(state));     // sₜ  [B, 1, Hd]
        var s = r.Output.Reshape(b, DecoderHiddenSize);
        if (attention is null) return new DecoderStepOutput<T>(output.forward(s), s, null);
        var st = attention.Cell.Forward(s, encoded.Keys, encoded.Mask);
        var top = combine!.forward(Tensor.ConcatColumns(st.Context, s));
        return new DecoderStepOutput<T>(output.forward(top), s, st.Weights);
    }

    /// <summary>Not used: the model reads two inputs; call forward(source, decoderInput).</summary>
    public override Tensor<T> forward(Tensor<T> input) =>
        throw new NotSupportedException($"{Describe()}: an encoder–decoder reads a source and the decoder's inputs; call forward(source, decoderInput).");

    private RecurrentState<T> State(Tensor<T> s) => new(s.Reshape(1, s.Dim(0), DecoderHiddenSize));

    // [D, B, H] final states → [B, D·H], the directions side by side (forward first).
    private Tensor<T> FinalStates(Tensor<T> h, int b)
    {
        int d = h.Dim(0), n = h.Dim(2);
        var y = new Tensor<T>(b, d * n);
        for (int k = 0; k < d; k++)
            for (int i = 0; i < b; i++) h.Data.AsSpan((k * b + i) * n, n).CopyTo(y.Data.AsSpan(i * d * n + k * n, n));
        return y;
    }

    // The inverse: ∂L/∂[B, D·H] → ∂L/∂h_n [D, B, H].
    private Tensor<T> SplitFinalStates(Tensor<T> g)
    {
        int b = g.Dim(0), d = encoder.Directions, n = encoder.HiddenSize;
        var y = new Tensor<T>(d, b, n);
        for (int k = 0; k < d; k++)
            for (int i = 0; i < b; i++) g.Data.AsSpan(i * d * n + k * n, n).CopyTo(y.Data.AsSpan((k * b + i) * n, n));
        return y;
    }
}
