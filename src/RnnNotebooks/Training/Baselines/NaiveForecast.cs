using RnnNotebooks.Data.Stocks;
using RnnNotebooks.Training.Metrics;

namespace RnnNotebooks.Training.Baselines;

/// <summary>
/// The naive last-value forecast: tomorrow's target equals the last known one. Every price model
/// should be shown beside it.
/// </summary>
public static class NaiveForecast
{
    /// <summary>The naive predictions for each window (its last known target value), in model units.</summary>
    public static float[] Predict(WindowSet windows) => (float[])windows.LastKnown.Clone();

    /// <summary>Errors of the naive forecast in model (scaled) units, comparable with the model's loss.</summary>
    public static ForecastError Evaluate(WindowSet windows) => ForecastError.Of(windows.LastKnown, windows.Y);

    /// <summary>Errors of the naive forecast in the target's own units (prices or returns, unscaled).</summary>
    public static ForecastError EvaluateUnscaled(WindowSet windows, StockSplits splits) =>
        ForecastError.Of(splits.Unscale(windows.LastKnown), splits.Unscale(windows.Y));
}
