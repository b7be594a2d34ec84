namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Cuts a [time, features] matrix into windows. A window whose target is row <c>t</c> uses input
/// rows <c>t − horizon − length + 1 .. t − horizon</c>: every input is strictly before the target.
/// </summary>
public static class Windowing
{
    /// <summary>
    /// Windows whose target row lies in <c>[targetFrom, targetTo)</c> (0 ≤ targetFrom ≤ targetTo ≤ rows; a targetFrom of 0
    /// starts at the first row that has a full window), every <paramref name="stride"/>-th
    /// (a stride longer than the range gives only the first window); <paramref name="target"/> is a column index.
    /// Inputs may reach back before <paramref name="targetFrom"/> (the past is known), never past the target.
    /// </summary>
    /// <param name="data">[time, columns] values, already scaled.</param>
    /// <param name="length">Steps per window.</param>
    /// <param name="horizon">How many rows after the last input the target is (1 = next day).</param>
    /// <param name="stride">Rows between consecutive window targets.</param>
    /// <param name="features">Column indices fed to the model.</param>
    /// <param name="target">Column index of the target.</param>
    /// <param name="targetFrom">First allowed target row.</param>
    /// <param name="targetTo">End (exclusive) of allowed target rows.</param>
    /// <param name="dates">Date of each row (for <see cref="WindowSet.TargetDates"/>); null leaves default dates.</param>
    public static WindowSet Make(double[,] data, int length, int horizon, int stride, int[] features, int target,
        int targetFrom, int targetTo, DateOnly[]? dates = null)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 1.");
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "horizon must be at least 1.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be at least 1.");
        int rows = data.GetLength(0), cols = data.GetLength(1);
        if (features.Length == 0 || features.Any(f => f < 0 || f >= cols)) throw new ArgumentException($"features must be column indices in 0..{cols - 1}.", nameof(features));
        if (target < 0 || target >= cols) throw new ArgumentOutOfRangeException(nameof(target), target, $"target must be a column index in 0..{cols - 1}.");
        ArgumentNullException.ThrowIfNull(data);
        if (targetFrom < 0 || targetFrom > rows)
            throw new ArgumentOutOfRangeException(nameof(targetFrom), targetFrom, $"Windowing: targetFrom = {targetFrom} is not a row in [0, {rows}] (target rows [{targetFrom}, {targetTo})).");
        if (targetTo < targetFrom || targetTo > rows)
            throw new ArgumentOutOfRangeException(nameof(targetTo), targetTo, $"Windowing: targetTo = {targetTo} is not in [targetFrom = {targetFrom}, {rows}] (the data has {rows} rows).");
        long firstTarget = (long)length + horizon - 1;
        int last = targetTo;
        var targets = new List<int>();
        for (long t = Math.Max(targetFrom, firstTarget); t < last; t += stride) targets.Add((int)t);
        if (targets.Count == 0)
            throw new ArgumentException($"Windowing: no window fits: a window of {length} rows with horizon {horizon} needs its target at row {firstTarget} or later, " +
                $"and the allowed target rows are [targetFrom = {targetFrom}, targetTo = {targetTo}) of {rows}. Use a shorter window or more rows.", nameof(length));
        var x = new float[targets.Count, length, features.Length];
        var y = new float[targets.Count];
        var lastKnown = new float[targets.Count];
        var targetDates = new DateOnly[targets.Count];
        for (int w = 0; w < targets.Count; w++)
        {
            int t = targets[w], end = t - horizon; // last input row
            for (int s = 0; s < length; s++)
                for (int f = 0; f < features.Length; f++) x[w, s, f] = (float)data[end - length + 1 + s, features[f]];
            y[w] = (float)data[t, target];
            lastKnown[w] = (float)data[end, target];
            if (dates is not null) targetDates[w] = dates[t];
        }
        return new WindowSet(x, y, lastKnown, targetDates, targets.ToArray());
    }
}
