using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Nn.Fused;

/// <summary>
/// Vectorised element-wise pieces of the fused recurrent steps (Vector&lt;T&gt; with a scalar tail).
/// Each one is a few lines of a cell's Forward or Backward (see <c>Cells/</c>) for one batch row,
/// with the gates stored side by side in one buffer.
/// </summary>
internal static class ElementwiseSteps
{
    /// <summary>da = dh ⊙ (1 − h²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhBackward<T>(ReadOnlySpan<T> dh, ReadOnlySpan<T> h, Span<T> da) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vdh = MemoryMarshal.Cast<T, Vector<T>>(dh); var vh = MemoryMarshal.Cast<T, Vector<T>>(h); var vda = MemoryMarshal.Cast<T, Vector<T>>(da);
            for (int v = 0; v < vda.Length; v++) vda[v] = vdh[v] * (Vector<T>.One - vh[v] * vh[v]);
            i = vda.Length * w;
        }
        for (; i < da.Length; i++) da[i] = dh[i] * (T.One - h[i] * h[i]);
    }

    /// <summary>
    /// The LSTM's new cell state for one row, c = f ⊙ cPrev + i ⊙ g (i ⊙ g rounded, then one fused
    /// multiply-add), where <paramref name="gates"/> holds the activated [i f g o] blocks of width H.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmCellState<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> cPrev, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = c.Length, j = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; j + w <= n; j += w)
                St(c, j, Fma(Ld(gates, n + j), Ld(cPrev, j), Ld(gates, j) * Ld(gates, 2 * n + j)));
        for (; j < n; j++) c[j] = T.FusedMultiplyAdd(gates[n + j], cPrev[j], gates[j] * gates[2 * n + j]);
    }

    /// <summary>The LSTM's output for one row, h = o ⊙ tanh(c), with o the last block of the activated gates [i f g o].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmOutput<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> tanhC, Span<T> h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = h.Length, j = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; j + w <= n; j += w) St(h, j, Ld(gates, 3 * n + j) * Ld(tanhC, j));
        for (; j < n; j++) h[j] = gates[3 * n + j] * tanhC[j];
    }

    /// <summary>
    /// LSTM backward for one row. In: dh, dc (∂L/∂cₜ from the next step), the gates, cPrev and tanh(c).
    /// Out: da (∂ of the four pre-activations) and dc replaced by ∂L/∂cₜ₋₁.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmCellBackward<T>(ReadOnlySpan<T> dh, Span<T> dc, ReadOnlySpan<T> gates, ReadOnlySpan<T> cPrev,
        ReadOnlySpan<T> tc, Span<T> da) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = dh.Length, j = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<T>.One;
            for (; j + w <= n; j += w)
            {
                Vector<T> i = Ld(gates, j), f = Ld(gates, n + j), g = Ld(gates, 2 * n + j), o = Ld(gates, 3 * n + j);
                Vector<T> t = Ld(tc, j), dhv = Ld(dh, j);
                Vector<T> dcv = Ld(dc, j) + dhv * o * (one - t * t);            // ∂L/∂cₜ
                St(da, j, dcv * g * i * (one - i));                              // ∂aᵢ
                St(da, n + j, dcv * Ld(cPrev, j) * f * (one - f));               // ∂a_f
                St(da, 2 * n + j, dcv * i * (one - g * g));                      // ∂a_g
                St(da, 3 * n + j, dhv * t * o * (one - o));                      // ∂a_o
                St(dc, j, dcv * f);                                              // ∂L/∂cₜ₋₁
            }
        }
        for (; j < n; j++)
        {
            T i = gates[j], f = gates[n + j], g = gates[2 * n + j], o = gates[3 * n + j], t = tc[j];
            T dcv = dc[j] + dh[j] * o * (T.One - t * t);
            da[j] = dcv * g * i * (T.One - i);
            da[n + j] = dcv * cPrev[j] * f * (T.One - f);
            da[2 * n + j] = dcv * i * (T.One - g * g);
            da[3 * n + j] = dh[j] * t * o * (T.One - o);
            dc[j] = dcv * f;
        }
    }

    /// <summary>
    /// GRU gates for one row from ax = Wᵢₕx + bᵢₕ and ah = Wₕₕh + bₕₕ (blocks r, z, n):
    /// r = σ(ax_r + ah_r), z = σ(ax_z + ah_z), n = tanh(ax_n + r ⊙ ah_n), h = (1 − z) ⊙ n + z ⊙ hPrev.
    /// </summary>
    public static void GruCell<T>(ReadOnlySpan<T> ax, ReadOnlySpan<T> ah, ReadOnlySpan<T> hPrev, Span<T> gates, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = h.Length;
        var rz = gates[..(2 * n)]; var r = gates[..n]; var z = gates.Slice(n, n); var nn = gates.Slice(2 * n, n);
        System.Numerics.Tensors.TensorPrimitives.Add(ax[..(2 * n)], ah[..(2 * n)], rz);
        System.Numerics.Tensors.TensorPrimitives.Sigmoid<T>(rz, rz);
        System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(r, ah.Slice(2 * n, n), ax.Slice(2 * n, n), nn);
        System.Numerics.Tensors.TensorPrimitives.Tanh<T>(nn, nn);
        // h = n + z ⊙ (hPrev − n)
        System.Numerics.Tensors.TensorPrimitives.Subtract(hPrev, nn, h);
        System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(z, h, nn, h);
    }

    /// <summary>
    /// GRU backward for one row. In: dh (∂L/∂hₜ), gates r z n, ah_n, hPrev. Out: dax (∂ of the
    /// input projection), dah (∂ of the hidden projection) and dh replaced by the direct part z ⊙ dh.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GruCellBackward<T>(Span<T> dh, ReadOnlySpan<T> gates, ReadOnlySpan<T> ahn, ReadOnlySpan<T> hPrev,
        Span<T> dax, Span<T> dah) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = dh.Length, j = 0, w = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<T>.One;
            for (; j + w <= n; j += w)
            {
                Vector<T> r = Ld(gates, j), z = Ld(gates, n + j), nv = Ld(gates, 2 * n + j), d = Ld(dh, j);
                Vector<T> dan = d * (one - z) * (one - nv * nv);                 // ∂(pre-tanh of n)
                Vector<T> dar = dan * Ld(ahn, j) * r * (one - r);                // ∂(pre-σ of r)
                Vector<T> daz = d * (Ld(hPrev, j) - nv) * z * (one - z);         // ∂(pre-σ of z)
                St(dax, j, dar); St(dax, n + j, daz); St(dax, 2 * n + j, dan);
                St(dah, j, dar); St(dah, n + j, daz); St(dah, 2 * n + j, dan * r);
                St(dh, j, d * z);                                                // direct path z ⊙ hₜ₋₁
            }
        }
        for (; j < n; j++)
        {
            T r = gates[j], z = gates[n + j], nv = gates[2 * n + j], d = dh[j];
            T dan = d * (T.One - z) * (T.One - nv * nv);
            T dar = dan * ahn[j] * r * (T.One - r);
            T daz = d * (hPrev[j] - nv) * z * (T.One - z);
            dax[j] = dar; dax[n + j] = daz; dax[2 * n + j] = dan;
            dah[j] = dar; dah[n + j] = daz; dah[2 * n + j] = dan * r;
            dh[j] = d * z;
        }
    }

    /// <summary>a·b + c with one rounding, lane by lane (as T.FusedMultiplyAdd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return Vector.As<float, T>(Vector.FusedMultiplyAdd(Vector.As<T, float>(a), Vector.As<T, float>(b), Vector.As<T, float>(c)));
        if (typeof(T) == typeof(double)) return Vector.As<double, T>(Vector.FusedMultiplyAdd(Vector.As<T, double>(a), Vector.As<T, double>(b), Vector.As<T, double>(c)));
        var r = new T[Vector<T>.Count];
        for (int i = 0; i < r.Length; i++) r[i] = T.FusedMultiplyAdd(a[i], b[i], c[i]);
        return new Vector<T>(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Ld<T>(ReadOnlySpan<T> s, int i) where T : unmanaged => new(s.Slice(i, Vector<T>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void St<T>(Span<T> s, int i, Vector<T> v) where T : unmanaged => v.CopyTo(s.Slice(i, Vector<T>.Count));
}
