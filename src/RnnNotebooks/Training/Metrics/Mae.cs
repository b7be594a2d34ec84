using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>Mean absolute error, mean |ŷ − y|, in the units of the target.</summary>
public sealed class Mae<T> : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "mae";

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        for (int i = 0; i < prediction.Length; i++) Sum += Math.Abs(double.CreateTruncating(prediction.Data[i]) - double.CreateTruncating(target.Data[i]));
        Count += prediction.Length;
    }
}
