using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Which steps of a padded batch are real: Keras's <c>mask_zero</c> mask, or the lengths
/// PyTorch's <c>pack_padded_sequence</c> takes. A recurrent layer given a mask skips the
/// padded steps: the state passes through them unchanged, they receive and pass on no
/// gradient, the final state is each sequence's state after its last real step, and with
/// returnSequences the output at a padded step is zero (as <c>pad_packed_sequence</c> gives).
/// </summary>
public sealed class SequenceMask
{
    private readonly bool[] _valid;   // [batch, steps]

    /// <summary>Creates a mask from a batch-first [batch, steps] array of flags (true = a real step).</summary>
    public SequenceMask(bool[,] valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        Batch = valid.GetLength(0); Steps = valid.GetLength(1);
        _valid = new bool[Batch * Steps];
        for (int b = 0; b < Batch; b++)
            for (int t = 0; t < Steps; t++) _valid[b * Steps + t] = valid[b, t];
    }

    private SequenceMask(bool[] valid, int batch, int steps)
    {
        _valid = valid; Batch = batch; Steps = steps;
    }

    /// <summary>Sequences in the batch.</summary>
    public int Batch { get; }
    /// <summary>Steps per (padded) sequence.</summary>
    public int Steps { get; }

    /// <summary>Whether step <paramref name="t"/> (in [0, Steps)) of sequence <paramref name="b"/> (in [0, Batch)) is real.</summary>
    public bool IsValid(int b, int t)
    {
        if ((uint)b >= (uint)Batch) throw new ArgumentOutOfRangeException(nameof(b), b, $"SequenceMask: sequence b = {b} is not in [0, {Batch}).");
        if ((uint)t >= (uint)Steps) throw new ArgumentOutOfRangeException(nameof(t), t, $"SequenceMask: step t = {t} is not in [0, {Steps}).");
        return _valid[b * Steps + t];
    }

    /// <summary>Real steps per sequence.</summary>
    public int[] Lengths()
    {
        var lengths = new int[Batch];
        for (int i = 0; i < _valid.Length; i++) if (_valid[i]) lengths[i / Steps]++;
        return lengths;
    }

    /// <summary>
    /// The mask of sequences of the given lengths padded to <paramref name="steps"/>: real steps
    /// at the front with <see cref="PadSide.Post"/> padding (PyTorch's packed sequences), at the
    /// back with <see cref="PadSide.Pre"/> (Keras's <c>pad_sequences</c> default).
    /// </summary>
    public static SequenceMask FromLengths(IReadOnlyList<int> lengths, int steps, PadSide padding = PadSide.Post)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (steps <= 0) throw new ArgumentOutOfRangeException(nameof(steps), $"SequenceMask: steps must be positive, got {steps}.");
        if ((long)lengths.Count * steps > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"SequenceMask: {lengths.Count} sequences of steps = {steps} make {(long)lengths.Count * steps:N0} flags; at most {Array.MaxLength:N0} fit.");
        var valid = new bool[lengths.Count * steps];
        for (int b = 0; b < lengths.Count; b++)
        {
            int n = lengths[b];
            if (n < 1 || n > steps)
                throw new ArgumentOutOfRangeException(nameof(lengths), $"SequenceMask: length {n} of sequence {b} is outside [1, {steps}].");
            int start = padding == PadSide.Post ? 0 : steps - n;
            valid.AsSpan(b * steps + start, n).Fill(true);
        }
        return new SequenceMask(valid, lengths.Count, steps);
    }

    /// <summary>
    /// Keras's <c>mask_zero</c>: the steps of token ids [batch, steps] that are not
    /// <paramref name="padValue"/> (0) are real. The pad value is a whole number (any id, −1 included, as
    /// <see cref="Data.Sequences.Padding"/> takes), no larger in size than an int.
    /// </summary>
    public static SequenceMask FromPadding<T>(Tensor<T> ids, double padValue = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Rank != 2) throw new ShapeException($"SequenceMask: expected token ids of shape [batch, steps], got {Tensor.Format(ids.Shape)}.");
        if (!(double.IsInteger(padValue) && Math.Abs(padValue) <= int.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(padValue), padValue, $"SequenceMask: padValue must be a whole number in the range of int, got {padValue}.");
        T pad = T.CreateChecked(padValue);
        var valid = new bool[ids.Length];
        for (int i = 0; i < valid.Length; i++) valid[i] = ids.Data[i] != pad;
        return new SequenceMask(valid, ids.Shape[0], ids.Shape[1]);
    }

    /// <summary>The flags time-major [steps, batch], the order the fused layers run in.</summary>
    internal bool[] TimeMajor()
    {
        var tm = new bool[_valid.Length];
        for (int b = 0; b < Batch; b++)
            for (int t = 0; t < Steps; t++) tm[t * Batch + b] = _valid[b * Steps + t];
        return tm;
    }
}
