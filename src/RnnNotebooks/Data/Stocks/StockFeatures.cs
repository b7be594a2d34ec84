namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Named model inputs computed from a <see cref="PriceTable"/> using only data up to each day:
/// the value in row t depends on rows ≤ t of the table, never on later ones.
/// </summary>
/// <param name="Names">Short feature names, one per column of <see cref="Values"/>.</param>
/// <param name="Descriptions">What each feature is, in one line.</param>
/// <param name="Dates">The day of each row.</param>
/// <param name="Values">[days, features] values.</param>
/// <param name="Prices">The main ticker's adjusted close on each row (to turn return forecasts into dollars).</param>
public sealed record StockFeatures(string[] Names, string[] Descriptions, DateOnly[] Dates, double[,] Values, double[] Prices)
{
    /// <summary>Trading days of daily log returns the volatility feature looks back over.</summary>
    public const int VolatilityDays = 20;

    /// <summary>Days of the multi-day return feature.</summary>
    public const int MomentumDays = 5;

    /// <summary>Number of rows (days).</summary>
    public int Count => Dates.Length;

    /// <summary>One feature column by name.</summary>
    public double[] Column(string name)
    {
        int j = Array.IndexOf(Names, name);
        if (j < 0) throw new KeyNotFoundException($"No feature '{name}'. Features: {string.Join(", ", Names)}.");
        return Enumerable.Range(0, Count).Select(t => Values[t, j]).ToArray();
    }

    /// <summary>
    /// For every ticker (the <paramref name="main"/> one first): the daily log return of the adjusted
    /// close and the log change of volume; then for <paramref name="main"/>: the day's range
    /// ln(high/low), the <see cref="MomentumDays"/>-day log return, the standard deviation of the last
    /// <see cref="VolatilityDays"/> daily log returns, and the weekday (Monday 0 … Friday 1). With
    /// three tickers that is ten features. Rows start once every feature is defined
    /// (day <see cref="VolatilityDays"/> of the table).
    /// </summary>
    public static StockFeatures Compute(PriceTable table, string main, params string[] others)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] tickers = [main, .. others];
        int n = table.Count, first = VolatilityDays;
        if (n <= first) throw new ArgumentException($"StockFeatures.Compute: the table has {n} days; the features need more than {first}.", nameof(table));
        var names = new List<string>();
        var descriptions = new List<string>();
        var columns = new List<Func<int, double>>();
        foreach (string ticker in tickers)
        {
            var close = Positive(table, $"{ticker}.AdjClose");
            names.Add($"{ticker} return");
            descriptions.Add($"ln(adjusted close today / yesterday) of {ticker}");
            columns.Add(t => Math.Log(close[t] / close[t - 1]));
        }
        foreach (string ticker in tickers)
        {
            var volume = Positive(table, $"{ticker}.Volume");
            names.Add($"{ticker} volume change");
            descriptions.Add($"ln(shares traded today / yesterday) of {ticker}");
            columns.Add(t => Math.Log(volume[t] / volume[t - 1]));
        }
        var mainClose = table.Column($"{main}.AdjClose");
        var high = Positive(table, $"{main}.High");
        var low = Positive(table, $"{main}.Low");
        names.Add($"{main} day range"); descriptions.Add($"ln(high / low) of {main} today: how far the price moved within the day");
        columns.Add(t => Math.Log(high[t] / low[t]));
        names.Add($"{main} {MomentumDays}-day return"); descriptions.Add($"ln(adjusted close today / {MomentumDays} trading days ago) of {main}");
        columns.Add(t => Math.Log(mainClose[t] / mainClose[t - MomentumDays]));
        names.Add($"{main} {VolatilityDays}-day volatility"); descriptions.Add($"standard deviation of the last {VolatilityDays} daily log returns of {main}, ending today");
        columns.Add(t => Volatility(mainClose, t, VolatilityDays));
        names.Add("weekday"); descriptions.Add("day of the week, Monday 0 … Friday 1 (known in advance)");
        columns.Add(t => ((int)table.Dates[t].DayOfWeek - 1) / 4.0);

        var values = new double[n - first, columns.Count];
        for (int t = first; t < n; t++)
            for (int j = 0; j < columns.Count; j++) values[t - first, j] = columns[j](t);
        return new StockFeatures([.. names], [.. descriptions], table.Dates[first..], values, mainClose[first..]);
    }

    /// <summary>Population standard deviation of the <paramref name="days"/> daily log returns ending at row <paramref name="t"/>.</summary>
    public static double Volatility(IReadOnlyList<double> prices, int t, int days)
    {
        if (t < days || t >= prices.Count) throw new ArgumentOutOfRangeException(nameof(t), t, $"Volatility over {days} returns needs rows {days}..{prices.Count - 1}.");
        var r = Enumerable.Range(t - days + 1, days).Select(i => Math.Log(prices[i] / prices[i - 1])).ToArray();
        double mean = r.Average();
        return Math.Sqrt(r.Sum(v => (v - mean) * (v - mean)) / days);
    }

    private static double[] Positive(PriceTable table, string column)
    {
        var values = table.Column(column);
        for (int t = 0; t < values.Length; t++)
            if (!(values[t] > 0))
                throw new ArgumentException(FormattableString.Invariant(
                    $"StockFeatures.Compute: column '{column}' is {values[t]} on {table.Dates[t]:yyyy-MM-dd}; its logarithm is undefined. Start the table later (e.g. table rows from 2000 on) or drop that ticker."));
        return values;
    }
}
