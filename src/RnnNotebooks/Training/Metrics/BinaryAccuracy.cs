using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>
/// Fraction of predictions on the right side of the threshold: probabilities against 0.5, or
/// logits against 0 when <c>fromLogits</c>. Targets are 0 or 1.
/// </summary>
public sealed class BinaryAccuracy<T>(bool fromLogits = false) : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "accuracy";

    /// <inheritdoc/>
    public override bool HigherIsBetter => true;

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        T threshold = fromLogits ? T.Zero : T.CreateChecked(0.5);
        for (int i = 0; i < prediction.Length; i++)
        {
            T label = target.Data[i];
            if (label != T.Zero && label != T.One)
                throw new ArgumentOutOfRangeException(nameof(target), FormattableString.Invariant(
                    $"{Name}: label {label} at {target.FormatIndex(i)} is not 0 or 1."));
            bool predicted = prediction.Data[i] > threshold, actual = label == T.One;
            if (predicted == actual) Sum++;
        }
        Count += prediction.Length;
    }
}
