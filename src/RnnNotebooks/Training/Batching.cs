using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training;

/// <summary>Selecting examples (rows of the first axis) of a tensor.</summary>
public static class Batching
{
    /// <summary>The examples <paramref name="indices"/>[start..start+count) of <paramref name="x"/>, in that order.</summary>
    public static Tensor<T> Gather<T>(Tensor<T> x, ReadOnlySpan<int> indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank == 0) throw new ShapeException("Gather: a scalar has no examples.");
        int n = x.Shape[0], row = n == 0 ? 0 : x.Length / n;
        var shape = (int[])x.Shape.Clone();
        shape[0] = indices.Length;
        var y = new Tensor<T>(shape);
        for (int i = 0; i < indices.Length; i++)
        {
            int k = indices[i];
            if ((uint)k >= (uint)n) throw new ArgumentOutOfRangeException(nameof(indices), k, $"Gather: example {k} at position {i} of the indices is not in [0, {n}).");
            x.Data.AsSpan(k * row, row).CopyTo(y.Data.AsSpan(i * row, row));
        }
        return y;
    }

    /// <summary>Examples [start, start + count): start in [0, n) (0: from the first example), count at least 1 and start + count ≤ n.</summary>
    public static Tensor<T> Slice<T>(Tensor<T> x, int start, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0) throw new ShapeException("Slice: a scalar has no examples.");
        int n = x.Shape[0];
        if ((uint)start >= (uint)n) throw new ArgumentOutOfRangeException(nameof(start), start, $"Slice: start {start} is not an example in [0, {n}).");
        if (count < 1 || count > n - start)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Slice: count must be in [1, {n - start}] from start {start} of {n} examples, got {count}.");
        var idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = start + i;
        return Gather(x, idx);
    }
}
