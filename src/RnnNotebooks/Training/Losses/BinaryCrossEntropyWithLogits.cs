using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>
/// Binary cross-entropy on logits z, numerically stable:
/// L = mean(max(z, 0) − z·y + log(1 + e^(−|z|))), PyTorch's <c>BCEWithLogitsLoss</c>.
/// ∂L/∂z = (σ(z) − y) / n.
/// </summary>
public sealed class BinaryCrossEntropyWithLogits<T> : Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _z, _y;

    /// <inheritdoc/>
    public override string Name => "binary_crossentropy";

    /// <inheritdoc/>
    public override double forward(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        Expect.Finite(Name, prediction, "logits");
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            double z = double.CreateTruncating(prediction.Data[i]), y = double.CreateTruncating(target.Data[i]);
            if (!(y >= 0 && y <= 1)) throw new ArgumentOutOfRangeException(nameof(target), $"{Name}: target {y} at {target.FormatIndex(i)} is outside [0, 1].");
            sum += Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        _z = prediction; _y = target;
        return sum / prediction.Length;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward()
    {
        if (_z is null || _y is null) throw new InvalidOperationException($"{Name}: Backward called before Forward.");
        var g = new Tensor<T>(_z.Shape);
        T inv = T.One / T.CreateChecked(_z.Length);
        for (int i = 0; i < g.Length; i++) g.Data[i] = (Activations.Sigmoid(_z.Data[i]) - _y.Data[i]) * inv;
        return g;
    }
}
