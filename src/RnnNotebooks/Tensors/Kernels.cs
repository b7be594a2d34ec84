using System.Numerics;

namespace RnnNotebooks.Tensors;

/// <summary>
/// The numeric kernels the fused layers are built on: matrix products, row-wise bias and
/// reductions over spans. The products are the layers' heavy loops, so making them faster
/// makes every layer faster; element-wise work goes through <see cref="Activations"/> and
/// System.Numerics.Tensors.TensorPrimitives.
/// All matrices are row-major with their natural leading dimension.
/// </summary>
public static partial class Kernels
{
    /// <summary>
    /// C[m×n] = (accumulate ? C : 0) + op(A) · op(B), where op(A) is A[m×k] or, when
    /// <paramref name="transA"/>, Aᵀ with A stored [k×m]; likewise op(B) is B[k×n] or Bᵀ with B stored [n×k].
    /// Sizes may be 0: m or n of 0 is an empty product (nothing written), k of 0 a sum of no terms (C = 0, or C unchanged when accumulating).
    /// </summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Sizes("Gemm", m, n, k);
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ShapeException($"Gemm: spans too short for m={m}, n={n}, k={k} (A {a.Length}, B {b.Length}, C {c.Length}).");
        if (m == 0 || n == 0) return;
        GemmDispatch(transA, transB, m, n, k, a, b, c, default, overwrite: !accumulate);
    }

    /// <summary>
    /// C[m×n] = row + op(A) · op(B), with <paramref name="row"/>[n] added to every row (a layer's
    /// bias): one pass over C, which is written and never read. Sizes may be 0: m or n of 0 is an empty
    /// product (nothing written), k of 0 a sum of no terms (every row of C = row).
    /// </summary>
    public static void GemmAddRow<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> row, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Sizes("GemmAddRow", m, n, k);
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n || row.Length != n)
            throw new ShapeException($"GemmAddRow: spans do not fit m={m}, n={n}, k={k} (A {a.Length}, B {b.Length}, row {row.Length}, C {c.Length}).");
        if (m == 0 || n == 0) return;
        GemmDispatch(transA, transB, m, n, k, a, b, c, row, overwrite: true);
    }

    private static void Sizes(string who, int m, int n, int k)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, $"{who}: m must be 0 or more, got {m}.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"{who}: n must be 0 or more, got {n}.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"{who}: k must be 0 or more, got {k}.");
    }

    /// <summary>Adds <paramref name="bias"/>[n] to every row of <paramref name="x"/>[rows×n]; 0 rows is nothing to do.</summary>
    public static void AddRowVector<T>(Span<T> x, ReadOnlySpan<T> bias, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = bias.Length;
        if (rows < 0 || x.Length < (long)rows * n)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"AddRowVector: rows must be 0 or more and {rows} rows of {n} must fit the {x.Length} values, got {rows}.");
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * n, n);
            System.Numerics.Tensors.TensorPrimitives.Add<T>(row, bias, row);
        }
    }

    /// <summary>
    /// sums[n] += Σ over rows of x[rows×n] (the gradient of a bias added to every row), and the
    /// same into <paramref name="sums2"/> when given (two biases added to the same rows), in one
    /// pass over x (0 rows add nothing). Large inputs split their columns over threads; each column still adds its rows
    /// in order, so the result does not depend on the split.
    /// </summary>
    public static void AccumulateColumnSums<T>(ReadOnlySpan<T> x, Span<T> sums, int rows, Span<T> sums2 = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = sums.Length;
        if (rows < 0 || x.Length < (long)rows * n)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"AccumulateColumnSums: rows must be 0 or more and {rows} rows of {n} must fit the {x.Length} values, got {rows}.");
        if ( (!sums2.IsEmpty && sums2.Length != n))
            throw new ShapeException($"AccumulateColumnSums: {x.Length} values, {rows} rows of {n}, second sums {sums2.Length}.");
        int threads = (long)rows * n < ParallelThreshold ? 1 : Math.Min(MaxThreads, n / 64);
        if (threads <= 1) { ColumnSums(x, sums, sums2, rows, n, 0, n); return; }
        unsafe
        {
            fixed (T* px = x, ps = sums, ps2 = sums2)
            {
                nint ax = (nint)px, as1 = (nint)ps, as2 = (nint)ps2;
                int len = x.Length, has2 = sums2.Length;
                ForEachRange(n, threads, 16, (j0, j1) =>
                    ColumnSums(new ReadOnlySpan<T>((T*)ax, len), new Span<T>((T*)as1, n), new Span<T>((T*)as2, has2), rows, n, j0, j1));
            }
        }
    }

    /// <summary>
    /// Splits [0, count) into up to <paramref name="parts"/> contiguous ranges, each a multiple of
    /// <paramref name="align"/> long but the last, and runs body(start, end) for each: on the calling
    /// thread for one part, on as many threads as parts otherwise.
    /// </summary>
    internal static void ForEachRange(int count, int parts, int align, Action<int, int> body)
    {
        parts = Math.Clamp(parts, 1, Math.Max(1, count));
        if (parts == 1) { body(0, count); return; }
        int per = ((count + parts - 1) / parts + align - 1) / align * align;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
        {
            int lo = p * per, hi = Math.Min(count, lo + per);
            if (lo < hi) body(lo, hi);
        });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums<T>(ReadOnlySpan<T> x, Span<T> sums, Span<T> sums2, int rows, int n, int j0, int j1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (j0 >= j1) return;
        // Blocks of rows that stay in cache while each vector of columns keeps its running sums in
        // registers; every column still adds its rows one by one in increasing order.
        const int RowsPerBlock = 64;
        int vw = Vector<T>.Count, vectorEnd = Vector.IsHardwareAccelerated ? j0 + (j1 - j0) / vw * vw : j0;
        bool two = !sums2.IsEmpty;
        for (int r0 = 0; r0 < rows; r0 += RowsPerBlock)
        {
            int r1 = Math.Min(rows, r0 + RowsPerBlock);
            int j = j0;
            for (; j + 4 * vw <= vectorEnd; j += 4 * vw)   // four independent chains per row
            {
                Vector<T> a0 = new(sums.Slice(j, vw)), a1 = new(sums.Slice(j + vw, vw)), a2 = new(sums.Slice(j + 2 * vw, vw)), a3 = new(sums.Slice(j + 3 * vw, vw));
                for (int r = r0; r < r1; r++)
                {
                    var row = x.Slice(r * n + j, 4 * vw);
                    a0 += new Vector<T>(row); a1 += new Vector<T>(row[vw..]); a2 += new Vector<T>(row[(2 * vw)..]); a3 += new Vector<T>(row[(3 * vw)..]);
                }
                a0.CopyTo(sums.Slice(j, vw)); a1.CopyTo(sums.Slice(j + vw, vw)); a2.CopyTo(sums.Slice(j + 2 * vw, vw)); a3.CopyTo(sums.Slice(j + 3 * vw, vw));
                if (!two) continue;
                a0 = new(sums2.Slice(j, vw)); a1 = new(sums2.Slice(j + vw, vw)); a2 = new(sums2.Slice(j + 2 * vw, vw)); a3 = new(sums2.Slice(j + 3 * vw, vw));
                for (int r = r0; r < r1; r++)
                {
                    var row = x.Slice(r * n + j, 4 * vw);
                    a0 += new Vector<T>(row); a1 += new Vector<T>(row[vw..]); a2 += new Vector<T>(row[(2 * vw)..]); a3 += new Vector<T>(row[(3 * vw)..]);
                }
                a0.CopyTo(sums2.Slice(j, vw)); a1.CopyTo(sums2.Slice(j + vw, vw)); a2.CopyTo(sums2.Slice(j + 2 * vw, vw)); a3.CopyTo(sums2.Slice(j + 3 * vw, vw));
            }
            for (; j < vectorEnd; j += vw)
            {
                var a1 = new Vector<T>(sums.Slice(j, vw));
                var a2 = two ? new Vector<T>(sums2.Slice(j, vw)) : default;
                for (int r = r0; r < r1; r++)
                {
                    var v = new Vector<T>(x.Slice(r * n + j, vw));
                    a1 += v;
                    if (two) a2 += v;
                }
                a1.CopyTo(sums.Slice(j, vw));
                if (two) a2.CopyTo(sums2.Slice(j, vw));
            }
            for (; j < j1; j++)
            {
                T a1 = sums[j], a2 = two ? sums2[j] : T.Zero;
                for (int r = r0; r < r1; r++) { a1 += x[r * n + j]; if (two) a2 += x[r * n + j]; }
                sums[j] = a1;
                if (two) sums2[j] = a2;
            }
        }
    }

    /// <summary>y += x, element-wise.</summary>
    public static void Add<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length != y.Length) throw new ShapeException($"Add: lengths {x.Length} and {y.Length} differ.");
        System.Numerics.Tensors.TensorPrimitives.Add<T>(x, y, y);
    }

    /// <summary>Σ x², in double for accuracy.</summary>
    public static double SumOfSquares<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double s = 0;
        foreach (var v in x) { double d = double.CreateTruncating(v); s += d * d; }
        return s;
    }
}
