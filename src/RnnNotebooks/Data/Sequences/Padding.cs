using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Sequences;

/// <summary>Keras <c>pad_sequences</c>: variable-length id lists to a rectangular <c>int[n, maxlen]</c>.</summary>
public static class Padding
{
    /// <summary>
    /// Pads or truncates every sequence to <paramref name="maxlen"/> (default: the longest).
    /// As in Keras, both default to <see cref="PadSide.Pre"/>: short reviews get zeros in front
    /// and long ones keep their last <paramref name="maxlen"/> tokens. The padding <paramref name="value"/> may be any id
    /// (0 by default; −1 or any other int too).
    /// </summary>
    public static int[,] PadSequences(IReadOnlyList<int[]> sequences, int? maxlen = null,
        PadSide padding = PadSide.Pre, PadSide truncating = PadSide.Pre, int value = 0)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        int len = maxlen ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Length));
        if (maxlen is int m && m < 1)
            throw new ArgumentOutOfRangeException(nameof(maxlen), maxlen, $"PadSequences: maxlen must be at least 1 (null: the longest sequence), got {m}.");
        if ((long)sequences.Count * len > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(maxlen), len, $"PadSequences: {sequences.Count} sequences of maxlen = {len} make {(long)sequences.Count * len:N0} ids; at most {Array.MaxLength:N0} fit in one array.");
        if (len == 0 && sequences.Count > 0)
            throw new ArgumentException($"PadSequences: all {sequences.Count} sequences are empty; there is nothing to pad (give maxlen to get rows of padding only).", nameof(sequences));
        var result = new int[sequences.Count, len];
        for (int i = 0; i < sequences.Count; i++)
        {
            var seq = sequences[i] ?? throw new ArgumentException($"Sequence {i} is null.", nameof(sequences));
            ReadOnlySpan<int> kept = seq.Length <= len ? seq
                : truncating == PadSide.Pre ? seq.AsSpan(seq.Length - len) : seq.AsSpan(0, len);
            int start = padding == PadSide.Pre ? len - kept.Length : 0;
            for (int j = 0; j < len; j++) result[i, j] = value;
            for (int j = 0; j < kept.Length; j++) result[i, start + j] = kept[j];
        }
        return result;
    }

    /// <summary><see cref="PadSequences"/> then a <c>[n, maxlen]</c> tensor of ids stored as <typeparamref name="T"/> (Embedding input);
    /// the padding value may be any id, as there.</summary>
    public static Tensor<T> PadToTensor<T>(IReadOnlyList<int[]> sequences, int? maxlen = null,
        PadSide padding = PadSide.Pre, PadSide truncating = PadSide.Pre, int value = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Tensor.FromIndices<T>(PadSequences(sequences, maxlen, padding, truncating, value));
}
