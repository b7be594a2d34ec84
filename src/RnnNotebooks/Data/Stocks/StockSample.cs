using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// A synthetic daily price series (geometric Brownian motion with a slow cycle, weekdays only),
/// used when no real CSV is available. Deterministic for a ticker and seed.
/// </summary>
public static class StockSample
{
    /// <summary>The most days <see cref="Generate"/> makes (about 3,800 years of weekdays, well inside <see cref="DateOnly.MaxValue"/>).</summary>
    public const int MaxDays = 1_000_000;

    /// <summary>Generates <paramref name="days"/> (in [1, <see cref="MaxDays"/>]) weekdays of OHLCV bars starting 2000-01-03; any seed, 0 included, is a seed.</summary>
    public static PriceSeries Generate(string ticker = "SAMPLE", int days = 2520, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        if (days < 1 || days > MaxDays) throw new ArgumentOutOfRangeException(nameof(days), days, $"StockSample: days must be in [1, {MaxDays:N0}], got {days}.");
        ulong mix = seed;
        foreach (char c in ticker) mix = mix * 31 + c;
        var rng = new Rng(mix);
        var bars = new List<PriceBar>(days);
        var date = new DateOnly(2000, 1, 3);
        double price = 20 + 30 * rng.NextDouble();
        for (int i = 0; i < days; i++)
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
            double drift = 0.0003 + 0.001 * Math.Sin(2 * Math.PI * i / 500.0);
            double open = price;
            double close = open * Math.Exp(drift + 0.015 * rng.Normal());
            double high = Math.Max(open, close) * (1 + 0.005 * Math.Abs(rng.Normal()));
            double low = Math.Min(open, close) * (1 - 0.005 * Math.Abs(rng.Normal()));
            long volume = (long)(1_000_000 * Math.Exp(0.3 * rng.Normal()));
            bars.Add(new PriceBar(date, Round(open), Round(high), Round(low), Round(close), Round(close), volume));
            price = close;
            date = date.AddDays(1);
        }
        return new PriceSeries(ticker, bars, "generated sample (StockSample)", isSample: true);
    }

    private static double Round(double v) => Math.Round(v, 4);
}
