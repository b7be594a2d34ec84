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
        if (!accumulate) c[..(m * n)].Clear();
        if (m == 0 || n == 0 || k == 0) return;
        GemmDispatch(transA, transB, m, n, k, a, b, c);
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

    /// <summary>Reference matrix product: plain loops ordered for sequential access (types without SIMD).</summary>
    internal static void GemmCore<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!transB)
        {
            // C[i,:] += A(i,p) * B[p,:]
            for (int i = 0; i < m; i++)
            {
                var ci = c.Slice(i * n, n);
                for (int p = 0; p < k; p++)
                {
                    T aip = transA ? a[p * m + i] : a[i * k + p];
                    if (aip == T.Zero) continue;
                    var bp = b.Slice(p * n, n);
                    for (int j = 0; j < n; j++) ci[j] += aip * bp[j];
                }
            }
        }
        else
        {
            // C[i,j] += dot(A(i,:), B[j,:])
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    var bj = b.Slice(j * k, k);
                    T s = T.Zero;
                    if (!transA)
                    {
                        var ai = a.Slice(i * k, k);
                        for (int p = 0; p < k; p++) s += ai[p] * bj[p];
                    }
                    else
                    {
                        for (int p = 0; p < k; p++) s += a[p * m + i] * bj[p];
                    }
                    c[i * n + j] += s;
                }
            }
        }
    }
}
