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
        ExpectSameShape(prediction, target);
        for (int i = 0; i < prediction.Length; i++)
        {
            double d = double.CreateTruncating(prediction.Data[i] - target.Data[i]);
            Sum += d * d;
        }
        Count += prediction.Length;
    }

    /// <inheritdoc/>
    public override double Result() => Math.Sqrt(base.Result());
}

/// <summary>Mean absolute error, mean |ŷ − y|, in the units of the target.</summary>
public sealed class Mae<T> : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "mae";

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        ExpectSameShape(prediction, target);
        for (int i = 0; i < prediction.Length; i++) Sum += Math.Abs(double.CreateTruncating(prediction.Data[i] - target.Data[i]));
        Count += prediction.Length;
    }
}

/// <summary>Perplexity, exp(mean cross-entropy), of logits [..., C] against integer labels [...].</summary>
public sealed class Perplexity<T> : Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Losses.SoftmaxCrossEntropy<T> _ce = new();

    /// <inheritdoc/>
    public override string Name => "perplexity";

    /// <inheritdoc/>
    public override void Update(Tensor<T> prediction, Tensor<T> target)
    {
        double mean = _ce.forward(prediction, target);
        Sum += mean * target.Length;
        Count += target.Length;
    }

    /// <inheritdoc/>
    public override double Result() => Math.Exp(base.Result());
}
