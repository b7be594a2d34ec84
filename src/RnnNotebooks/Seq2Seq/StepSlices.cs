using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Seq2Seq;

/// <summary>Copies between a batch-first sequence [B, T, F] and one of its steps [B, F], and joins or splits features.</summary>
internal static class StepSlices
{
    /// <summary>Step t of x [B, T, F] → [B, F].</summary>
    public static Tensor<T> Step<T>(Tensor<T> x, int t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = x.Dim(0), steps = x.Dim(1), f = x.Dim(2);
        var y = new Tensor<T>(b, f);
        for (int i = 0; i < b; i++) x.Data.AsSpan((i * steps + t) * f, f).CopyTo(y.Data.AsSpan(i * f, f));
        return y;
    }

    /// <summary>x[:, t, :] += step (step [B, F]).</summary>
    public static void AddToStep<T>(Tensor<T> x, int t, Tensor<T> step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = x.Dim(0), steps = x.Dim(1), f = x.Dim(2);
        for (int i = 0; i < b; i++) Kernels.Add<T>(step.Data.AsSpan(i * f, f), x.Data.AsSpan((i * steps + t) * f, f));
    }

    /// <summary>[a; b] on the last axis: a [B, T, Fa], b [B, T, Fb] → [B, T, Fa + Fb].</summary>
    public static Tensor<T> ConcatFeatures<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = a.Dim(0) * a.Dim(1);
        var y = Tensor.ConcatColumns(a.Reshape(rows, a.Dim(2)), b.Reshape(rows, b.Dim(2)));
        return y.Reshape(a.Dim(0), a.Dim(1), a.Dim(2) + b.Dim(2));
    }

    /// <summary>The inverse of <see cref="ConcatFeatures{T}"/>: x [B, T, F] → its first <paramref name="first"/> features and the rest.</summary>
    public static (Tensor<T> First, Tensor<T> Second) SplitFeatures<T>(Tensor<T> x, int first) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = x.Dim(0), steps = x.Dim(1), f = x.Dim(2), rest = f - first;
        var a = new Tensor<T>(b, steps, first);
        var c = new Tensor<T>(b, steps, rest);
        for (int r = 0; r < b * steps; r++)
        {
            x.Data.AsSpan(r * f, first).CopyTo(a.Data.AsSpan(r * first, first));
            x.Data.AsSpan(r * f + first, rest).CopyTo(c.Data.AsSpan(r * rest, rest));
        }
        return (a, c);
    }

    /// <summary>Rows <paramref name="rows"/> of x (first axis), in that order; a row may repeat.</summary>
    public static Tensor<T> Rows<T>(Tensor<T> x, IReadOnlyList<int> rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = x.Length / x.Dim(0);
        var shape = (int[])x.Shape.Clone();
        shape[0] = rows.Count;
        var y = new Tensor<T>(shape);
        for (int i = 0; i < rows.Count; i++) x.Data.AsSpan(rows[i] * width, width).CopyTo(y.Data.AsSpan(i * width, width));
        return y;
    }
}
