using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Tensors;

public static partial class Kernels
{
    /// <summary>
    /// Upper bound on worker threads the kernels and recurrent layers use (default: all cores).
    /// Results do not depend on it: every output element is computed by one thread in a fixed order.
    /// </summary>
    public static int MaxThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The SIMD width in bits the matrix products use: the widest the runtime accelerates (512 with
    /// AVX-512, 256 with AVX2, 128 with SSE or ARM NEON), 0 where there is none.
    /// </summary>
    public static int VectorBits => _forcedBits ?? DetectedBits;

    /// <summary>The widest accelerated width (the runtime's switches, such as DOTNET_EnableAVX512F=0, lower it).</summary>
    public static int DetectedBits { get; } =
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    private static int? _forcedBits;

    /// <summary>Runs the products at a narrower width than detected (tests of the 128- and 256-bit kernels), or back at the detected one with null.</summary>
    internal static void ForceVectorBits(int? bits)
    {
        if (bits is int b && (b is not (0 or 128 or 256 or 512) || b > DetectedBits))
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"a width of 0, 128, 256 or 512 bits no wider than the detected {DetectedBits}");
        _forcedBits = bits;
    }

    /// <summary>Multiply-adds below which a GEMM runs on one thread.</summary>
    private const long ParallelThreshold = 1L << 20;

    /// <summary>Rows of C per register tile.</summary>
    private const int TileRows = 4;

    /// <summary>Rows of A kept in L2 while every panel of B passes over them.</summary>
    private const int RowBlock = 128;

    /// <summary>Bytes of a B panel slice kept in L1 while the row tiles pass over it.</summary>
    private const int PanelSliceBytes = 16 * 1024;

    /// <summary>Panel width (two vectors) of a SIMD width for T, 0 for the scalar loops.</summary>
    internal static int PanelWidthFor<T>(int bits) where T : unmanaged =>
        bits == 0 || !SimdType<T>() ? 0 : 2 * bits / 8 / Unsafe.SizeOf<T>();

    private static bool SimdType<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double);

    /// <summary>C[m×n] += A · op(B) on the calling thread, with A(i, p) at a[i·rs + p·cs] and B packed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void GemmPacked<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || b.N == 0 || b.K == 0) return;
        switch (b.Bits)
        {
            case 512: Blocked<T, Vector512<T>, Simd512<T>>(m, a, rs, cs, b, c, ldc); break;
            case 256: Blocked<T, Vector256<T>, Simd256<T>>(m, a, rs, cs, b, c, ldc); break;
            case 128: Blocked<T, Vector128<T>, Simd128<T>>(m, a, rs, cs, b, c, ldc); break;
            default: Scalar(m, a, rs, cs, b, c, ldc); break;
        }
    }

    /// <summary>
    /// C += A · op(B) with op(B) packed, rows split over threads when the product is large.
    /// Every element is accumulated by one thread in increasing p whatever the split.
    /// </summary>
    internal static unsafe void GemmPackedParallel<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = Math.Min(MaxThreads, Math.Max(1, m / 16));
        if (threads <= 1 || (long)m * b.N * b.K < ParallelThreshold) { GemmPacked(m, a, rs, cs, b, c, ldc); return; }
        nint pa = (nint)a, pc = (nint)c;
        int rowsPer = (m + threads - 1) / threads;
        rowsPer = (rowsPer + TileRows - 1) / TileRows * TileRows;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            int r0 = part * rowsPer, r1 = Math.Min(m, r0 + rowsPer);
            if (r0 < r1) GemmPacked(r1 - r0, (T*)pa + (long)r0 * rs, rs, cs, b, (T*)pc + (long)r0 * ldc, ldc);
        });
    }

    /// <summary>Dispatch of <see cref="Gemm{T}"/>: packs op(B), then runs the SIMD kernel (float, double) or the scalar loops.</summary>
    private static unsafe void GemmDispatch<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bits = SimdType<T>() ? VectorBits : 0;
        if (bits == 0) { GemmCore(transA, transB, m, n, k, a, b, c); return; }
        var buffer = ArrayPool<T>.Shared.Rent(PackedMatrix<T>.Length(k, n, bits));
        try
        {
            var packed = new PackedMatrix<T>(buffer).Pack(transB, k, n, b, bits);
            // A is read through strides, so Aᵀ needs no copy.
            fixed (T* pa = a, pc = c)
                GemmPackedParallel(m, pa, transA ? 1 : k, transA ? m : 1, packed, pc, n);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
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
    /// The cache-blocked loops around the register tile: a slice of k (a B panel slice that fits
    /// in L1) × a block of rows (an A block that fits in L2) × every panel × every row tile.
    /// Each element of C accumulates its products in increasing p, so neither the blocking nor
    /// the vector width changes a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Blocked<T, TV, S>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int nr = 2 * S.Lanes, k = b.K, n = b.N, panels = b.Panels;
        int kc = Math.Max(1, PanelSliceBytes / (nr * sizeof(T)));
        fixed (T* pb = b.Data)
            for (int p0 = 0; p0 < k; p0 += kc)
            {
                int kk = Math.Min(kc, k - p0);
                for (int i0 = 0; i0 < m; i0 += RowBlock)
                {
                    int i1 = Math.Min(m, i0 + RowBlock);
                    for (int jp = 0; jp < panels; jp++)
                    {
                        T* panel = pb + (long)jp * k * nr + (long)p0 * nr;
                        int j0 = jp * nr, cols = Math.Min(nr, n - j0);
                        int i = i0;
                        if (cols == nr)
                            for (; i + TileRows <= i1; i += TileRows)
                            {
                                T* ai = a + (long)i * rs + (long)p0 * cs, ci = c + (long)i * ldc + j0;
                                Tile<T, TV, S>(kk, ai, ai + rs, ai + 2 * rs, ai + 3 * rs, cs, panel, ci, ci + ldc, ci + 2 * ldc, ci + 3 * ldc);
                            }
                        for (; i < i1; i += TileRows)
                            EdgeTile<T, TV, S>(kk, a + (long)i * rs + (long)p0 * cs, rs, cs, Math.Min(TileRows, i1 - i), panel, c + (long)i * ldc + j0, ldc, cols);
                    }
                }
            }
    }

    /// <summary>
    /// The register tile: 4 rows × 2 vectors of C stay in registers while p runs over the slice;
    /// per p, two vectors of B and one broadcast of A per row, 8 fused multiply-adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile<T, TV, S>(int kc, T* a0, T* a1, T* a2, T* a3, int cs, T* b, T* c0, T* c1, T* c2, T* c3)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int w = S.Lanes;
        TV x00 = S.Load(c0), x01 = S.Load(c0 + w), x10 = S.Load(c1), x11 = S.Load(c1 + w);
        TV x20 = S.Load(c2), x21 = S.Load(c2 + w), x30 = S.Load(c3), x31 = S.Load(c3 + w);
        for (int p = 0; p < kc; p++, b += 2 * w)
        {
            TV b0 = S.Load(b), b1 = S.Load(b + w);
            long o = (long)p * cs;
            TV s = S.Splat(a0[o]); x00 = S.MultiplyAdd(s, b0, x00); x01 = S.MultiplyAdd(s, b1, x01);
            s = S.Splat(a1[o]); x10 = S.MultiplyAdd(s, b0, x10); x11 = S.MultiplyAdd(s, b1, x11);
            s = S.Splat(a2[o]); x20 = S.MultiplyAdd(s, b0, x20); x21 = S.MultiplyAdd(s, b1, x21);
            s = S.Splat(a3[o]); x30 = S.MultiplyAdd(s, b0, x30); x31 = S.MultiplyAdd(s, b1, x31);
        }
        S.Store(c0, x00); S.Store(c0 + w, x01); S.Store(c1, x10); S.Store(c1 + w, x11);
        S.Store(c2, x20); S.Store(c2 + w, x21); S.Store(c3, x30); S.Store(c3 + w, x31);
    }

    /// <summary>
    /// A tile at the bottom or right edge of C: runs the full tile on a copy (missing rows repeat
    /// the last real row of A, missing columns are the panel's zero padding) and writes back only
    /// the real part, so edge elements get exactly the arithmetic of inner ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void EdgeTile<T, TV, S>(int kc, T* a, int rs, int cs, int rows, T* b, T* c, int ldc, int cols)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int nr = 2 * S.Lanes;
        T* tile = stackalloc T[TileRows * nr];
        for (int r = 0; r < TileRows; r++)
            for (int j = 0; j < nr; j++) tile[r * nr + j] = r < rows && j < cols ? c[(long)r * ldc + j] : T.Zero;
        T* last = a + (long)(rows - 1) * rs;
        Tile<T, TV, S>(kc, a, rows > 1 ? a + rs : last, rows > 2 ? a + 2 * rs : last, rows > 3 ? a + 3 * rs : last, cs, b,
            tile, tile + nr, tile + 2 * nr, tile + 3 * nr);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++) c[(long)r * ldc + j] = tile[r * nr + j];
    }

    /// <summary>The scalar loops for a matrix packed row-major (no SIMD): C[i, j] += Σₚ A(i, p)·B(p, j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Scalar<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, k = b.K;
        fixed (T* pb = b.Data)
            for (int i = 0; i < m; i++)
                for (int p = 0; p < k; p++)
                {
                    T aip = a[(long)i * rs + (long)p * cs];
                    T* bp = pb + (long)p * n;
                    T* ci = c + (long)i * ldc;
                    for (int j = 0; j < n; j++) ci[j] += aip * bp[j];
                }
    }
}
