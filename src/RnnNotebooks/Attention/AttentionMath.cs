using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Attention;

/// <summary>The batched products attention is written with: each row b pairs a vector with the S keys of that row.</summary>
internal static class AttentionMath
{
    /// <summary>eₛ = hₛ · q for every row: keys h [B, S, K], q [B, K] → [B, S].</summary>
    public static Tensor<T> KeysDot<T>(Tensor<T> keys, Tensor<T> q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = keys.Dim(0), s = keys.Dim(1), k = keys.Dim(2);
        var e = new Tensor<T>(b, s);
        for (int i = 0; i < b; i++)
            for (int j = 0; j < s; j++)
                e.Data[i * s + j] = System.Numerics.Tensors.TensorPrimitives.Dot<T>(keys.Data.AsSpan((i * s + j) * k, k), q.Data.AsSpan(i * k, k));
        return e;
    }

    /// <summary>c = Σₛ αₛ hₛ for every row: weights α [B, S], keys h [B, S, K] → [B, K].</summary>
    public static Tensor<T> WeightedSum<T>(Tensor<T> weights, Tensor<T> keys) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = keys.Dim(0), s = keys.Dim(1), k = keys.Dim(2);
        var c = new Tensor<T>(b, k);
        for (int i = 0; i < b; i++)
            for (int j = 0; j < s; j++)
            {
                T a = weights.Data[i * s + j];
                var row = keys.Data.AsSpan((i * s + j) * k, k);
                var dst = c.Data.AsSpan(i * k, k);
                for (int f = 0; f < k; f++) dst[f] += a * row[f];
            }
        return c;
    }

    /// <summary>The outer product of each row: a [B, S], x [B, K] → [B, S, K] with entry aₛ xₖ.</summary>
    public static Tensor<T> Outer<T>(Tensor<T> a, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = a.Dim(0), s = a.Dim(1), k = x.Dim(1);
        var y = new Tensor<T>(b, s, k);
        for (int i = 0; i < b; i++)
            for (int j = 0; j < s; j++)
            {
                T w = a.Data[i * s + j];
                var src = x.Data.AsSpan(i * k, k);
                var dst = y.Data.AsSpan((i * s + j) * k, k);
                for (int f = 0; f < k; f++) dst[f] = w * src[f];
            }
        return y;
    }

    /// <summary>Row-wise softmax of scores e [B, S] over the real positions; padded ones get −∞ in e and 0 in α.</summary>
    public static (Tensor<T> Scores, Tensor<T> Weights) MaskedSoftmax<T>(Tensor<T> scores, SequenceMask? mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = scores.Dim(0), s = scores.Dim(1);
        var e = scores.Clone();
        if (mask is not null)
            for (int i = 0; i < b; i++)
                for (int j = 0; j < s; j++)
                    if (!mask.IsValid(i, j)) e.Data[i * s + j] = T.NegativeInfinity;
        var alpha = e.Clone();
        Activations.Softmax<T>(alpha.Data, s);   // exp(−∞ − max) = 0
        return (e, alpha);
    }

    /// <summary>Every row of a [B, n] repeated S times → [B, S, n] (a query added to each position).</summary>
    public static Tensor<T> RepeatRows<T>(Tensor<T> a, int s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = a.Dim(0), n = a.Dim(1);
        var y = new Tensor<T>(b, s, n);
        for (int i = 0; i < b; i++)
            for (int j = 0; j < s; j++) a.Data.AsSpan(i * n, n).CopyTo(y.Data.AsSpan((i * s + j) * n, n));
        return y;
    }

    /// <summary>Σ over the S positions of x [B, S, n] → [B, n] (the gradient of <see cref="RepeatRows{T}"/>).</summary>
    public static Tensor<T> SumPositions<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = x.Dim(0), s = x.Dim(1), n = x.Dim(2);
        var y = new Tensor<T>(b, n);
        for (int i = 0; i < b; i++)
            for (int j = 0; j < s; j++) Kernels.Add<T>(x.Data.AsSpan((i * s + j) * n, n), y.Data.AsSpan(i * n, n));
        return y;
    }

    /// <summary>x ← λ x, in place.</summary>
    public static void ScaleInPlace<T>(Tensor<T> x, T lambda) where T : unmanaged, IFloatingPointIeee754<T> =>
        System.Numerics.Tensors.TensorPrimitives.Multiply<T>(x.Data, lambda, x.Data);
}
