using System.Numerics;

namespace RnnNotebooks.Tensors;

/// <summary>
/// The right-hand matrix of a product, op(B)[k×n], laid out for the GEMM kernel: cut into panels of
/// <see cref="PanelWidth"/> columns (two vectors of the SIMD width it was packed for), each panel
/// stored as k rows of PanelWidth contiguous values, the last one padded with zeros. The kernel
/// then reads B strictly in order. A layer packs its recurrent weights once per sequence and
/// reuses them at every step.
/// </summary>
internal sealed class PackedMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of op(B) (the inner dimension of the product).</summary>
    public int K { get; private set; }

    /// <summary>Columns of op(B).</summary>
    public int N { get; private set; }

    /// <summary>The SIMD width in bits the layout was made for (0: plain row-major for the scalar loops).</summary>
    public int Bits { get; private set; }

    /// <summary>Columns per panel.</summary>
    public int PanelWidth { get; private set; }

    public int Panels => PanelWidth == 0 ? 0 : (N + PanelWidth - 1) / PanelWidth;

    /// <summary>The packed values (may be longer than needed when the buffer is reused).</summary>
    public T[] Data { get; private set; }

    public PackedMatrix(T[]? buffer = null) => Data = buffer ?? [];

    /// <summary>Values needed to pack a k×n matrix for a SIMD width.</summary>
    public static int Length(int k, int n, int bits)
    {
        int w = Kernels.PanelWidthFor<T>(bits);
        return w == 0 ? k * n : (n + w - 1) / w * w * k;
    }

    /// <summary>
    /// Packs op(B) for <paramref name="bits"/>: B(p, j) = b[p·n + j], or with <paramref name="transpose"/>
    /// B(p, j) = b[j·k + p] (B stored [n×k], as a weight matrix is).
    /// </summary>
    public PackedMatrix<T> Pack(bool transpose, int k, int n, ReadOnlySpan<T> b, int bits)
    {
        if (b.Length < k * n) throw new ShapeException($"PackedMatrix: {b.Length} values cannot hold a {k}×{n} matrix.");
        K = k; N = n; Bits = bits; PanelWidth = Kernels.PanelWidthFor<T>(bits);
        int length = Length(k, n, bits);
        if (Data.Length < length) Data = new T[length];
        var d = Data.AsSpan(0, length);
        if (PanelWidth == 0)
        {
            if (transpose) Kernels.Transpose(b[..(k * n)], n, k, d); else b[..(k * n)].CopyTo(d);
            PanelWidth = n;
            return this;
        }
        int nr = PanelWidth;
        for (int jp = 0, j0 = 0; j0 < n; jp++, j0 += nr)
        {
            int w = Math.Min(nr, n - j0);
            var panel = d.Slice(jp * k * nr, k * nr);
            if (w < nr) panel.Clear();
            if (!transpose)
                for (int p = 0; p < k; p++) b.Slice(p * n + j0, w).CopyTo(panel.Slice(p * nr, w));
            else
                for (int jj = 0; jj < w; jj++)
                {
                    var column = b.Slice((j0 + jj) * k, k);
                    for (int p = 0; p < k; p++) panel[p * nr + jj] = column[p];
                }
        }
        return this;
    }
}
