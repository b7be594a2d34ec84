using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>
/// Binary cross-entropy on probabilities p (after a sigmoid):
/// L = −mean(y log p + (1 − y) log(1 − p)). By default each log is clamped at −100 as in
/// PyTorch's <c>BCELoss</c>; <see cref="Keras"/> instead clips p to [ε, 1 − ε] with ε = 1e-7.
/// Targets must lie in [0, 1].
/// </summary>
public sealed class BinaryCrossEntropy<T> : Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _p, _y;

    /// <summary>PyTorch behaviour (log clamped at −100) when <paramref name="epsilon"/> is 0, else probabilities clipped to [ε, 1 − ε]; ε is in [0, 0.5).</summary>
    public BinaryCrossEntropy(double epsilon = 0) =>
        Epsilon = epsilon >= 0 && epsilon < 0.5 ? epsilon
            : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"BinaryCrossEntropy: epsilon must be in [0, 0.5) (0: PyTorch's clamped log), got {epsilon}.");

    /// <summary>Keras's <c>binary_crossentropy</c>: probabilities clipped to [1e-7, 1 − 1e-7].</summary>
    public static BinaryCrossEntropy<T> Keras() => new(1e-7);

    /// <summary>Clip width for probabilities; 0 means PyTorch's log clamp.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "binary_crossentropy";

    /// <inheritdoc/>
    public override double forward(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        Expect.Finite(Name, prediction, "prediction");
        for (int i = 0; i < prediction.Length; i++)
        {
            double p = double.CreateTruncating(prediction.Data[i]), y = double.CreateTruncating(target.Data[i]);
            if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(prediction), $"{Name}: probability {p} at {prediction.FormatIndex(i)} is outside [0, 1]; use BinaryCrossEntropyWithLogits for logits.");
            if (!(y >= 0 && y <= 1)) throw new ArgumentOutOfRangeException(nameof(target), $"{Name}: target {y} at {target.FormatIndex(i)} is outside [0, 1].");
        }
        _p = prediction; _y = target;
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            double p = Clip(double.CreateTruncating(prediction.Data[i])), y = double.CreateTruncating(target.Data[i]);
            sum -= y * Log(p) + (1 - y) * Log(1 - p);
        }
        return sum / prediction.Length;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward()
    {
        if (_p is null || _y is null) throw new InvalidOperationException($"{Name}: Backward called before Forward.");
        var g = new Tensor<T>(_p.Shape);
        double n = _p.Length;
        for (int i = 0; i < g.Length; i++)
        {
            double raw = double.CreateTruncating(_p.Data[i]), p = Clip(raw), y = double.CreateTruncating(_y.Data[i]);
            if (Epsilon > 0 && p != raw) { g.Data[i] = T.Zero; continue; }   // clipped: flat
            // ∂/∂p of −(y log p + (1−y) log(1−p)) = (p − y) / (p (1 − p)), guarded by the float 1e-12f as in PyTorch
            double d = (p - y) / Math.Max(p * (1 - p), (double)1e-12f);
            g.Data[i] = T.CreateChecked(d / n);
        }
        return g;
    }

    private double Clip(double p) => Epsilon > 0 ? Math.Clamp(p, Epsilon, 1 - Epsilon) : p;

    private double Log(double v) => Epsilon > 0 ? Math.Log(v) : Math.Max(Math.Log(v), -100);
}
