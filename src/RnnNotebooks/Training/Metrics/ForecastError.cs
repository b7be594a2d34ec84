using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Metrics;

/// <summary>Root-mean-square and mean absolute error of a forecast, in the units of its inputs.</summary>
public readonly record struct ForecastError(double Rmse, double Mae)
{
    /// <summary>Errors of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    public static ForecastError Of(IReadOnlyList<float> predicted, IReadOnlyList<float> actual)
    {
        if (predicted.Count != actual.Count) throw new ArgumentException($"{predicted.Count} predictions for {actual.Count} targets.");
        if (actual.Count == 0) throw new ArgumentException("No targets to compare.");
        var (p, a) = (new Tensor<float>([.. predicted], predicted.Count), new Tensor<float>([.. actual], actual.Count));
        return new ForecastError(new Rmse<float>().Compute(p, a), new Mae<float>().Compute(p, a));
    }

    /// <summary>E.g. "RMSE 0.0123, MAE 0.0089".</summary>
    public override string ToString() => FormattableString.Invariant($"RMSE {Rmse:G4}, MAE {Mae:G4}");
}
