using RnnNotebooks.Attention;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// The TorchSharp twin of the scratch <c>EncoderDecoder</c>: a GRU encoder (optionally bidirectional) on a
/// packed padded batch, a tanh bridge to the decoder's first state, a GRU decoder, and attention over the
/// encoder outputs for all decoder steps at once (additive, dot product or none), combined as
/// tanh(W_c [c; s] + b_c) and projected to the vocabulary. The parameter names are the scratch model's:
/// <c>src_embedding.weight</c>, <c>encoder.weight_ih_l0_reverse</c>, <c>attention.weight_query</c>, <c>combine.bias</c>, ….
/// </summary>
public sealed class Seq2SeqAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _srcEmbedding, _bridge, _tgtEmbedding, _output;
    private readonly GRU _encoder, _decoder;
    private readonly AdditiveScore? _additive;
    private readonly nn.Module<Tensor, Tensor>? _combine;
    private readonly int _directions;

    /// <summary>Creates the twin with the scratch model's sizes (decoder hidden default: directions × hidden; attention size default: the decoder's).</summary>
    public Seq2SeqAttention(long vocabularySize, long embeddingSize, long hiddenSize, bool bidirectional = true,
        AttentionKind attentionKind = AttentionKind.Additive, long? decoderHiddenSize = null, long? attentionSize = null,
        ScalarType? dtype = null, Device? device = null)
        : base(nameof(Seq2SeqAttention))
    {
        _directions = bidirectional ? 2 : 1;
        long k = _directions * hiddenSize, hd = decoderHiddenSize ?? k;
        if (attentionKind == AttentionKind.DotProduct && hd != k)
            throw new ArgumentException($"Seq2SeqAttention: dot-product attention needs the decoder size ({hd}) to equal the key size ({k}).", nameof(decoderHiddenSize));
        Kind = attentionKind;
        _srcEmbedding = nn.Embedding(vocabularySize, embeddingSize, device: device, dtype: dtype);
        _encoder = nn.GRU(embeddingSize, hiddenSize, 1, true, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype);
        _bridge = nn.Linear(k, hd, device: device, dtype: dtype);
        _tgtEmbedding = nn.Embedding(vocabularySize, embeddingSize, device: device, dtype: dtype);
        _decoder = nn.GRU(embeddingSize, hd, 1, true, batchFirst: true, device: device, dtype: dtype);
        _output = nn.Linear(hd, vocabularySize, device: device, dtype: dtype);
        register_module("src_embedding", _srcEmbedding);
        register_module("encoder", _encoder);
        register_module("bridge", _bridge);
        register_module("tgt_embedding", _tgtEmbedding);
        register_module("decoder", _decoder);
        if (attentionKind == AttentionKind.Additive)
        {
            _additive = new AdditiveScore(hd, k, attentionSize ?? hd, dtype, device);
            register_module("attention", _additive);
        }
        if (attentionKind != AttentionKind.None)
        {
            _combine = nn.Linear(k + hd, hd, device: device, dtype: dtype);
            register_module("combine", _combine);
        }
        register_module("output", _output);
    }

    /// <summary>None, additive or dot product.</summary>
    public AttentionKind Kind { get; }

    /// <summary>Teacher-forced logits [B, T, V] from source ids [B, S] (int64, 0 = padding after each source) and decoder inputs [B, T].</summary>
    public override Tensor forward(Tensor source, Tensor decoderInput) => Forward(source, decoderInput).Logits;

    /// <summary>The logits and, with attention, the weights α [B, T, S].</summary>
    public (Tensor Logits, Tensor? Weights) Forward(Tensor source, Tensor decoderInput)
    {
        using var scope = NewDisposeScope();
        long b = source.shape[0], s = source.shape[1];
        var mask = source.ne(0);                                                  // real source positions [B, S]
        var lengths = mask.sum(1).to(ScalarType.Int64).cpu();
        var packed = nn.utils.rnn.pack_padded_sequence(_srcEmbedding.forward(source), lengths, batch_first: true, enforce_sorted: false);
        var (packedOut, hN) = _encoder.call(packed, null);
        var (keys, _) = nn.utils.rnn.pad_packed_sequence(packedOut, batch_first: true, total_length: s);   // h [B, S, K]
        var s0 = _bridge.forward(hN.transpose(0, 1).reshape(b, -1)).tanh();      // s₀ [B, Hd]
        var (dec, _) = _decoder.forward(_tgtEmbedding.forward(decoderInput), s0.unsqueeze(0));   // s₁…s_T [B, T, Hd]
        if (Kind == AttentionKind.None) return (_output.forward(dec).MoveToOuterDisposeScope(), null);
        var scores = _additive is not null ? _additive.forward(dec, keys) : dec.bmm(keys.transpose(1, 2));   // e [B, T, S]
        scores = scores.masked_fill(mask.unsqueeze(1).logical_not(), double.NegativeInfinity);
        var alpha = scores.softmax(-1);                                           // α [B, T, S]
        var context = alpha.bmm(keys);                                            // c [B, T, K]
        var top = _combine!.forward(cat([context, dec], -1)).tanh();
        return (_output.forward(top).MoveToOuterDisposeScope(), alpha.MoveToOuterDisposeScope());
    }

    /// <summary>Additive scores eₜₛ = v · tanh(Wq sₜ + Wk hₛ) for every decoder step t and source position s.</summary>
    private sealed class AdditiveScore : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly Parameter _wq, _wk, _v;

        public AdditiveScore(long querySize, long keySize, long attentionSize, ScalarType? dtype, Device? device) : base("attention")
        {
            _wq = new Parameter(empty(attentionSize, querySize, dtype: dtype, device: device));
            _wk = new Parameter(empty(attentionSize, keySize, dtype: dtype, device: device));
            _v = new Parameter(empty(attentionSize, dtype: dtype, device: device));
            using (no_grad())
            {
                nn.init.uniform_(_wq, -1 / Math.Sqrt(querySize), 1 / Math.Sqrt(querySize));
                nn.init.uniform_(_wk, -1 / Math.Sqrt(keySize), 1 / Math.Sqrt(keySize));
                nn.init.uniform_(_v, -1 / Math.Sqrt(attentionSize), 1 / Math.Sqrt(attentionSize));
            }
            register_parameter("weight_query", _wq);
            register_parameter("weight_key", _wk);
            register_parameter("weight_score", _v);
        }

        public override Tensor forward(Tensor queries, Tensor keys)
        {
            var pq = queries.matmul(_wq.t()).unsqueeze(2);                        // Wq sₜ [B, T, 1, A]
            var pk = keys.matmul(_wk.t()).unsqueeze(1);                           // Wk hₛ [B, 1, S, A]
            return (pq + pk).tanh().matmul(_v);                                   // [B, T, S]
        }
    }
}
