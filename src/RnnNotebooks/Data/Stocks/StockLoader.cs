using RnnNotebooks.Data.Download;

namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Loads <c>&lt;data root&gt;/stocks/&lt;TICKER&gt;.csv</c> (see <see cref="DataRoot"/>); with no file it
/// announces and returns a <see cref="StockSample"/> series.
/// </summary>
public static class StockLoader
{
    /// <summary>One ticker (file name without <c>.csv</c>; <c>^GSPC</c> is stored as <c>GSPC.csv</c>).</summary>
    public static PriceSeries Load(string ticker, string? dataRoot = null, bool requireRealData = false)
    {
        string name = ticker.TrimStart('^').ToUpperInvariant();
        foreach (string dir in Candidates(dataRoot))
        {
            string path = Path.Combine(dir, name + ".csv");
            if (File.Exists(path)) return YahooCsvReader.Read(path, name);
        }
        string searched = string.Join(", ", Candidates(dataRoot));
        if (requireRealData) throw new FileNotFoundException($"{name}.csv not found in {searched}.");
        SampleNotice.Announce($"Stock prices {name}", $"no {name}.csv in {searched}",
            $"there is no stable download URL for Yahoo prices: export {name} from https://finance.yahoo.com/quote/{name}/history (Daily, Max) and save it as stocks/{name}.csv under the data root.");
        return StockSample.Generate(name);
    }

    /// <summary>Several tickers joined on date (inner join).</summary>
    public static PriceTable LoadMany(string? dataRoot, params string[] tickers) =>
        PriceTable.Join(tickers.Select(t => Load(t, dataRoot)).ToArray());

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
