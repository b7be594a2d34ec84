namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Multi-step forecasting by feeding predictions back: the window slides forward one step at a
/// time, its newest value being the previous prediction, so errors compound with the horizon.
/// </summary>
public static class RecursiveForecast
{
    /// <summary>
    /// <paramref name="steps"/> predictions from a one-step predictor of a single series.
    /// <paramref name="window"/> holds the last known values, oldest first; it is not changed.
    /// </summary>
    public static float[] Run(IReadOnlyList<float> window, int steps, Func<float[], float> predictNext)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(predictNext);
        if (window.Count == 0) throw new ArgumentException("The window is empty; it needs the last known values.", nameof(window));
        if (steps < 1 || steps > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"RecursiveForecast: steps must be in [1, {Array.MaxLength:N0}], got {steps}.");
        var current = window.ToArray();
        var forecasts = new float[steps];
        for (int s = 0; s < steps; s++)
        {
            float next = predictNext((float[])current.Clone());
            if (!float.IsFinite(next)) throw new InvalidOperationException($"RecursiveForecast: the predictor returned {next} at step {s + 1}.");
            forecasts[s] = next;
            Array.Copy(current, 1, current, 0, current.Length - 1);
            current[^1] = next;
        }
        return forecasts;
    }
}
