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
    /// </summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            throw new ShapeException($"Gemm: spans too short for m={m}, n={n}, k={k} (A {a.Length}, B {b.Length}, C {c.Length}).");
        if (m == 0 || n == 0) return;
        GemmDispatch(transA, transB, m, n, k, a, b, c, default, overwrite: !accumulate);
    }

    /// <summary>
    /// C[m×n] = row + op(A) · op(B), with <paramref name="row"/>[n] added to every row (a layer's
    /// bias): one pass over C, which is written and never read.
    /// </summary>
    public static void GemmAddRow<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> row, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n || row.Length != n)
            throw new ShapeException($"GemmAddRow: spans do not fit m={m}, n={n}, k={k} (A {a.Length}, B {b.Length}, row {row.Length}, C {c.Length}).");
        if (m == 0 || n == 0) return;
        GemmDispatch(transA, transB, m, n, k, a, b, c, row, overwrite: true);
    }

    /// <summary>Adds <paramref name="bias"/>[n] to every row of <paramref name="x"/>[rows×n].</summary>
    public static void AddRowVector<T>(Span<T> x, ReadOnlySpan<T> bias, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = bias.Length;
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * n, n);
            System.Numerics.Tensors.TensorPrimitives.Add<T>(row, bias, row);
        }
    }

    /// <summary>sums[n] += Σ over rows of x[rows×n] (the gradient of a bias added to every row).</summary>
    public static void AccumulateColumnSums<T>(ReadOnlySpan<T> x, Span<T> sums, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = sums.Length;
        for (int r = 0; r < rows; r++) System.Numerics.Tensors.TensorPrimitives.Add<T>(x.Slice(r * n, n), sums, sums);
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
