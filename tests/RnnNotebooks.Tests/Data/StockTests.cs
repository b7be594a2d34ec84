using RnnNotebooks.Data;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.IO;
using RnnNotebooks.Training.Baselines;
using RnnNotebooks.Training.Metrics;

namespace RnnNotebooks.Tests.Data;

public class StockTests
{
    private const string Header = "Date,Open,High,Low,Close,Adj Close,Volume\n";

    private static PriceSeries Parse(string csv, string ticker = "T") => YahooCsvReader.Read(new StringReader(csv), "T.csv", ticker);

    [RealDataFact]
    public void Real_aapl_msft_gspc_files()
    {
        string root = RealData.RequireRoot();
        var aapl = StockLoader.Load("AAPL", root, requireRealData: true);
        Assert.Equal(10_086, aapl.Count);
        Assert.Equal(1, aapl.NullRowsSkipped);
        Assert.DoesNotContain(aapl.Bars, b => b.Date == new DateOnly(1981, 8, 10));
        Assert.Equal(new DateOnly(1980, 12, 12), aapl.Bars[0].Date);
        Assert.Equal(new DateOnly(2020, 12, 11), aapl.Bars[^1].Date);
        Assert.Equal(0.128348, aapl.Bars[0].Close, 6);
        var msft = StockLoader.Load("MSFT", root, requireRealData: true);
        Assert.Equal(8_761, msft.Count);
        Assert.Equal(23_332, StockLoader.Load("^GSPC", root, requireRealData: true).Count);
        var joined = PriceTable.Join(aapl, msft);
        Assert.Equal(msft.Count, joined.Count); // MSFT's days are all AAPL trading days
        Assert.Equal(new DateOnly(1986, 3, 13), joined.Dates[0]);
        Assert.Equal(aapl.Bars.Single(b => b.Date == joined.Dates[100]).Close, joined.Column("AAPL.Close")[100]);
    }

    [RealDataFact]
    public void Real_aapl_windows_and_naive_baseline()
    {
        var table = StockLoader.LoadMany(RealData.RequireRoot(), "AAPL");
        var splits = StockSplits.Prepare(table, new WindowOptions { Length = 30, TestStart = new DateOnly(2019, 1, 1), ValidationStart = new DateOnly(2017, 1, 1) });
        Assert.Equal(new DateOnly(2019, 1, 2), splits.TestStart);
        Assert.All(splits.Test.TargetDates, d => Assert.True(d >= new DateOnly(2019, 1, 1)));
        var naive = NaiveForecast.EvaluateUnscaled(splits.Test, splits);
        Assert.InRange(naive.Rmse, 0.1, 5); // dollars per day
        Assert.True(naive.Mae <= naive.Rmse);
    }

    [Fact]
    public void Null_rows_are_skipped_and_counted_missing_newline_is_fine()
    {
        var s = Parse(Header + "2020-01-02,1,2,0.5,1.5,1.4,100\n2020-01-03,null,null,null,null,null,null\n2020-01-06,2,3,1,2.5,2.4,200");
        Assert.Equal(2, s.Count);
        Assert.Equal(1, s.NullRowsSkipped);
        Assert.Equal(2.5, s.Bars[1].Close);
        Assert.Contains("1 null row skipped", s.ToString());
    }

    [Fact]
    public void Rows_are_sorted_and_duplicate_dates_removed()
    {
        var s = Parse(Header + "2020-01-06,2,3,1,2.5,2.4,200\r\n2020-01-02,1,2,0.5,1.5,1.4,100\r\n2020-01-06,2,3,1,2.7,2.6,210\r\n");
        Assert.Equal(new[] { new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 6) }, s.Dates);
        Assert.Equal(1, s.DuplicatesRemoved);
        Assert.Equal(2.7, s.Bars[1].Close); // the later row wins
    }

    [Theory]
    [InlineData("2020-01-03,1,2,0.5,1.5,100", "expected 7 columns")]
    [InlineData("2020-01-03,1,2,abc,1.5,1.4,100", "'Low'")]
    [InlineData("2020-01-03,1,2,0.5,1.5,1.4,1e", "'Volume'")]
    [InlineData("03/01/2020,1,2,0.5,1.5,1.4,100", "'Date'")]
    [InlineData("2020-02-30,1,2,0.5,1.5,1.4,100", "'Date'")]
    [InlineData("2020-01-03,1,null,0.5,1.5,1.4,100", "only some values")]
    public void Malformed_rows_name_file_and_line(string row, string expected)
    {
        var e = Assert.Throws<DataFormatException>(() => Parse(Header + "2020-01-02,1,2,0.5,1.5,1.4,100\n" + row + "\n"));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("T.csv:3: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Empty_files_and_bad_headers_fail()
    {
        Assert.Contains("empty", Assert.Throws<DataFormatException>(() => Parse("")).Message);
        Assert.Contains("no rows", Assert.Throws<DataFormatException>(() => Parse(Header)).Message);
        Assert.Equal(1, Assert.Throws<DataFormatException>(() => Parse("Date,Close\n2020-01-01,1\n")).Line);
        using var tmp = new TempDir();
        string path = tmp.File("stocks/EMPTY.csv");
        File.WriteAllText(path, "");
        Assert.Equal(path, Assert.Throws<DataFormatException>(() => StockLoader.Load("EMPTY", tmp.Path)).FilePath);
    }

    [Fact]
    public void Join_keeps_common_dates_only()
    {
        var a = Parse(Header + "2020-01-02,1,1,1,1,1,1\n2020-01-03,2,2,2,2,2,2\n2020-01-06,3,3,3,3,3,3\n", "A");
        var b = Parse(Header + "2020-01-03,20,20,20,20,20,20\n2020-01-06,30,30,30,30,30,30\n2020-01-07,40,40,40,40,40,40\n", "B");
        var t = PriceTable.Join(a, b);
        Assert.Equal(new[] { new DateOnly(2020, 1, 3), new DateOnly(2020, 1, 6) }, t.Dates);
        Assert.Equal(new[] { 2.0, 3.0 }, t.Column("A.Close"));
        Assert.Equal(new[] { 20.0, 30.0 }, t.Column("b.close"));
        Assert.Equal(new double[,] { { 2, 20 }, { 3, 30 } }, t.ToMatrix("A.Close", "B.Open"));
    }

    [Fact]
    public void Returns_and_log_returns()
    {
        Assert.Equal(new[] { 0.1, -0.5 }, Returns.Simple([10, 11, 5.5]).Select(v => Math.Round(v, 12)));
        Assert.Equal(Math.Log(1.1), Returns.Log([10, 11])[0], 12);
    }

    [Fact]
    public void Scalers_use_only_the_rows_they_are_fitted_on()
    {
        var data = new double[,] { { 1, 10 }, { 3, 10 }, { 2, 10 }, { 100, -5 } };
        var minmax = Scaler.Fit(ScalerKind.MinMax, data, rows: 3);
        Assert.Equal(new[] { 1.0, 10 }, minmax.Offset);
        Assert.Equal(new[] { 2.0, 1 }, minmax.Scale); // constant column gets scale 1
        Assert.Equal(49.5, minmax.Transform(data)[3, 0]);
        Assert.Equal(100, minmax.Inverse(49.5, 0), 12);
        var z = Scaler.Fit(ScalerKind.ZScore, data, rows: 3);
        Assert.Equal(2.0, z.Offset[0], 12);
        Assert.Equal(Math.Sqrt(2.0 / 3), z.Scale[0], 12);
    }

    /// <summary>A table whose Close on row t is t + 1, so values reveal their row.</summary>
    private static PriceTable RowNumberTable(int days)
    {
        var bars = Enumerable.Range(0, days).Select(t => new PriceBar(new DateOnly(2000, 1, 1).AddDays(t), t + 1, t + 1, t + 1, t + 1, t + 1, t)).ToArray();
        return PriceTable.Join(new PriceSeries("R", bars, "test"));
    }

    [Fact]
    public void No_window_sees_its_future_and_periods_do_not_overlap()
    {
        var table = RowNumberTable(400);
        var splits = StockSplits.Prepare(table, new WindowOptions { Length = 10, Horizon = 3, Stride = 2, Scaler = ScalerKind.None, Features = ["Close", "Open"] });
        foreach (var set in new[] { splits.Train, splits.Validation, splits.Test })
            for (int w = 0; w < set.Count; w++)
            {
                int target = set.TargetRows[w];
                Assert.Equal(target + 1, set.Y[w]);
                Assert.Equal(target + 1 - 3, set.LastKnown[w]);
                for (int s = 0; s < set.Length; s++)
                    Assert.Equal(target + 1 - 3 - (set.Length - 1 - s), set.X[w, s, 0]); // consecutive rows ending horizon before the target
                Assert.True(set.X[w, set.Length - 1, 1] < target + 1);
            }
        Assert.All(splits.Train.TargetDates, d => Assert.True(d < splits.ValidationStart));
        Assert.All(splits.Validation.TargetDates, d => Assert.True(d >= splits.ValidationStart && d < splits.TestStart));
        Assert.All(splits.Test.TargetDates, d => Assert.True(d >= splits.TestStart));
        Assert.Equal(320, splits.TrainRows);
        Assert.True(splits.Train.TargetRows.Max() < splits.TrainRows);
        Assert.Equal(2, splits.Train.TargetRows[1] - splits.Train.TargetRows[0]);
    }

    [Fact]
    public void Scaler_and_earlier_windows_never_see_test_data()
    {
        var clean = RowNumberTable(300);
        var options = new WindowOptions { Length = 5, Scaler = ScalerKind.ZScore, TestStart = new DateOnly(2000, 1, 1).AddDays(250), ValidationStart = new DateOnly(2000, 1, 1).AddDays(200) };
        var a = StockSplits.Prepare(clean, options);
        // Same history, wildly different test period.
        var bars = Enumerable.Range(0, 300).Select(t => t < 250
            ? new PriceBar(new DateOnly(2000, 1, 1).AddDays(t), t + 1, t + 1, t + 1, t + 1, t + 1, t)
            : new PriceBar(new DateOnly(2000, 1, 1).AddDays(t), 1e6, 1e6, 1e6, 1e6, 1e6, 0)).ToArray();
        var b = StockSplits.Prepare(PriceTable.Join(new PriceSeries("R", bars, "test")), options);
        Assert.Equal(a.Scaler.Offset, b.Scaler.Offset);
        Assert.Equal(a.Scaler.Scale, b.Scaler.Scale);
        Assert.Equal(a.Train.X, b.Train.X);
        Assert.Equal(a.Validation.X, b.Validation.X);
        Assert.Equal(a.Validation.Y, b.Validation.Y);
        Assert.NotEqual(a.Test.Y, b.Test.Y);
        Assert.Equal(200, a.Scaler.FittedRows);
        Assert.Equal(100.5, a.Scaler.Offset[0], 9); // mean of 1..200: training rows only
    }

    [Fact]
    public void Naive_forecast_errors_in_model_and_price_units()
    {
        var table = RowNumberTable(100);
        var splits = StockSplits.Prepare(table, new WindowOptions { Length = 5, Scaler = ScalerKind.MinMax });
        var price = NaiveForecast.EvaluateUnscaled(splits.Test, splits);
        Assert.Equal(1.0, price.Rmse, 4); // each day rises by exactly 1
        Assert.Equal(1.0, price.Mae, 4);
        var scaled = NaiveForecast.Evaluate(splits.Test);
        Assert.Equal(1.0 / splits.Scaler.Scale[0], scaled.Rmse, 4);
        Assert.Equal(ForecastError.Of([1f, 2f], [2f, 4f]), new ForecastError(Math.Sqrt(2.5), 1.5));
    }

    [Fact]
    public void Windows_convert_to_batch_first_tensors()
    {
        var splits = StockSplits.Prepare(RowNumberTable(100), new WindowOptions { Length = 4, Features = ["Open", "High", "Close"] });
        var (x, y) = splits.Train.ToTensor<double>();
        Assert.Equal(new[] { splits.Train.Count, 4, 3 }, x.Shape);
        Assert.Equal(new[] { splits.Train.Count, 1 }, y.Shape);
        Assert.Equal((double)splits.Train.X[1, 2, 0], x[1, 2, 0]);
    }

    [Fact]
    public void Log_return_windows_drop_the_first_day()
    {
        var splits = StockSplits.Prepare(RowNumberTable(100), new WindowOptions { Length = 3, Transform = PriceTransform.LogReturn, Scaler = ScalerKind.None });
        // Target row t of the return series is ln((t+2)/(t+1)).
        int t = splits.Test.TargetRows[0];
        Assert.Equal(Math.Log((t + 2.0) / (t + 1.0)), splits.Test.Y[0], 5);
    }
}
