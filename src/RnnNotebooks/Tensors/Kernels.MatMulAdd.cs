using System.Numerics;

namespace RnnNotebooks.Tensors;

public static partial class Kernels
{
    /// <summary>C[m×n] += A[m×k] · B[k×n] on the calling thread (B packed by <see cref="PackedMatrix{T}"/>; the per-step product).</summary>
    internal static unsafe void MatMulAdd<T>(ReadOnlySpan<T> a, PackedMatrix<T> b, Span<T> c, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, k = b.K;
        if (a.Length < m * k || c.Length < m * n)
            throw new ShapeException($"MatMulAdd: spans too short for m={m}, n={n}, k={k} (A {a.Length}, C {c.Length}).");
        fixed (T* pa = a, pc = c) GemmPacked(m, pa, k, 1, b, pc, n);
    }
}
