using System.Numerics;

namespace RnnNotebooks.Tensors;

/// <summary>The input checks shared by modules, losses and metrics; every message starts with its owner.</summary>
internal static class Expect
{
    /// <summary>Throws unless prediction and target are non-empty and of one shape.</summary>
    public static void SameShape<T>(string owner, Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (prediction.Length == 0)
            throw new ShapeException($"{owner}: empty prediction of shape {Tensor.Format(prediction.Shape)}.");
        if (!prediction.SameShape(target))
            throw new ShapeException($"{owner}: prediction has shape {Tensor.Format(prediction.Shape)} but target has shape {Tensor.Format(target.Shape)}.");
    }

    /// <summary>Throws naming the position of the first NaN or ±∞ in <paramref name="t"/>.</summary>
    public static void Finite<T>(string owner, Tensor<T> t, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bad = t.IndexOfNonFinite();
        if (bad >= 0) throw new ArgumentException($"{owner}: {what} holds {t.Data[bad]} at {t.FormatIndex(bad)}.");
    }
}
