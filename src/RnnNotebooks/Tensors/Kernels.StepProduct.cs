using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Tensors;

/// <summary>A recurrent step's pre-activations, bias to bias, in one pass over C (the layers' time loops).</summary>
public static partial class Kernels
{
    /// <summary>
    /// C[m×n] = start + x[m×k₁]·B₁ + h[m×k₂]·B₂ + end on the calling thread: a step's
    /// bᵢₕ + xₜWᵢₕᵀ + hₜ₋₁Wₕₕᵀ + bₕₕ, with each register tile of C held from the first product to
    /// the last addition, so C is written once instead of being stored and read back between the
    /// products and the bias. Every element adds in the order of the separate calls (start, the fused
    /// multiply-adds of x in increasing p, then those of h, then end), so the result has their bits.
    /// Without <paramref name="b1"/> there is no x product; an empty start begins the sums at 0, an empty end adds nothing.
    /// </summary>
    internal static unsafe void StepProduct<T>(int m, ReadOnlySpan<T> x, PackedMatrix<T>? b1, ReadOnlySpan<T> start,
        ReadOnlySpan<T> h, PackedMatrix<T> b2, ReadOnlySpan<T> end, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = b2.N, k1 = b1?.K ?? 0, k2 = b2.K;
        if ((b1 is not null && (b1.N != n || b1.Bits != b2.Bits)) || x.Length < (long)m * k1 || h.Length < (long)m * k2 || c.Length < (long)m * n
            || (!start.IsEmpty && start.Length < n) || (!end.IsEmpty && end.Length < n))
            throw new ShapeException($"StepProduct: spans do not fit m={m}, n={n}, k={k1}+{k2} (x {x.Length}, h {h.Length}, start {start.Length}, end {end.Length}, C {c.Length}).");
        if (m == 0 || n == 0) return;
        fixed (T* px = x, ph = h, ps = start, pe = end, pc = c)
        {
            T* s = start.IsEmpty ? null : ps, e = end.IsEmpty ? null : pe;
            switch (b2.Bits)
            {
                case 512: StepBlocks<T, Vector512<T>, Simd512<T>>(m, px, b1, s, ph, b2, e, pc); break;
                case 256: StepBlocks<T, Vector256<T>, Simd256<T>>(m, px, b1, s, ph, b2, e, pc); break;
                case 128: StepBlocks<T, Vector128<T>, Simd128<T>>(m, px, b1, s, ph, b2, e, pc); break;
                default:
                    // The scalar loops: the separate products, in the same order.
                    if (s is null) c[..(m * n)].Clear();
                    if (b1 is not null) GemmPacked(m, px, k1, 1, b1, pc, n, s);
                    else if (s is not null) for (int i = 0; i < m; i++) start[..n].CopyTo(c.Slice(i * n, n));
                    GemmPacked(m, ph, k2, 1, b2, pc, n);
                    if (e is not null) AddRowVector(c[..(m * n)], end[..n], m);
                    break;
            }
        }
    }

    /// <summary>Every panel of the packed matrices × every tile of 4 rows; edge tiles run on padded copies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void StepBlocks<T, TV, S>(int m, T* x, PackedMatrix<T>? b1, T* start, T* h, PackedMatrix<T> b2, T* end, T* c)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int nr = 2 * S.Lanes, n = b2.N, k1 = b1?.K ?? 0, k2 = b2.K, full = m / TileRows * TileRows;
        T* tile = stackalloc T[TileRows * nr];
        T* startPad = stackalloc T[nr];
        T* endPad = stackalloc T[nr];
        fixed (T* pb1 = b1 is null ? default : b1.Values, pb2 = b2.Values)
            for (int jp = 0; jp < b2.Panels; jp++)
            {
                T* p1 = pb1 + (long)jp * k1 * nr, p2 = pb2 + (long)jp * k2 * nr;
                int j0 = jp * nr, cols = Math.Min(nr, n - j0);
                T* s = start is null ? null : start + j0, e = end is null ? null : end + j0;
                int i = 0;
                if (cols == nr)
                    for (; i < full; i += TileRows)
                    {
                        T* xi = x + (long)i * k1, hi = h + (long)i * k2, ci = c + (long)i * n + j0;
                        StepTile<T, TV, S>(k1, xi, xi + k1, xi + 2 * k1, xi + 3 * k1, p1, k2, hi, hi + k2, hi + 2 * k2, hi + 3 * k2, p2,
                            s, e, ci, ci + n, ci + 2 * n, ci + 3 * n);
                    }
                if (i == m) continue;
                // The right or bottom edge: the full tile on copies (missing columns are the panels' zero
                // padding, missing rows repeat the last real row), only the real part written back.
                for (int j = 0; j < nr; j++)
                {
                    if (s is not null) startPad[j] = j < cols ? s[j] : T.Zero;
                    if (e is not null) endPad[j] = j < cols ? e[j] : T.Zero;
                }
                for (; i < m; i += TileRows)
                {
                    int rows = Math.Min(TileRows, m - i), r1 = Math.Min(1, rows - 1), r2 = Math.Min(2, rows - 1), r3 = Math.Min(3, rows - 1);
                    T* xi = x + (long)i * k1, hi = h + (long)i * k2;
                    StepTile<T, TV, S>(k1, xi, xi + r1 * k1, xi + r2 * k1, xi + r3 * k1, p1, k2, hi, hi + r1 * k2, hi + r2 * k2, hi + r3 * k2, p2,
                        s is null ? null : startPad, e is null ? null : endPad, tile, tile + nr, tile + 2 * nr, tile + 3 * nr);
                    for (int r = 0; r < rows; r++)
                        for (int j = 0; j < cols; j++) c[(long)(i + r) * n + j0 + j] = tile[r * nr + j];
                }
            }
    }

    /// <summary>
    /// The register tile of <see cref="StepProduct{T}"/>: 4 rows × 2 vectors of C start from the start row
    /// (or 0), take the fused multiply-adds of x's rows with panel b1, then of h's rows with panel b2, add the end
    /// row and are stored in rows c0…c3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void StepTile<T, TV, S>(int k1, T* x0, T* x1, T* x2, T* x3, T* b1, int k2, T* h0, T* h1, T* h2, T* h3, T* b2,
        T* start, T* end, T* c0, T* c1, T* c2, T* c3)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct where S : ISimdWidth<T, TV>
    {
        int w = S.Lanes;
        TV s0 = start is null ? S.Splat(T.Zero) : S.Load(start), s1 = start is null ? S.Splat(T.Zero) : S.Load(start + w);
        TV a00 = s0, a01 = s1, a10 = s0, a11 = s1, a20 = s0, a21 = s1, a30 = s0, a31 = s1;
        for (int p = 0; p < k1; p++, b1 += 2 * w)
        {
            TV v0 = S.Load(b1), v1 = S.Load(b1 + w);
            TV s = S.Splat(x0[p]); a00 = S.MultiplyAdd(s, v0, a00); a01 = S.MultiplyAdd(s, v1, a01);
            s = S.Splat(x1[p]); a10 = S.MultiplyAdd(s, v0, a10); a11 = S.MultiplyAdd(s, v1, a11);
            s = S.Splat(x2[p]); a20 = S.MultiplyAdd(s, v0, a20); a21 = S.MultiplyAdd(s, v1, a21);
            s = S.Splat(x3[p]); a30 = S.MultiplyAdd(s, v0, a30); a31 = S.MultiplyAdd(s, v1, a31);
        }
        for (int p = 0; p < k2; p++, b2 += 2 * w)
        {
            TV v0 = S.Load(b2), v1 = S.Load(b2 + w);
            TV s = S.Splat(h0[p]); a00 = S.MultiplyAdd(s, v0, a00); a01 = S.MultiplyAdd(s, v1, a01);
            s = S.Splat(h1[p]); a10 = S.MultiplyAdd(s, v0, a10); a11 = S.MultiplyAdd(s, v1, a11);
            s = S.Splat(h2[p]); a20 = S.MultiplyAdd(s, v0, a20); a21 = S.MultiplyAdd(s, v1, a21);
            s = S.Splat(h3[p]); a30 = S.MultiplyAdd(s, v0, a30); a31 = S.MultiplyAdd(s, v1, a31);
        }
        if (end is not null)
        {
            TV e0 = S.Load(end), e1 = S.Load(end + w);
            a00 = S.Add(a00, e0); a01 = S.Add(a01, e1); a10 = S.Add(a10, e0); a11 = S.Add(a11, e1);
            a20 = S.Add(a20, e0); a21 = S.Add(a21, e1); a30 = S.Add(a30, e0); a31 = S.Add(a31, e1);
        }
        S.Store(c0, a00); S.Store(c0 + w, a01); S.Store(c1, a10); S.Store(c1 + w, a11);
        S.Store(c2, a20); S.Store(c2 + w, a21); S.Store(c3, a30); S.Store(c3 + w, a31);
    }
}
