using RnnNotebooks.Data.Download;

namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Loads <c>&lt;data root&gt;/stocks/&lt;TICKER&gt;.csv</c> (see <see cref="DataRoot"/>); with no file it
/// announces and returns a <see cref="StockSample"/> series.
/// </summary>
public static class StockLoader
{
    /// <summary>
    /// One ticker (file name without <c>.csv</c>; <c>^GSPC</c> is stored as <c>GSPC.csv</c>). The file
    /// name may differ in letter case (<c>aapl.csv</c> is found on every system).
    /// </summary>
    public static PriceSeries Load(string ticker, string? dataRoot = null, bool requireRealData = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        string name = ticker.TrimStart('^').ToUpperInvariant();
        foreach (string dir in Candidates(dataRoot))
            if (FindIgnoringCase(dir, name + ".csv") is string path) return YahooCsvReader.Read(path, name);
        string searched = string.Join(", ", Candidates(dataRoot));
        if (requireRealData) throw new FileNotFoundException($"{name}.csv (any letter case) not found in {searched}.");
        SampleNotice.Announce($"Stock prices {name}", $"no {name}.csv in {searched}",
            $"there is no stable download URL for Yahoo prices: export {name} from https://finance.yahoo.com/quote/{name}/history (Daily, Max) and save it as stocks/{name}.csv under the data root.");
        return StockSample.Generate(name);
    }

    /// <summary>Several tickers joined on date (inner join).</summary>
    public static PriceTable LoadMany(string? dataRoot, params string[] tickers) =>
        PriceTable.Join(tickers.Select(t => Load(t, dataRoot)).ToArray());

    /// <summary>The file in <paramref name="dir"/> named <paramref name="fileName"/> up to letter case; throws when two match.</summary>
    private static string? FindIgnoringCase(string dir, string fileName)
    {
        string exact = Path.Combine(dir, fileName);
        if (File.Exists(exact)) return exact;
        if (!Directory.Exists(dir)) return null;
        var matches = Directory.EnumerateFiles(dir)
            .Where(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1)
            throw new IOException($"Several files in {dir} are named {fileName} up to letter case ({string.Join(", ", matches.Select(Path.GetFileName))}); keep one.");
        return matches.Count == 1 ? matches[0] : null;
    }

    private static IEnumerable<string> Candidates(string? dataRoot)
    {
        string root = DataRoot.Resolve(dataRoot);
        yield return Path.Combine(root, "stocks");
        string cache = Path.Combine(DataRoot.CacheDirectory, "stocks");
        if (dataRoot is null && Path.GetFullPath(cache) != Path.GetFullPath(Path.Combine(root, "stocks"))) yield return cache;
    }

    /// <summary>The catalogue entries of the course's price files (no download URL: see their notes).</summary>
    public static IReadOnlyList<DatasetFile> KnownFiles => [DatasetCatalog.Aapl, DatasetCatalog.Msft, DatasetCatalog.Gspc];
}
