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
    /// At least 1; it is an upper bound, so a value above the number of cores (int.MaxValue included) lets the
    /// size of the work decide.
    /// </summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxThreads), value, $"Kernels: MaxThreads must be at least 1, got {value}.");
    }
    private static int _maxThreads = Environment.ProcessorCount;

    /// <summary>
    /// The SIMD width in bits the matrix products use: the widest the runtime accelerates (512 with
    /// AVX-512, 256 with AVX2, 128 with SSE or ARM NEON), 0 where there is none.
    /// </summary>
    public static int VectorBits => _forcedBits ?? DetectedBits;

    /// <summary>The widest accelerated width (the runtime's switches lower it: DOTNET_EnableAVX512=0 or DOTNET_PreferredVectorBitWidth=256 to 256, DOTNET_EnableAVX2=0 to 128).</summary>
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

    /// <summary>
    /// C[m×n] += A · op(B) on the calling thread, with A(i, p) at a[i·rs + p·cs] and B packed; with
    /// <paramref name="start"/> (a row of n values) C = start + A · op(B) instead, C's old values unread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void GemmPacked<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc, T* start = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || b.N == 0) return;
        if (b.K == 0)
        {
            if (start is not null) for (int i = 0; i < m; i++) new ReadOnlySpan<T>(start, b.N).CopyTo(new Span<T>(c + (long)i * ldc, b.N));
            return;
        }
        switch (b.Bits)
        {
            case 512: Blocked<T, Vector512<T>, Simd512<T>>(m, a, rs, cs, b, c, ldc, start); break;
            case 256: Blocked<T, Vector256<T>, Simd256<T>>(m, a, rs, cs, b, c, ldc, start); break;
            case 128: Blocked<T, Vector128<T>, Simd128<T>>(m, a, rs, cs, b, c, ldc, start); break;
            default: Scalar(m, a, rs, cs, b, c, ldc, start); break;
        }
    }

    /// <summary>
    /// <see cref="GemmPacked{T}"/> with the rows of C split over threads when the product is large.
    /// Every element is accumulated by one thread in increasing p whatever the split.
    /// </summary>
    internal static unsafe void GemmPackedParallel<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc, T* start = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = Math.Min(MaxThreads, Math.Max(1, m / 16));
        if (threads <= 1 || (long)m * b.N * b.K < ParallelThreshold) { GemmPacked(m, a, rs, cs, b, c, ldc, start); return; }
        nint pa = (nint)a, pc = (nint)c, ps = (nint)start;
        ForEachRange(m, threads, TileRows, (r0, r1) =>
            GemmPacked(r1 - r0, (T*)pa + (long)r0 * rs, rs, cs, b, (T*)pc + (long)r0 * ldc, ldc, (T*)ps));
    }

    /// <summary>
    /// Dispatch of <see cref="Gemm{T}"/>: packs op(B), then runs the SIMD kernel (float, double) or
    /// the scalar loops. C = start + op(A)·op(B) when <paramref name="start"/> is given (one row,
    /// zeros for a plain product), else C += op(A)·op(B).
    /// </summary>
    private static unsafe void GemmDispatch<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, ReadOnlySpan<T> start, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bits = SimdType<T>() ? VectorBits : 0;
        T[]? zeros = null;
        try
        {
            if (overwrite && start.IsEmpty) { zeros = ArrayPool<T>.Shared.Rent(n); start = zeros.AsSpan(0, n); zeros.AsSpan(0, n).Clear(); }
            var packed = (PackCache<T>.Matrix ??= new PackedMatrix<T>()).Pack(transB, k, n, b, bits);
            // A is read through strides, so Aᵀ needs no copy.
            fixed (T* pa = a, pc = c, ps = start)
                GemmPackedParallel(m, pa, transA ? 1 : k, transA ? m : 1, packed, pc, n, overwrite ? ps : null);
        }
        finally
        {
            if (zeros is not null) ArrayPool<T>.Shared.Return(zeros);
        }
    }

    /// <summary>The packing buffer of <see cref="Gemm{T}"/> calls on this thread, kept for the next call.</summary>
    private static class PackCache<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        [ThreadStatic] public static PackedMatrix<T>? Matrix;
    }

    /// <summary>dst[cols×rows] = srcᵀ for src[rows×cols]; 0 rows or columns is an empty matrix.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> src, int rows, int cols, Span<T> dst)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"Transpose: rows must be 0 or more, got {rows}.");
        if (cols < 0) throw new ArgumentOutOfRangeException(nameof(cols), cols, $"Transpose: cols must be 0 or more, got {cols}.");
        if (src.Length < (long)rows * cols || dst.Length < (long)rows * cols)
            throw new ShapeException($"Transpose: rows={rows} × cols={cols} do not fit src ({src.Length}) and dst ({dst.Length}).");
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
    /// When A's columns are strided (Aᵀ of a row-major matrix) the block of A is first copied into
    /// groups of 4 rows stored [k][4], so the tile reads it in order too.
    /// Each element of C accumulates its products in increasing p, so neither the blocking nor
    /// the vector width changes a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Blocked<T, TV, S>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc, T* start)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int nr = 2 * S.Lanes, k = b.K, n = b.N, panels = b.Panels;
        int kc = Math.Max(1, PanelSliceBytes / (nr * sizeof(T)));
        bool packA = cs != 1 && m >= TileRows;
        T[]? aBuffer = packA ? ArrayPool<T>.Shared.Rent(RowBlock * kc) : null;
        try
        {
            fixed (T* pb = b.Values, pk = aBuffer)
                for (int p0 = 0; p0 < k; p0 += kc)
                {
                    int kk = Math.Min(kc, k - p0);
                    bool first = p0 == 0 && start is not null;
                    for (int i0 = 0; i0 < m; i0 += RowBlock)
                    {
                        int i1 = Math.Min(m, i0 + RowBlock), full = i0 + (i1 - i0) / TileRows * TileRows;
                        if (packA) PackRows(a + (long)i0 * rs + (long)p0 * cs, rs, cs, full - i0, kk, pk);
                        for (int jp = 0; jp < panels; jp++)
                        {
                            T* panel = pb + (long)jp * k * nr + (long)p0 * nr;
                            int j0 = jp * nr, cols = Math.Min(nr, n - j0);
                            int i = i0;
                            if (cols == nr)
                                for (; i < full; i += TileRows)
                                {
                                    T* ci = c + (long)i * ldc + j0, c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
                                    T* s0 = first ? start + j0 : ci;
                                    if (packA)
                                    {
                                        T* ai = pk + (long)(i - i0) * kk;
                                        Tile<T, TV, S>(kk, ai, ai + 1, ai + 2, ai + 3, TileRows, panel,
                                            s0, first ? s0 : c1, first ? s0 : c2, first ? s0 : c3, ci, c1, c2, c3);
                                    }
                                    else
                                    {
                                        T* ai = a + (long)i * rs + (long)p0 * cs;
                                        Tile<T, TV, S>(kk, ai, ai + rs, ai + 2 * rs, ai + 3 * rs, cs, panel,
                                            s0, first ? s0 : c1, first ? s0 : c2, first ? s0 : c3, ci, c1, c2, c3);
                                    }
                                }
                            for (; i < i1; i += TileRows)
                                EdgeTile<T, TV, S>(kk, a + (long)i * rs + (long)p0 * cs, rs, cs, Math.Min(TileRows, i1 - i), panel,
                                    c + (long)i * ldc + j0, ldc, cols, first ? start + j0 : null);
                        }
                    }
                }
        }
        finally
        {
            if (aBuffer is not null) ArrayPool<T>.Shared.Return(aBuffer);
        }
    }

    /// <summary>
    /// Copies rows [0, rows) × columns [0, kc) of A (A(i, p) at a[i·rs + p·cs]) into groups of 4 rows,
    /// each stored [kc][4]. Column by column, so a strided Aᵀ is read along its stored rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackRows<T>(T* a, int rs, int cs, int rows, int kc, T* dst) where T : unmanaged
    {
        for (int p = 0; p < kc; p++)
        {
            T* src = a + (long)p * cs, d = dst + p * TileRows;
            if (rs == 1)   // Aᵀ stored row-major: the 4 values of a group are adjacent, one vector move
                for (int g = 0; g < rows; g += TileRows, d += TileRows * kc)
                    Unsafe.CopyBlockUnaligned(d, src + g, (uint)(TileRows * sizeof(T)));
            else
                for (int g = 0; g < rows; g += TileRows, d += TileRows * kc)
                {
                    T* s = src + (long)g * rs;
                    d[0] = s[0]; d[1] = s[rs]; d[2] = s[2 * rs]; d[3] = s[3 * rs];
                }
        }
    }

    /// <summary>
    /// The register tile: 4 rows × 2 vectors of C stay in registers while p runs over the slice;
    /// per p, two vectors of B and one broadcast of A per row, 8 fused multiply-adds. The
    /// accumulators start from rows s0…s3 (C itself, or the start row) and end in rows c0…c3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Tile<T, TV, S>(int kc, T* a0, T* a1, T* a2, T* a3, int cs, T* b,
        T* s0, T* s1, T* s2, T* s3, T* c0, T* c1, T* c2, T* c3)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int w = S.Lanes;
        TV x00 = S.Load(s0), x01 = S.Load(s0 + w), x10 = S.Load(s1), x11 = S.Load(s1 + w);
        TV x20 = S.Load(s2), x21 = S.Load(s2 + w), x30 = S.Load(s3), x31 = S.Load(s3 + w);
        nint step = cs;
        for (int p = 0; p < kc; p++, b += 2 * w, a0 += step, a1 += step, a2 += step, a3 += step)
        {
            TV b0 = S.Load(b), b1 = S.Load(b + w);
            TV s = S.Splat(*a0); x00 = S.MultiplyAdd(s, b0, x00); x01 = S.MultiplyAdd(s, b1, x01);
            s = S.Splat(*a1); x10 = S.MultiplyAdd(s, b0, x10); x11 = S.MultiplyAdd(s, b1, x11);
            s = S.Splat(*a2); x20 = S.MultiplyAdd(s, b0, x20); x21 = S.MultiplyAdd(s, b1, x21);
            s = S.Splat(*a3); x30 = S.MultiplyAdd(s, b0, x30); x31 = S.MultiplyAdd(s, b1, x31);
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
    private static unsafe void EdgeTile<T, TV, S>(int kc, T* a, int rs, int cs, int rows, T* b, T* c, int ldc, int cols, T* start)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int nr = 2 * S.Lanes;
        T* tile = stackalloc T[TileRows * nr];
        for (int r = 0; r < TileRows; r++)
            for (int j = 0; j < nr; j++)
                tile[r * nr + j] = r < rows && j < cols ? (start is not null ? start[j] : c[(long)r * ldc + j]) : T.Zero;
        T* last = a + (long)(rows - 1) * rs;
        T* t1 = tile + nr, t2 = t1 + nr, t3 = t2 + nr;
        Tile<T, TV, S>(kc, a, rows > 1 ? a + rs : last, rows > 2 ? a + 2 * rs : last, rows > 3 ? a + 3 * rs : last, cs, b,
            tile, t1, t2, t3, tile, t1, t2, t3);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++) c[(long)r * ldc + j] = tile[r * nr + j];
    }

    /// <summary>
    /// The scalar loops for a matrix packed row-major (no SIMD): C[i, j] = (start[j] or C[i, j]) + Σₚ A(i, p)·B(p, j),
    /// fused multiply-adds in increasing p as in the SIMD kernel, so both give the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Scalar<T>(int m, T* a, int rs, int cs, PackedMatrix<T> b, T* c, int ldc, T* start)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b.N, k = b.K;
        fixed (T* pb = b.Values)
            for (int i = 0; i < m; i++)
            {
                T* ci = c + (long)i * ldc;
                if (start is not null) for (int j = 0; j < n; j++) ci[j] = start[j];
                for (int p = 0; p < k; p++)
                {
                    T aip = a[(long)i * rs + (long)p * cs];
                    T* bp = pb + (long)p * n;
                    for (int j = 0; j < n; j++) ci[j] = T.FusedMultiplyAdd(aip, bp[j], ci[j]);
                }
            }
    }
}
