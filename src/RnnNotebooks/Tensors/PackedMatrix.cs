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

    /// <summary>The SIMD width in bits the layout was made for (0: plain row-major, one panel, for the scalar loops).</summary>
    public int Bits { get; private set; }

    /// <summary>Columns per panel.</summary>
    public int PanelWidth { get; private set; }

    public int Panels => PanelWidth == 0 ? 0 : (N + PanelWidth - 1) / PanelWidth;

    /// <summary>Holds the values from <see cref="_offset"/> on; pinned, so the offset stays valid.</summary>
    private T[] _buffer = [];
    private int _offset, _length;

    /// <summary>
    /// The packed values. They start on a 64-byte boundary, so no vector load of a panel straddles
    /// two cache lines (a 512-bit load is a whole line; an unaligned one touches two).
    /// </summary>
    public ReadOnlySpan<T> Values => _buffer.AsSpan(_offset, _length);

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
        var d = Begin(k, n, bits);
        if (!transpose)
        {
            for (int p = 0; p < k; p++) PackRow(d, p, b.Slice(p * n, n));
            return this;
        }
        int nr = PanelWidth;
        for (int jp = 0, j0 = 0; j0 < n; jp++, j0 += nr)
        {
            int w = Math.Min(nr, n - j0);
            var panel = d.Slice(jp * k * nr, k * nr);
            for (int jj = 0; jj < w; jj++)
            {
                var column = b.Slice((j0 + jj) * k, k);
                for (int p = 0; p < k; p++) panel[p * nr + jj] = column[p];
            }
        }
        return this;
    }

    /// <summary>
    /// Packs the k×(nl + nr) matrix whose row p is [left row p | right row p], where left is
    /// [k×nl] and the rows of right are those of <paramref name="rightTop"/> followed by those of
    /// <paramref name="rightBottom"/> (both nr wide): the inputs and previous states of every step,
    /// side by side, without building that matrix.
    /// </summary>
    public PackedMatrix<T> PackSideBySide(int k, ReadOnlySpan<T> left, int nl, ReadOnlySpan<T> rightTop, ReadOnlySpan<T> rightBottom, int nr, int bits)
    {
        int top = rightTop.Length / Math.Max(1, nr);
        if (left.Length < k * nl || top + rightBottom.Length / Math.Max(1, nr) < k)
            throw new ShapeException($"PackedMatrix: the blocks do not hold a {k}×({nl}+{nr}) matrix.");
        var d = Begin(k, nl + nr, bits);
        // Rows land in disjoint places, so large matrices are packed by several threads.
        unsafe
        {
            fixed (T* pl = left, pt = rightTop, pbot = rightBottom, pd = d)
            {
                nint l = (nint)pl, t = (nint)pt, bot = (nint)pbot, dst = (nint)pd;
                int lLen = left.Length, tLen = rightTop.Length, bLen = rightBottom.Length, dLen = d.Length;
                Kernels.ForEachRange(k, Math.Min(Kernels.MaxThreads, k / 1024), 1, (p0, p1) =>
                {
                    var row = new T[nl + nr];
                    ReadOnlySpan<T> lft = new((T*)l, lLen), tp = new((T*)t, tLen), bt = new((T*)bot, bLen);
                    var target = new Span<T>((T*)dst, dLen);
                    for (int p = p0; p < p1; p++)
                    {
                        lft.Slice(p * nl, nl).CopyTo(row);
                        (p < top ? tp.Slice(p * nr, nr) : bt.Slice((p - top) * nr, nr)).CopyTo(row.AsSpan(nl));
                        PackRow(target, p, row);
                    }
                });
            }
        }
        return this;
    }

    /// <summary>Drops the buffer; the next pack allocates one again.</summary>
    public void Release()
    {
        _buffer = []; _offset = 0; _length = 0; K = 0; N = 0;
    }

    private Span<T> Begin(int k, int n, int bits)
    {
        K = k; N = n; Bits = bits;
        PanelWidth = Kernels.PanelWidthFor<T>(bits) is int w && w > 0 ? w : Math.Max(1, n);
        int length = Length(k, n, bits);
        if (_buffer.Length - _offset < length) Allocate(length);
        _length = length;
        var d = _buffer.AsSpan(_offset, length);
        if (n % PanelWidth != 0) d.Clear();   // the last panel's padding
        return d;
    }

    private unsafe void Allocate(int length)
    {
        const int Alignment = 64;
        _buffer = GC.AllocateUninitializedArray<T>(length + Alignment / sizeof(T), pinned: true);
        fixed (T* p = _buffer) _offset = (int)((Alignment - (nint)p % Alignment) % Alignment / sizeof(T));
    }

    /// <summary>Writes row p of op(B) into its place in every panel.</summary>
    private void PackRow(Span<T> d, int p, ReadOnlySpan<T> row)
    {
        int nr = PanelWidth, k = K;
        for (int jp = 0, j0 = 0; j0 < N; jp++, j0 += nr)
            row.Slice(j0, Math.Min(nr, N - j0)).CopyTo(d.Slice(jp * k * nr + p * nr));
    }
}
