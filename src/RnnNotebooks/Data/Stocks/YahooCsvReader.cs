using System.Globalization;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Reads a Yahoo-Finance daily CSV (<c>Date,Open,High,Low,Close,Adj Close,Volume</c>). Rows whose
/// six values are all the literal <c>null</c> are skipped and counted; any other bad row fails with
/// the file and line. Rows are sorted by date and duplicate dates removed (the later row wins).
/// A missing final newline and CRLF line ends are fine. Prices must be positive, High at least
/// Low, volume not negative, and dates not in the future; echoed values are cut to a readable length.
/// </summary>
public static class YahooCsvReader
{
    /// <summary>The header line the files must start with.</summary>
    public const string Header = "Date,Open,High,Low,Close,Adj Close,Volume";

    private static readonly string[] Names = ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"];

    /// <summary>Reads <paramref name="path"/>; the ticker defaults to the file name without extension.</summary>
    public static PriceSeries Read(string path, string? ticker = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, ticker ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads from a text reader; <paramref name="name"/> is used in error messages.</summary>
    public static PriceSeries Read(TextReader reader, string name, string ticker)
    {
        string? header = reader.ReadLine();
        if (header is null) throw new DataFormatException(name, 0, $"the file is empty; expected the header '{Header}'.");
        if (header.Trim() != Header) throw new DataFormatException(name, 1, $"expected the header '{Header}', found '{Excerpt.Of(header)}'.");
        var byDate = new Dictionary<DateOnly, PriceBar>();
        var order = new List<DateOnly>();
        int nulls = 0, duplicates = 0;
        long lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue; // a trailing empty line
            var cells = line.Split(',');
            if (cells.Length != 7) throw new DataFormatException(name, lineNo, $"expected 7 columns, found {cells.Length}: '{Excerpt.Of(line)}'.");
            var date = ParseDate(cells[0], name, lineNo);
            int nullCells = cells.Skip(1).Count(c => c.Trim() == "null");
            if (nullCells == 6) { nulls++; continue; }
            if (nullCells > 0) throw new DataFormatException(name, lineNo, $"only some values are 'null' (a row is skipped only when all six are): '{Excerpt.Of(line)}'.");
            var bar = new PriceBar(date,
                ParseDouble(cells[1], 1, name, lineNo), ParseDouble(cells[2], 2, name, lineNo), ParseDouble(cells[3], 3, name, lineNo),
                ParseDouble(cells[4], 4, name, lineNo), ParseDouble(cells[5], 5, name, lineNo), ParseLong(cells[6], name, lineNo));
            CheckBar(bar, name, lineNo);
            if (byDate.ContainsKey(date)) duplicates++;
            else order.Add(date);
            byDate[date] = bar;
        }
        if (byDate.Count == 0)
            throw new DataFormatException(name, lineNo, nulls > 0 ? $"every row is null ({nulls})." : "the file has a header but no rows.");
        order.Sort();
        return new PriceSeries(ticker, order.Select(d => byDate[d]).ToArray(), name, false, nulls, duplicates);
    }

    /// <summary>Rejects values no real price export holds: they would turn into NaN or ±∞ returns later.</summary>
    private static void CheckBar(PriceBar bar, string name, long lineNo)
    {
        foreach (var field in new[] { PriceField.Open, PriceField.High, PriceField.Low, PriceField.Close, PriceField.AdjClose })
        {
            double v = bar.Get(field);
            if (v <= 0)
                throw new DataFormatException(name, lineNo, $"column '{Names[(int)field + 1]}' is {v.ToString(CultureInfo.InvariantCulture)}; prices must be positive (a zero or negative price makes returns infinite or NaN).");
        }
        if (bar.High < bar.Low)
            throw new DataFormatException(name, lineNo, $"High {bar.High.ToString(CultureInfo.InvariantCulture)} is below Low {bar.Low.ToString(CultureInfo.InvariantCulture)}.");
        if (bar.Volume < 0)
            throw new DataFormatException(name, lineNo, $"column 'Volume' is {bar.Volume}; volume cannot be negative.");
        // One day of slack: an export made in another time zone may already hold "tomorrow".
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        if (bar.Date > latest)
            throw new DataFormatException(name, lineNo, $"date {bar.Date:yyyy-MM-dd} is in the future (today is {DateOnly.FromDateTime(DateTime.UtcNow):yyyy-MM-dd} UTC).");
    }

    private static DateOnly ParseDate(string s, string name, long lineNo) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new DataFormatException(name, lineNo, $"column 'Date' is not a yyyy-MM-dd date: '{Excerpt.Of(s)}'.");

    private static double ParseDouble(string s, int column, string name, long lineNo) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new DataFormatException(name, lineNo, $"column '{Names[column]}' is not a number: '{Excerpt.Of(s)}'.");

    private static long ParseLong(string s, string name, long lineNo)
    {
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)) return v;
        // Some exports write volume as "1234.0".
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && double.IsFinite(d)) return (long)d;
        throw new DataFormatException(name, lineNo, $"column 'Volume' is not a whole number: '{Excerpt.Of(s)}'.");
    }
}
