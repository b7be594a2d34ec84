using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>
/// A metric accumulated over batches: <see cref="Reset"/>, <see cref="Update"/> per batch,
/// then <see cref="Result"/> for the whole epoch (weighted by the number of elements).
/// </summary>
public abstract class Metric<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Sum of per-element values so far.</summary>
    protected double Sum;
    /// <summary>Number of elements so far.</summary>
    protected long Count;

    /// <summary>Name in the training history, e.g. "accuracy".</summary>
    public abstract string Name { get; }

    /// <summary>Whether larger is better (for early stopping).</summary>
    public virtual bool HigherIsBetter => false;

    /// <summary>Starts a new accumulation.</summary>
    public void Reset() { Sum = 0; Count = 0; }

    /// <summary>Adds one batch.</summary>
    public abstract void Update(Tensor<T> prediction, Tensor<T> target);

    /// <summary>The value over everything since <see cref="Reset"/>.</summary>
    public virtual double Result() => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>The value for one prediction/target pair.</summary>
    public double Compute(Tensor<T> prediction, Tensor<T> target)
    {
        Reset();
        Update(prediction, target);
        return Result();
    }
}
