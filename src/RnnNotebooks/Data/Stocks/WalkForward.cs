namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// One walk-forward fold in row indices: train on <c>[0, ValidationStart)</c>, validate on
/// <c>[ValidationStart, TestStart)</c>, test on <c>[TestStart, TestEnd)</c>.
/// </summary>
public readonly record struct WalkForwardFold(int TestYear, int ValidationStart, int TestStart, int TestEnd)
{
    /// <summary>Rows available for training (everything before validation).</summary>
    public int TrainRows => ValidationStart;

    /// <summary>E.g. "test 2019: train rows 0..2011, validation 2012..2262, test 2263..2514".</summary>
    public override string ToString() =>
        $"test {TestYear}: train rows 0..{ValidationStart - 1}, validation {ValidationStart}..{TestStart - 1}, test {TestStart}..{TestEnd - 1}";
}

/// <summary>
/// Walk-forward evaluation: one fold per test year, each trained on everything before it
/// (an expanding window), so every model is judged on several periods it never saw.
/// </summary>
public static class WalkForward
{
    /// <summary>
    /// A fold for each year in <paramref name="testYears"/>: its test rows are that calendar year,
    /// its validation rows the <paramref name="validationDays"/> rows just before, its training
    /// rows everything earlier (at least <paramref name="minTrainRows"/>).
    /// </summary>
    public static IReadOnlyList<WalkForwardFold> ByYear(IReadOnlyList<DateOnly> dates, IEnumerable<int> testYears, int validationDays, int minTrainRows = 1)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (validationDays < 1) throw new ArgumentOutOfRangeException(nameof(validationDays), validationDays, "validationDays must be at least 1.");
        if (minTrainRows < 1) throw new ArgumentOutOfRangeException(nameof(minTrainRows), minTrainRows, $"WalkForward: minTrainRows must be at least 1, got {minTrainRows}.");
        for (int i = 1; i < dates.Count; i++)
            if (dates[i] <= dates[i - 1]) throw new ArgumentException($"dates must be increasing; row {i} ({dates[i]:yyyy-MM-dd}) is not after row {i - 1} ({dates[i - 1]:yyyy-MM-dd}).", nameof(dates));
        var folds = new List<WalkForwardFold>();
        foreach (int year in testYears)
        {
            int start = FirstRowOnOrAfter(dates, new DateOnly(year, 1, 1));
            int end = FirstRowOnOrAfter(dates, new DateOnly(year + 1, 1, 1));
            if (start == end)
                throw new ArgumentException($"No trading days in {year}; the dates run {dates[0]:yyyy-MM-dd}..{dates[^1]:yyyy-MM-dd}.", nameof(testYears));
            int validationStart = start - validationDays;
            if (validationStart < minTrainRows)
                throw new ArgumentException($"Test year {year} starts at row {start}: validationDays = {validationDays} rows leave {Math.Max(0, validationStart)} training rows, fewer than {minTrainRows} (minTrainRows).", nameof(testYears));
            folds.Add(new WalkForwardFold(year, validationStart, start, end));
        }
        return folds;
    }

    private static int FirstRowOnOrAfter(IReadOnlyList<DateOnly> dates, DateOnly day)
    {
        int lo = 0, hi = dates.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (dates[mid] < day) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
