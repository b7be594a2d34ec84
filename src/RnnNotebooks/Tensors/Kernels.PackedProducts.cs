using System.Buffers;
using System.Numerics;

namespace RnnNotebooks.Tensors;

/// <summary>Products with a right-hand matrix packed ahead by <see cref="PackedMatrix{T}"/> (the recurrent layers' loops).</summary>
public static partial class Kernels
{
    /// <summary>C[m×n] += A[m×k] · B on the calling thread (the per-step product).</summary>
    internal static unsafe void MatMulAdd<T>(ReadOnlySpan<T> a, PackedMatrix<T> b, Span<T> c, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, k = b.K;
        if (a.Length < m * k || c.Length < m * n)
            throw new ShapeException($"MatMulAdd: spans too short for m={m}, n={n}, k={k} (A {a.Length}, C {c.Length}).");
        fixed (T* pa = a, pc = c) GemmPacked(m, pa, k, 1, b, pc, n);
    }

    /// <summary>C[m×n] = row + A[m×k] · B on the calling thread, <paramref name="row"/>[n] added to every row; C is only written.</summary>
    internal static unsafe void MatMulAddRow<T>(ReadOnlySpan<T> a, PackedMatrix<T> b, ReadOnlySpan<T> row, Span<T> c, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, k = b.K;
        if (a.Length < m * k || c.Length < m * n || row.Length < n)
            throw new ShapeException($"MatMulAddRow: spans too short for m={m}, n={n}, k={k} (A {a.Length}, row {row.Length}, C {c.Length}).");
        fixed (T* pa = a, pr = row, pc = c) GemmPacked(m, pa, k, 1, b, pc, n, pr);
    }

    /// <summary>C[m×n] += aᵀ · B for a[k×m] (a weight gradient: Σ over rows of gradient ⊗ input).</summary>
    internal static unsafe void GemmTransposedA<T>(int k, int m, ReadOnlySpan<T> a, PackedMatrix<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N;
        if (b.K != k || a.Length < k * m || c.Length < m * n)
            throw new ShapeException($"GemmTransposedA: spans do not fit m={m}, n={n}, k={k} (A {a.Length}, packed k {b.K}, C {c.Length}).");
        fixed (T* pa = a, pc = c) GemmPackedParallel(m, pa, 1, m, b, pc, n);
    }

    /// <summary>
    /// [left | right] += aᵀ · B for a[k×m], where left is m×nl and right m×(n − nl): two weight
    /// gradients from one product (the sum is formed apart, then added to each).
    /// </summary>
    internal static unsafe void GemmTransposedAInto<T>(int k, int m, ReadOnlySpan<T> a, PackedMatrix<T> b, Span<T> left, Span<T> right, int nl)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, nr = n - nl;
        if (b.K != k || a.Length < k * m || left.Length < m * nl || right.Length < m * nr)
            throw new ShapeException($"GemmTransposedAInto: spans do not fit m={m}, n={nl}+{nr}, k={k}.");
        var sum = ArrayPool<T>.Shared.Rent(m * n + n);
        try
        {
            var zeros = sum.AsSpan(m * n, n);
            zeros.Clear();
            fixed (T* pa = a, ps = sum, pz = zeros) GemmPackedParallel(m, pa, 1, m, b, ps, n, pz);
            for (int r = 0; r < m; r++)
            {
                Add<T>(sum.AsSpan(r * n, nl), left.Slice(r * nl, nl));
                Add<T>(sum.AsSpan(r * n + nl, nr), right.Slice(r * nr, nr));
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(sum);
        }
    }
}
