using System.Numerics;
using System.Numerics.Tensors;

namespace RnnNotebooks.Tensors;

/// <summary>
/// The few matrix and element-wise functions the recurrent cells are written with, on
/// row-major [rows, columns] tensors. They allocate their result: clear, not fast (the fused
/// layers use <see cref="Kernels"/> on spans instead).
/// </summary>
public static partial class Tensor
{
    /// <summary>x Wᵀ + b: x [rows, in], W [out, in], b [out] or null → [rows, out] (a linear layer).</summary>
    public static Tensor<T> Affine<T>(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = x.Dim(0), inputs = x.Dim(1), outputs = weight.Dim(0);
        if (x.Rank != 2 || weight.Rank != 2 || weight.Dim(1) != inputs || (bias is not null && bias.Length != outputs))
            throw new ShapeException($"Affine: x {Format(x.Shape)} · Wᵀ {Format(weight.Shape)} + b {(bias is null ? "none" : Format(bias.Shape))} do not fit.");
        var y = new Tensor<T>(rows, outputs);
        Kernels.Gemm(false, true, rows, outputs, inputs, x.Data, weight.Data, y.Data, accumulate: false);
        if (bias is not null) Kernels.AddRowVector<T>(y.Data, bias.Data, rows);
        return y;
    }

    /// <summary>a · b: a [m, k], b [k, n] → [m, n].</summary>
    public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank != 2 || b.Rank != 2 || a.Dim(1) != b.Dim(0))
            throw new ShapeException($"MatMul: {Format(a.Shape)} · {Format(b.Shape)} do not fit.");
        var y = new Tensor<T>(a.Dim(0), b.Dim(1));
        Kernels.Gemm(false, false, a.Dim(0), b.Dim(1), a.Dim(1), a.Data, b.Data, y.Data, accumulate: false);
        return y;
    }

    /// <summary>aᵀ · b: a [k, m], b [k, n] → [m, n] (a weight gradient: ∂W = ∂aᵀ · x).</summary>
    public static Tensor<T> TransposeMatMul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank != 2 || b.Rank != 2 || a.Dim(0) != b.Dim(0))
            throw new ShapeException($"TransposeMatMul: {Format(a.Shape)}ᵀ · {Format(b.Shape)} do not fit.");
        var y = new Tensor<T>(a.Dim(1), b.Dim(1));
        Kernels.Gemm(true, false, a.Dim(1), b.Dim(1), a.Dim(0), a.Data, b.Data, y.Data, accumulate: false);
        return y;
    }

    /// <summary>Σ over rows of a [rows, n] → [n] (a bias gradient).</summary>
    public static Tensor<T> SumRows<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = new Tensor<T>(a.Dim(-1));
        Kernels.AccumulateColumnSums<T>(a.Data, y.Data, a.Length / y.Length);
        return y;
    }

    /// <summary>Block k of width <paramref name="width"/> of every row: columns [k·width, (k+1)·width) of a [rows, n·width] tensor (block 0 is the first).</summary>
    public static Tensor<T> Block<T>(Tensor<T> a, int k, int width) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank != 2) throw new ShapeException($"Block: expected a matrix, got shape {Format(a.Shape)}.");
        int rows = a.Dim(0), n = a.Dim(1);
        if (width < 1 || width > n) throw new ArgumentOutOfRangeException(nameof(width), width, $"Block: width must be in [1, {n}] for {Format(a.Shape)}, got {width}.");
        if (k < 0 || (k + 1L) * width > n)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Block: block k = {k} of width {width} is outside {Format(a.Shape)} (blocks 0..{n / width - 1}).");
        var y = new Tensor<T>(rows, width);
        for (int r = 0; r < rows; r++) a.Data.AsSpan(r * n + k * width, width).CopyTo(y.Data.AsSpan(r * width, width));
        return y;
    }

    /// <summary>Joins [rows, wᵢ] tensors side by side → [rows, Σ wᵢ] (the inverse of <see cref="Block{T}"/>).</summary>
    public static Tensor<T> ConcatColumns<T>(params Tensor<T>[] parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = parts[0].Dim(0), n = parts.Sum(p => p.Dim(1)), at = 0;
        var y = new Tensor<T>(rows, n);
        foreach (var p in parts)
        {
            if (p.Rank != 2 || p.Dim(0) != rows) throw new ShapeException($"ConcatColumns: {Format(p.Shape)} does not have {rows} rows.");
            int w = p.Dim(1);
            for (int r = 0; r < rows; r++) p.Data.AsSpan(r * w, w).CopyTo(y.Data.AsSpan(r * n + at, w));
            at += w;
        }
        return y;
    }

    /// <summary>σ(a) = 1 / (1 + e^(−a)), element-wise.</summary>
    public static Tensor<T> Sigmoid<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Apply(a, Activations.Sigmoid);

    /// <summary>tanh(a), element-wise.</summary>
    public static Tensor<T> Tanh<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Apply(a, Activations.Tanh);

    /// <summary>max(0, a), element-wise.</summary>
    public static Tensor<T> Relu<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Apply(a, Activations.Relu);

    /// <summary>1 − a, element-wise.</summary>
    public static Tensor<T> OneMinus<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = new Tensor<T>(a.Shape);
        TensorPrimitives.Subtract(T.One, a.Data, y.Data);
        return y;
    }

    /// <summary>1 where a &gt; 0, else 0 (the derivative of relu, read from its output).</summary>
    public static Tensor<T> Positive<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = new Tensor<T>(a.Shape);
        for (int i = 0; i < y.Length; i++) y.Data[i] = a.Data[i] > T.Zero ? T.One : T.Zero;
        return y;
    }

    // A copy of a with an in-place activation applied.
    private static Tensor<T> Apply<T>(Tensor<T> a, InPlace<T> f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = a.Clone();
        f(y.Data);
        return y;
    }

    private delegate void InPlace<T>(Span<T> x);
}
