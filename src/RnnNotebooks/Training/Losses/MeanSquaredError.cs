using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Losses;

/// <summary>L = mean((ŷ − y)²), PyTorch's <c>MSELoss</c> / Keras's <c>mean_squared_error</c>.</summary>
public sealed class MeanSquaredError<T> : Loss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _diff;

    /// <inheritdoc/>
    public override string Name => "mse";

    /// <inheritdoc/>
    public override double forward(Tensor<T> prediction, Tensor<T> target)
    {
        Expect.SameShape(Name, prediction, target);
        Expect.Finite(Name, prediction, "prediction");
        Expect.Finite(Name, target, "target");
        _diff = new Tensor<T>(prediction.Shape);
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            T d = prediction.Data[i] - target.Data[i];
            _diff.Data[i] = d;
            double dd = double.CreateTruncating(d);
            sum += dd * dd;
        }
        return sum / prediction.Length;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward()
    {
        if (_diff is null) throw new InvalidOperationException("mse: Backward called before Forward.");
        var g = new Tensor<T>(_diff.Shape);
        T scale = T.CreateChecked(2.0 / _diff.Length);
        for (int i = 0; i < g.Length; i++) g.Data[i] = scale * _diff.Data[i];
        return g;
    }
}
