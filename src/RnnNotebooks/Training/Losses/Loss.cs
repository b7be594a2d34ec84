using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>
/// A scalar loss with mean reduction. <see cref="forward"/> returns the loss and remembers its
/// inputs; <see cref="backward"/> returns ∂loss/∂prediction.
/// </summary>
public abstract class Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Short name used in training history ("loss" is always the training loss).</summary>
    public abstract string Name { get; }

    /// <summary>Computes the mean loss of <paramref name="prediction"/> against <paramref name="target"/>.</summary>
    public abstract double forward(Tensor<T> prediction, Tensor<T> target);

    /// <summary>∂loss/∂prediction for the last <see cref="forward"/>.</summary>
    public abstract Tensor<T> backward();

    /// <summary>Throws unless prediction and target have the same shape.</summary>
    protected void ExpectSameShape(Tensor<T> prediction, Tensor<T> target)
    {
        if (prediction.Length == 0)
            throw new ShapeException($"{Name}: empty prediction of shape {Tensor.Format(prediction.Shape)}.");
        if (!prediction.SameShape(target))
            throw new ShapeException($"{Name}: prediction has shape {Tensor.Format(prediction.Shape)} but target has shape {Tensor.Format(target.Shape)}.");
    }

    /// <summary>Throws naming the position of the first NaN or ±∞.</summary>
    protected void ExpectFinite(Tensor<T> t, string what)
    {
        int bad = t.IndexOfNonFinite();
        if (bad >= 0) throw new ArgumentException($"{Name}: {what} holds {t.Data[bad]} at {t.FormatIndex(bad)}.");
    }
}
