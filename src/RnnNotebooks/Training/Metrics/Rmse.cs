using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>Root mean squared error, √mean((ŷ − y)²), in the units of the target.</summary>
public sealed class Rmse<T> : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "rmse";

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        for (int i = 0; i < prediction.Length; i++)
        {
            double d = double.CreateTruncating(prediction.Data[i]) - double.CreateTruncating(target.Data[i]);
            Sum += d * d;
        }
        Count += prediction.Length;
    }

    /// <inheritdoc/>
    public override double Result() => Math.Sqrt(base.Result());
}
