using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>
/// Softmax cross-entropy on logits with sparse integer labels, PyTorch's <c>CrossEntropyLoss</c> /
/// Keras's <c>sparse_categorical_crossentropy(from_logits=True)</c>. Logits [..., C], labels [...]
/// (whole numbers in [0, C)); per time step when both carry a steps axis. Stable: uses
/// log-sum-exp shifted by the row maximum. ∂L/∂z = (softmax(z) − onehot(y)) / n.
/// With <see cref="IgnoreIndex"/> (PyTorch's <c>ignore_index</c>), positions with that label (padding)
/// get no loss and no gradient, and n counts only the others.
/// </summary>
public sealed class SoftmaxCrossEntropy<T> : Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? _softmax;
    private int[]? _labels;
    private int[]? _shape;
    private int _counted;

    /// <summary>A label whose positions are left out of the loss and its mean (PyTorch's <c>ignore_index</c>), e.g. the padding id; any label
    /// may be given (one outside [0, C) ignores nothing); null: none.</summary>
    public int? IgnoreIndex { get; init; }

    /// <inheritdoc/>
    public override string Name => "crossentropy";

    /// <inheritdoc/>
    public override double forward(Tensor<T> prediction, Tensor<T> target)
    {
        if (prediction.Rank < 2 || prediction.Length == 0 || target.Rank != prediction.Rank - 1 ||
            !prediction.Shape.AsSpan(0, target.Rank).SequenceEqual(target.Shape))
            throw new ShapeException($"{Name}: expected logits [..., classes] and labels [...] with the same leading shape, got logits {Tensor.Format(prediction.Shape)} and labels {Tensor.Format(target.Shape)}.");
        Expect.Finite(Name, prediction, "logits");
        int c = prediction.Shape[^1], rows = target.Length;
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            T v = target.Data[r];
            if (IgnoreIndex is int ignored && v == T.CreateChecked(ignored)) { labels[r] = -1; continue; }
            if (!T.IsInteger(v) || v < T.Zero || v >= T.CreateChecked(c))
                throw new ArgumentOutOfRangeException(nameof(target), $"{Name}: label {v} at {target.FormatIndex(r)} is not a class index in [0, {c}).");
            labels[r] = int.CreateChecked(v);
        }
        int counted = labels.Count(l => l >= 0);
        if (counted == 0) throw new ArgumentException($"{Name}: every label is the ignored index {IgnoreIndex}; there is nothing to average.", nameof(target));
        var sm = (T[])prediction.Data.Clone();
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            if (labels[r] < 0) continue;                                     // ignored: no loss, no gradient (cleared in backward)
            var z = prediction.Data.AsSpan(r * c, c);
            double max = double.NegativeInfinity;
            foreach (var v in z) max = Math.Max(max, double.CreateTruncating(v));
            double se = 0;
            foreach (var v in z) se += Math.Exp(double.CreateTruncating(v) - max);
            double lse = max + Math.Log(se);
            sum += lse - double.CreateTruncating(z[labels[r]]);
            for (int j = 0; j < c; j++) sm[r * c + j] = T.CreateChecked(Math.Exp(double.CreateTruncating(z[j]) - lse));
        }
        _softmax = sm; _labels = labels; _shape = prediction.Shape; _counted = counted;
        return sum / counted;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward()
    {
        if (_softmax is null || _labels is null || _shape is null) throw new InvalidOperationException($"{Name}: Backward called before Forward.");
        int c = _shape[^1], rows = _labels.Length;
        var g = new Tensor<T>((T[])_softmax.Clone(), _shape);
        T inv = T.One / T.CreateChecked(_counted);
        for (int r = 0; r < rows; r++)
        {
            if (_labels[r] < 0) { g.Data.AsSpan(r * c, c).Clear(); continue; }
            g.Data[r * c + _labels[r]] -= T.One;
            for (int j = 0; j < c; j++) g.Data[r * c + j] *= inv;
        }
        return g;
    }
}
