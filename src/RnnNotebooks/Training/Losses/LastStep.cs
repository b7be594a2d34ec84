using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>
/// Applies an inner loss to the last time step of a [batch, steps, features] prediction only
/// (the gradient of every other step is zero). Targets are given for the last step.
/// </summary>
public sealed class LastStep<T>(Loss<T> inner) : Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _shape;

    /// <inheritdoc/>
    public override string Name => inner.Name;

    /// <inheritdoc/>
    public override double forward(Tensor<T> prediction, Tensor<T> target)
    {
        if (prediction.Rank != 3 || prediction.Shape[1] == 0)
            throw new ShapeException($"LastStep({inner.Name}): expected a prediction [batch, steps, features], got {Tensor.Format(prediction.Shape)}.");
        int b = prediction.Shape[0], t = prediction.Shape[1], f = prediction.Shape[2];
        var last = new Tensor<T>(b, f);
        for (int i = 0; i < b; i++) prediction.Data.AsSpan((i * t + t - 1) * f, f).CopyTo(last.Data.AsSpan(i * f, f));
        _shape = prediction.Shape;
        return inner.forward(last, target);
    }

    /// <inheritdoc/>
    public override Tensor<T> backward()
    {
        if (_shape is null) throw new InvalidOperationException($"LastStep({inner.Name}): Backward called before Forward.");
        var gl = inner.backward();
        int b = _shape[0], t = _shape[1], f = _shape[2];
        var g = new Tensor<T>(_shape);
        for (int i = 0; i < b; i++) gl.Data.AsSpan(i * f, f).CopyTo(g.Data.AsSpan((i * t + t - 1) * f, f));
        return g;
    }
}
