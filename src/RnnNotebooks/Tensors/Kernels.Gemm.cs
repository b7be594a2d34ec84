using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace RnnNotebooks.Tensors;

public static partial class Kernels
{
    /// <summary>
    /// Upper bound on worker threads the kernels and recurrent layers use (default: all cores).
    /// Results do not depend on it: every output element is computed by one thread in a fixed order.
    /// </summary>
    public static int MaxThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Multiply-adds below which a GEMM runs on one thread.</summary>
    private const long ParallelThreshold = 1L << 20;

    private static bool Vectorized<T>() =>
        Vector.IsHardwareAccelerated && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    /// <summary>Dispatch of <see cref="Gemm{T}"/> to the SIMD kernel (float, double) or the reference loops.</summary>
    private static unsafe void GemmDispatch<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vectorized<T>()) { GemmCore(transA, transB, m, n, k, a, b, c); return; }
        T[]? tb = null;
        try
        {
            // The kernel reads A through strides, so Aᵀ needs no copy; Bᵀ is materialised.
            if (transB) { tb = ArrayPool<T>.Shared.Rent(k * n); Transpose(b[..(k * n)], n, k, tb); b = tb.AsSpan(0, k * n); }
            fixed (T* pa = a, pb = b, pc = c)
                GemmRows(m, n, k, pa, transA ? 1 : k, transA ? m : 1, pb, pc);
        }
        finally
        {
            if (tb is not null) ArrayPool<T>.Shared.Return(tb);
        }
    }

    /// <summary>dst[cols×rows] = srcᵀ for src[rows×cols].</summary>
    public static void Transpose<T>(ReadOnlySpan<T> src, int rows, int cols, Span<T> dst)
    {
        const int Block = 32;
        for (int r0 = 0; r0 < rows; r0 += Block)
            for (int c0 = 0; c0 < cols; c0 += Block)
            {
                int r1 = Math.Min(rows, r0 + Block), c1 = Math.Min(cols, c0 + Block);
                for (int r = r0; r < r1; r++)
                    for (int cc = c0; cc < c1; cc++)
                        dst[cc * rows + r] = src[r * cols + cc];
            }
    }

    /// <summary>
    /// C[m×n] += A · B[k×n] with A(i, p) at a[i·rowStride + p·colStride]; rows of C are split
    /// over threads when the product is large.
    /// </summary>
    private static unsafe void GemmRows<T>(int m, int n, int k, T* a, int rowStride, int colStride, T* b, T* c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = Math.Min(MaxThreads, Math.Max(1, m / 16));
        if (threads <= 1 || (long)m * n * k < ParallelThreshold)
        {
            GemmKernel(m, n, k, a, rowStride, colStride, b, n, c, n);
            return;
        }
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        int rowsPer = (m + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            int r0 = part * rowsPer, r1 = Math.Min(m, r0 + rowsPer);
            if (r0 < r1) GemmKernel(r1 - r0, n, k, (T*)pa + (long)r0 * rowStride, rowStride, colStride, (T*)pb, n, (T*)pc + (long)r0 * n, n);
        });
    }

    /// <summary>
    /// The SIMD kernel: C += A · B for A(i, p) at a[i·rs + p·cs] (rs = lda, cs = 1 for a row-major
    /// A[m×k]; rs = 1, cs = lda for Aᵀ of a row-major [k×m]), row-major B[k×n] (ldb) and C[m×n] (ldc). Blocks of 4 rows × 2 vectors of C stay in registers while p runs over k;
    /// every element is accumulated in increasing p with fused multiply-adds, so its value does
    /// not depend on how rows are blocked or split over threads.
    /// </summary>
    internal static unsafe void GemmKernel<T>(int m, int n, int k, T* a, int rs, int cs, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Cache blocking: a KB×NB slab of B stays in L2 while every row block of C passes over it.
        // Each element still accumulates in increasing p, so blocking does not change results.
        const int KB = 256, NB = 256;
        for (int j0 = 0; j0 < n; j0 += NB)
            for (int p0 = 0; p0 < k; p0 += KB)
                GemmBlock(m, Math.Min(NB, n - j0), Math.Min(KB, k - p0), a + (long)p0 * cs, rs, cs,
                    b + (long)p0 * ldb + j0, ldb, c + j0, ldc);
    }

    private static unsafe void GemmBlock<T>(int m, int n, int k, T* a, int rs, int cs, T* b, int ldb, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector<T>.Count;
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            T* a0 = a + (long)i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
            T* c0 = c + (long)i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            int j = 0;
            for (; j + 2 * w <= n; j += 2 * w)
            {
                Vector<T> x00 = Load(c0 + j), x01 = Load(c0 + j + w), x10 = Load(c1 + j), x11 = Load(c1 + j + w);
                Vector<T> x20 = Load(c2 + j), x21 = Load(c2 + j + w), x30 = Load(c3 + j), x31 = Load(c3 + j + w);
                T* bp = b + j;
                for (int p = 0; p < k; p++, bp += ldb)
                {
                    Vector<T> b0 = Load(bp), b1 = Load(bp + w);
                    Vector<T> s = new(a0[(long)p * cs]); x00 = Fma(s, b0, x00); x01 = Fma(s, b1, x01);
                    s = new(a1[(long)p * cs]); x10 = Fma(s, b0, x10); x11 = Fma(s, b1, x11);
                    s = new(a2[(long)p * cs]); x20 = Fma(s, b0, x20); x21 = Fma(s, b1, x21);
                    s = new(a3[(long)p * cs]); x30 = Fma(s, b0, x30); x31 = Fma(s, b1, x31);
                }
                Store(c0 + j, x00); Store(c0 + j + w, x01); Store(c1 + j, x10); Store(c1 + j + w, x11);
                Store(c2 + j, x20); Store(c2 + j + w, x21); Store(c3 + j, x30); Store(c3 + j + w, x31);
            }
            for (; j + w <= n; j += w)
            {
                Vector<T> x0 = Load(c0 + j), x1 = Load(c1 + j), x2 = Load(c2 + j), x3 = Load(c3 + j);
                T* bp = b + j;
                for (int p = 0; p < k; p++, bp += ldb)
                {
                    Vector<T> b0 = Load(bp);
                    x0 = Fma(new Vector<T>(a0[(long)p * cs]), b0, x0); x1 = Fma(new Vector<T>(a1[(long)p * cs]), b0, x1);
                    x2 = Fma(new Vector<T>(a2[(long)p * cs]), b0, x2); x3 = Fma(new Vector<T>(a3[(long)p * cs]), b0, x3);
                }
                Store(c0 + j, x0); Store(c1 + j, x1); Store(c2 + j, x2); Store(c3 + j, x3);
            }
            for (; j < n; j++)
            {
                T y0 = c0[j], y1 = c1[j], y2 = c2[j], y3 = c3[j];
                T* bp = b + j;
                for (int p = 0; p < k; p++, bp += ldb)
                {
                    y0 = T.FusedMultiplyAdd(a0[(long)p * cs], *bp, y0); y1 = T.FusedMultiplyAdd(a1[(long)p * cs], *bp, y1);
                    y2 = T.FusedMultiplyAdd(a2[(long)p * cs], *bp, y2); y3 = T.FusedMultiplyAdd(a3[(long)p * cs], *bp, y3);
                }
                c0[j] = y0; c1[j] = y1; c2[j] = y2; c3[j] = y3;
            }
        }
        for (; i < m; i++)
        {
            T* ai = a + (long)i * rs, ci = c + (long)i * ldc;
            int j = 0;
            for (; j + w <= n; j += w)
            {
                Vector<T> x = Load(ci + j);
                T* bp = b + j;
                for (int p = 0; p < k; p++, bp += ldb) x = Fma(new Vector<T>(ai[(long)p * cs]), Load(bp), x);
                Store(ci + j, x);
            }
            for (; j < n; j++)
            {
                T y = ci[j];
                T* bp = b + j;
                for (int p = 0; p < k; p++, bp += ldb) y = T.FusedMultiplyAdd(ai[(long)p * cs], *bp, y);
                ci[j] = y;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector<T> Load<T>(T* p) where T : unmanaged => Unsafe.ReadUnaligned<Vector<T>>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store<T>(T* p, Vector<T> v) where T : unmanaged => Unsafe.WriteUnaligned(p, v);

    /// <summary>a·b + c, fused where the runtime offers it (the scalar tails use fused too, so results agree).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
#if NET9_0_OR_GREATER
        if (typeof(T) == typeof(float))
            return Vector.As<float, T>(Vector.FusedMultiplyAdd(Vector.As<T, float>(a), Vector.As<T, float>(b), Vector.As<T, float>(c)));
        if (typeof(T) == typeof(double))
            return Vector.As<double, T>(Vector.FusedMultiplyAdd(Vector.As<T, double>(a), Vector.As<T, double>(b), Vector.As<T, double>(c)));
#endif
        return a * b + c;
    }
}
