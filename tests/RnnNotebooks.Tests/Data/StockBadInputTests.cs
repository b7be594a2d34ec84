using RnnNotebooks.Data;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

/// <summary>Price files that would give silent NaN/∞ windows are refused, naming the file and line.</summary>
public class StockBadInputTests
{
    private const string Header = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    private const string GoodRow = "2020-01-02,1,2,0.5,1.5,1.4,100\n";

    private static DataFormatException Fails(string row) =>
        Assert.Throws<DataFormatException>(() => YahooCsvReader.Read(new StringReader(Header + GoodRow + row + "\n"), "T.csv", "T"));

    [Theory]
    [InlineData("2020-01-03,0,0,0,0,0,0", "'Open' is 0; prices must be positive")]
    [InlineData("2020-01-03,1,2,0.5,0,1.4,100", "'Close' is 0; prices must be positive")]
    [InlineData("2020-01-03,1,2,0.5,1.5,-1.4,100", "'Adj Close' is -1.4; prices must be positive")]
    [InlineData("2020-01-03,1,0.5,2,1.5,1.4,100", "High 0.5 is below Low 2")]
    [InlineData("2020-01-03,1,2,0.5,1.5,1.4,-100", "'Volume' is -100; volume cannot be negative")]
    [InlineData("2999-01-03,1,2,0.5,1.5,1.4,100", "date 2999-01-03 is in the future")]
    public void Impossible_values_name_file_line_and_value(string row, string expected)
    {
        var e = Fails(row);
        Assert.StartsWith("T.csv:3: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_20_MB_line_is_cut_in_the_message()
    {
        string huge = "2020-01-03," + new string('9', 20_000_000);
        var e = Fails(huge);
        Assert.StartsWith("T.csv:3: expected 7 columns, found 2: '2020-01-03,999", e.Message);
        Assert.Contains("(20,000,011 characters)", e.Message);
        Assert.True(e.Message.Length < 300, $"message of {e.Message.Length} characters");
        var cell = Fails("2020-01-03,1,2,0.5,1.5,1.4," + new string('x', 1_000_000));
        Assert.Contains("'Volume' is not a whole number", cell.Message);
        Assert.True(cell.Message.Length < 300, $"message of {cell.Message.Length} characters");
    }

    [Fact]
    public void A_lower_case_file_name_is_found_and_a_missing_one_is_named()
    {
        using var root = new TempDir();
        File.WriteAllText(root.File("stocks/aapl.csv"), Header + GoodRow);
        var series = StockLoader.Load("AAPL", root.Path, requireRealData: true);
        Assert.Equal(1, series.Count);
        Assert.EndsWith("aapl.csv", series.Source);
        var missing = Assert.Throws<FileNotFoundException>(() => StockLoader.Load("msft", root.Path, requireRealData: true));
        Assert.Contains("MSFT.csv (any letter case) not found in " + Path.Combine(root.Path, "stocks"), missing.Message);
    }

    [Fact]
    public void Two_files_differing_only_in_case_are_refused()
    {
        using var root = new TempDir();
        File.WriteAllText(root.File("stocks/aapl.csv"), Header + GoodRow);
        File.WriteAllText(root.File("stocks/Aapl.csv"), Header + GoodRow);
        var e = Assert.Throws<IOException>(() => StockLoader.Load("AAPL", root.Path, requireRealData: true));
        Assert.Contains("aapl.csv", e.Message);
        Assert.Contains("Aapl.csv", e.Message);
    }

    private static PriceTable Table(params double[] closes)
    {
        var bars = closes.Select((c, i) => new PriceBar(new DateOnly(2020, 1, 1).AddDays(i), 1, 1, 1, c, c, 10)).ToArray();
        return PriceTable.Join(new PriceSeries("R", bars, "test"));
    }

    [Theory]
    [InlineData(PriceTransform.LogReturn)]
    [InlineData(PriceTransform.Return)]
    public void Returns_of_a_zero_price_are_refused_naming_column_and_date(PriceTransform transform)
    {
        var closes = Enumerable.Range(1, 60).Select(i => (double)i).ToArray();
        closes[40] = 0; // 2020-02-10
        var e = Assert.Throws<ArgumentException>(() => StockSplits.Prepare(Table(closes), new WindowOptions { Length = 5, Transform = transform }));
        Assert.Contains("column 'Close' is 0 on 2020-02-10", e.Message);
        Assert.Contains(transform.ToString(), e.Message);
    }

    [Fact]
    public void Prices_that_overflow_are_refused()
    {
        var closes = Enumerable.Range(1, 60).Select(i => (double)i).ToArray();
        closes[29] = 0.5;
        closes[30] = double.MaxValue;
        var e = Assert.Throws<ArgumentException>(() => StockSplits.Prepare(Table(closes), new WindowOptions { Length = 5, Transform = PriceTransform.Return }));
        Assert.Contains("column 'Close' gives Infinity on 2020-01-31 after Return", e.Message);
    }
}
