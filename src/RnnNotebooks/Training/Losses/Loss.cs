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
}
