using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

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
