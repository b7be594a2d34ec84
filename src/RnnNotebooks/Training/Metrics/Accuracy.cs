using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>Multi-class accuracy: argmax of scores [..., C] against integer labels [...].</summary>
public sealed class Accuracy<T> : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "accuracy";

    /// <inheritdoc/>
    public override bool HigherIsBetter => true;

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        int c = prediction.Shape[^1];
        if (prediction.Length != target.Length * c)
            throw new ShapeException($"{Name}: scores {Tensor.Format(prediction.Shape)} do not match labels {Tensor.Format(target.Shape)}.");
        for (int r = 0; r < target.Length; r++)
        {
            T label = target.Data[r];
            if (!T.IsInteger(label) || label < T.Zero || label >= T.CreateChecked(c))
                throw new ArgumentOutOfRangeException(nameof(target), FormattableString.Invariant(
                    $"{Name}: label {label} at {target.FormatIndex(r)} is not a class in [0, {c}) (the scores have {c} classes)."));
            var row = prediction.Data.AsSpan(r * c, c);
            int best = 0;
            for (int j = 1; j < c; j++) if (row[j] > row[best]) best = j;
            if (T.CreateChecked(best) == target.Data[r]) Sum++;
        }
        Count += target.Length;
    }
}
