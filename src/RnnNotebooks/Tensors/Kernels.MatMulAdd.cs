using System.Numerics;

namespace RnnNotebooks.Tensors;

public static partial class Kernels
{
    /// <summary>C[m×n] += A[m×k] · B[k×n] on the calling thread, without allocating (the per-step product).</summary>
    public static unsafe void MatMulAdd<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            throw new ShapeException($"MatMulAdd: spans too short for m={m}, n={n}, k={k} (A {a.Length}, B {b.Length}, C {c.Length}).");
        if (m == 0 || n == 0 || k == 0) return;
        if (!Vectorized<T>()) { GemmCore(false, false, m, n, k, a, b, c); return; }
        fixed (T* pa = a, pb = b, pc = c) GemmKernel(m, n, k, pa, k, 1, pb, n, pc, n);
    }
}
