namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Several series joined on date (inner join: only days every ticker traded), as named columns
/// <c>TICKER.Field</c> (e.g. <c>AAPL.Close</c>). With one ticker the bare field name works too.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, double[]> _columns;

    private PriceTable(DateOnly[] dates, List<string> names, Dictionary<string, double[]> columns, bool isSample, string source)
    {
        Dates = dates;
        ColumnNames = names;
        _columns = columns;
        IsSample = isSample;
        Source = source;
    }

    /// <summary>The shared trading days, oldest first.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>Column names in order: each ticker's Open, High, Low, Close, AdjClose, Volume.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>True when any input series is a generated sample.</summary>
    public bool IsSample { get; }

    /// <summary>The sources of the input series.</summary>
    public string Source { get; }

    /// <summary>Number of rows (days).</summary>
    public int Count => Dates.Length;

    /// <summary>Inner-joins the series on date.</summary>
    public static PriceTable Join(params PriceSeries[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0) throw new ArgumentException("Join needs at least one series.", nameof(series));
        if (Array.IndexOf(series, null) is int nullAt and >= 0) throw new ArgumentNullException(nameof(series), $"Join: series {nullAt} is null.");
        var dups = series.GroupBy(s => s.Ticker).FirstOrDefault(g => g.Count() > 1);
        if (dups is not null) throw new ArgumentException($"Ticker {dups.Key} appears twice.", nameof(series));
        var common = new HashSet<DateOnly>(series[0].Bars.Select(b => b.Date));
        foreach (var s in series.Skip(1)) common.IntersectWith(s.Bars.Select(b => b.Date));
        var dates = common.Order().ToArray();
        if (dates.Length == 0)
            throw new ArgumentException($"Join: the series {string.Join(", ", series.Select(s => $"{s.Ticker} ({Span(s)})"))} share no trading day, so the joined table would be empty.", nameof(series));
        var names = new List<string>();
        var columns = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in series)
        {
            var rows = s.Bars.Where(b => common.Contains(b.Date)).ToArray(); // already sorted
            foreach (var field in Enum.GetValues<PriceField>())
            {
                string name = $"{s.Ticker}.{field}";
                names.Add(name);
                columns[name] = rows.Select(b => b.Get(field)).ToArray();
                if (series.Length == 1) columns[field.ToString()] = columns[name];
            }
        }
        return new PriceTable(dates, names, columns, series.Any(s => s.IsSample), string.Join("; ", series.Select(s => s.Source)));
    }

    private static string Span(PriceSeries s) => s.Bars.Count == 0 ? "no rows" : $"{s.Bars[0].Date:yyyy-MM-dd} … {s.Bars[^1].Date:yyyy-MM-dd}";

    /// <summary>A column by name (<c>AAPL.Close</c>, or <c>Close</c> for a single ticker).</summary>
    public double[] Column(string name) => _columns.TryGetValue(name, out var c) ? c
        : throw new KeyNotFoundException($"No column '{name}'. Columns: {string.Join(", ", ColumnNames)}.");

    /// <summary>The named columns as a [days, features] matrix.</summary>
    public double[,] ToMatrix(params string[] names)
    {
        var cols = names.Select(Column).ToArray();
        var m = new double[Count, cols.Length];
        for (int t = 0; t < Count; t++)
            for (int f = 0; f < cols.Length; f++) m[t, f] = cols[f][t];
        return m;
    }
}
