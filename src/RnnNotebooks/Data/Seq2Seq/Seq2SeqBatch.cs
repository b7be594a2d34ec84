using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Seq2Seq;

/// <summary>
/// A batch of pairs as id tensors, every row post-padded with <see cref="Seq2SeqVocabulary.Pad"/>:
/// <see cref="Source"/> [B, S] for the encoder; <see cref="DecoderInput"/> [B, T] = &lt;s&gt; + target
/// and <see cref="DecoderTarget"/> [B, T] = target + &lt;/s&gt; for teacher forcing (the decoder reads the
/// correct previous character at every step), with T = longest target + 1.
/// </summary>
public sealed class Seq2SeqBatch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Seq2SeqBatch(IReadOnlyList<Seq2SeqPair> pairs, Tensor<T> source, Tensor<T> decoderInput, Tensor<T> decoderTarget)
    {
        Pairs = pairs; Source = source; DecoderInput = decoderInput; DecoderTarget = decoderTarget;
    }

    /// <summary>The pairs, in row order.</summary>
    public IReadOnlyList<Seq2SeqPair> Pairs { get; }
    /// <summary>Source ids [B, S], padded with 0 after each source.</summary>
    public Tensor<T> Source { get; }
    /// <summary>Decoder inputs [B, T]: &lt;s&gt; then the target, padded with 0.</summary>
    public Tensor<T> DecoderInput { get; }
    /// <summary>Decoder targets [B, T]: the target then &lt;/s&gt;, padded with 0 (ignored by the loss).</summary>
    public Tensor<T> DecoderTarget { get; }
    /// <summary>Rows B.</summary>
    public int Count => Pairs.Count;

    /// <summary>Encodes <paramref name="pairs"/> with <paramref name="vocabulary"/>; an empty source or target is refused.</summary>
    public static Seq2SeqBatch<T> Create(IReadOnlyList<Seq2SeqPair> pairs, Seq2SeqVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (pairs.Count == 0) throw new ArgumentException("Seq2SeqBatch: no pairs.", nameof(pairs));
        for (int i = 0; i < pairs.Count; i++)
            if (string.IsNullOrEmpty(pairs[i]?.Source) || string.IsNullOrEmpty(pairs[i].Target))
                throw new ArgumentException($"Seq2SeqBatch: pair {i} has an empty source or target ({pairs[i]}).", nameof(pairs));
        var src = pairs.Select(p => vocabulary.Encode(p.Source)).ToArray();
        var tgt = pairs.Select(p => vocabulary.Encode(p.Target)).ToArray();
        int b = pairs.Count, s = src.Max(x => x.Length), t = tgt.Max(x => x.Length) + 1;
        var source = new Tensor<T>(b, s);
        var input = new Tensor<T>(b, t);
        var target = new Tensor<T>(b, t);
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < src[i].Length; k++) source.Data[i * s + k] = T.CreateChecked(src[i][k]);
            input.Data[i * t] = T.CreateChecked(Seq2SeqVocabulary.Start);
            for (int k = 0; k < tgt[i].Length; k++)
            {
                input.Data[i * t + k + 1] = T.CreateChecked(tgt[i][k]);
                target.Data[i * t + k] = T.CreateChecked(tgt[i][k]);
            }
            target.Data[i * t + tgt[i].Length] = T.CreateChecked(Seq2SeqVocabulary.End);
        }
        return new Seq2SeqBatch<T>(pairs.ToArray(), source, input, target);
    }

    /// <summary>
    /// The pairs cut into batches of <paramref name="batchSize"/> (the last may be smaller; a batchSize above the number of pairs gives one batch), in a
    /// random order drawn from <paramref name="rng"/>, or in order when it is null.
    /// </summary>
    public static List<Seq2SeqBatch<T>> Batches(IReadOnlyList<Seq2SeqPair> pairs, Seq2SeqVocabulary vocabulary, int batchSize, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Seq2SeqBatch: batchSize must be at least 1, got {batchSize}.");
        if (pairs.Count == 0) throw new ArgumentException("Seq2SeqBatch: no pairs.", nameof(pairs));
        var order = rng is null ? Enumerable.Range(0, pairs.Count).ToArray() : rng.Permutation(pairs.Count);
        var batches = new List<Seq2SeqBatch<T>>();
        for (int start = 0; start < order.Length; start += batchSize)
            batches.Add(Create(order.Skip(start).Take(batchSize).Select(i => pairs[i]).ToArray(), vocabulary));
        return batches;
    }
}
