namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// One ticker's daily bars, sorted by date without duplicates, with what the reader had to skip.
/// </summary>
public sealed class PriceSeries
{
    /// <summary>Creates a series; bars must be sorted by date and unique. <paramref name="nullRowsSkipped"/> and
    /// <paramref name="duplicatesRemoved"/> are the count of rows the reader dropped (0 or more).</summary>
    public PriceSeries(string ticker, IReadOnlyList<PriceBar> bars, string source, bool isSample = false, int nullRowsSkipped = 0, int duplicatesRemoved = 0)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (nullRowsSkipped < 0) throw new ArgumentOutOfRangeException(nameof(nullRowsSkipped), nullRowsSkipped, $"{ticker}: nullRowsSkipped must be 0 or more, got {nullRowsSkipped}.");
        if (duplicatesRemoved < 0) throw new ArgumentOutOfRangeException(nameof(duplicatesRemoved), duplicatesRemoved, $"{ticker}: duplicatesRemoved must be 0 or more, got {duplicatesRemoved}.");
        for (int i = 1; i < bars.Count; i++)
            if (bars[i].Date <= bars[i - 1].Date)
                throw new ArgumentException($"{ticker}: bars must be sorted by date without duplicates ({bars[i - 1].Date:yyyy-MM-dd} then {bars[i].Date:yyyy-MM-dd}).", nameof(bars));
        Ticker = ticker;
        Bars = bars;
        Source = source;
        IsSample = isSample;
        NullRowsSkipped = nullRowsSkipped;
        DuplicatesRemoved = duplicatesRemoved;
    }

    /// <summary>The symbol, e.g. "AAPL".</summary>
    public string Ticker { get; }

    /// <summary>The bars, oldest first.</summary>
    public IReadOnlyList<PriceBar> Bars { get; }

    /// <summary>The CSV file, or a description of the generated sample.</summary>
    public string Source { get; }

    /// <summary>True when this is a generated sample, not real prices.</summary>
    public bool IsSample { get; }

    /// <summary>Rows of literal <c>null</c> values that were skipped (AAPL has one: 1981-08-10).</summary>
    public int NullRowsSkipped { get; }

    /// <summary>Rows dropped because an earlier row had the same date (the later row is kept).</summary>
    public int DuplicatesRemoved { get; }

    /// <summary>Number of trading days.</summary>
    public int Count => Bars.Count;

    /// <summary>The dates, oldest first.</summary>
    public DateOnly[] Dates => Bars.Select(b => b.Date).ToArray();

    /// <summary>One column as doubles.</summary>
    public double[] Column(PriceField field) => Bars.Select(b => b.Get(field)).ToArray();

    /// <summary>The bars from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public PriceSeries Between(DateOnly from, DateOnly to) =>
        new(Ticker, Bars.Where(b => b.Date >= from && b.Date < to).ToArray(), Source, IsSample);

    /// <summary>E.g. "AAPL: 10,086 days 1980-12-12..2020-12-11 (1 null row skipped) from stocks/AAPL.csv".</summary>
    public override string ToString() =>
        $"{Ticker}: {Count:N0} days" + (Count > 0 ? $" {Bars[0].Date:yyyy-MM-dd}..{Bars[^1].Date:yyyy-MM-dd}" : "")
        + (NullRowsSkipped > 0 ? $" ({NullRowsSkipped} null row{(NullRowsSkipped == 1 ? "" : "s")} skipped)" : "")
        + (DuplicatesRemoved > 0 ? $" ({DuplicatesRemoved} duplicate date{(DuplicatesRemoved == 1 ? "" : "s")} removed)" : "")
        + (IsSample ? ", GENERATED SAMPLE" : "") + $" from {Source}";
}
