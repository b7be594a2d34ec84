using RnnNotebooks.Data.Stocks;

namespace RnnNotebooks.Tests.Data;

public class StockForecastingTests
{
    // Weekdays from Monday 2024-01-01, prices chosen per row so every feature can be computed by hand.
    private static PriceSeries Series(string ticker, int days, Func<int, double> close, Func<int, long> volume)
    {
        var bars = new List<PriceBar>();
        var d = new DateOnly(2024, 1, 1);
        for (int t = 0; t < days; t++)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
            double c = close(t);
            bars.Add(new PriceBar(d, c, c * 1.02, c * 0.99, c, c, volume(t)));
            d = d.AddDays(1);
        }
        return new PriceSeries(ticker, bars, "test");
    }

    private static PriceTable Table(int days, Func<int, double> aapl) => PriceTable.Join(
        Series("AAPL", days, aapl, t => 1000 + 10 * t),
        Series("MSFT", days, t => 50 + t, t => 2000 + t * t),
        Series("GSPC", days, t => 3000 + 5 * Math.Sin(t), t => 5000 + t));

    [Fact]
    public void Ten_features_with_values_computed_by_hand()
    {
        var features = StockFeatures.Compute(Table(40, t => 100 * Math.Pow(1.01, t) + (t % 3)), "AAPL", "MSFT", "GSPC");
        Assert.Equal(10, features.Names.Length);
        Assert.Equal(40 - StockFeatures.VolatilityDays, features.Count);
        int row = 5, t = row + StockFeatures.VolatilityDays;   // table row 25
        double P(int i) => 100 * Math.Pow(1.01, i) + (i % 3);
        Assert.Equal(Math.Log(P(t) / P(t - 1)), features.Values[row, 0], 12);
        Assert.Equal(Math.Log((50.0 + t) / (49 + t)), features.Values[row, 1], 12);
        Assert.Equal(Math.Log((1000.0 + 10 * t) / (1000 + 10 * (t - 1))), features.Values[row, 3], 12);
        Assert.Equal(Math.Log(1.02 / 0.99), features.Values[row, 6], 12);
        Assert.Equal(Math.Log(P(t) / P(t - 5)), features.Values[row, 7], 12);
        var r = Enumerable.Range(t - 19, 20).Select(i => Math.Log(P(i) / P(i - 1))).ToArray();
        Assert.Equal(Math.Sqrt(r.Sum(v => (v - r.Average()) * (v - r.Average())) / 20), features.Values[row, 8], 12);
        Assert.Equal(((int)features.Dates[row].DayOfWeek - 1) / 4.0, features.Values[row, 9], 12);
        Assert.Equal(P(t), features.Prices[row], 12);
    }

    [Fact]
    public void Features_of_a_day_do_not_change_when_later_prices_change()
    {
        var before = StockFeatures.Compute(Table(60, t => 100 + t), "AAPL", "MSFT", "GSPC");
        var after = StockFeatures.Compute(Table(60, t => t <= 35 ? 100 + t : 500 - 3 * t), "AAPL", "MSFT", "GSPC");
        int lastSame = 35 - StockFeatures.VolatilityDays;
        for (int row = 0; row <= lastSame; row++)
            for (int j = 0; j < before.Names.Length; j++) Assert.Equal(before.Values[row, j], after.Values[row, j]);
        Assert.NotEqual(before.Values[lastSame + 1, 0], after.Values[lastSame + 1, 0]); // the test can see a change
    }

    [Fact]
    public void A_zero_volume_is_refused_with_column_and_date()
    {
        var table = PriceTable.Join(Series("AAPL", 30, t => 100 + t, t => t == 7 ? 0 : 10));
        var e = Assert.Throws<ArgumentException>(() => StockFeatures.Compute(table, "AAPL"));
        Assert.Contains("AAPL.Volume", e.Message);
        Assert.Contains(table.Dates[7].ToString("yyyy-MM-dd"), e.Message);
    }

    [Fact]
    public void Walk_forward_folds_test_whole_years_after_validation()
    {
        var dates = Enumerable.Range(0, 5 * 365).Select(i => new DateOnly(2016, 1, 1).AddDays(i)).ToArray();
        var folds = WalkForward.ByYear(dates, [2018, 2019], validationDays: 30, minTrainRows: 100);
        Assert.Equal(2, folds.Count);
        Assert.Equal(new DateOnly(2018, 1, 1), dates[folds[0].TestStart]);
        Assert.Equal(new DateOnly(2019, 1, 1), dates[folds[0].TestEnd]);
        Assert.Equal(folds[0].TestStart - 30, folds[0].ValidationStart);
        Assert.Equal(folds[1].TestStart - 30, folds[1].TrainRows);
        Assert.Equal(new DateOnly(2019, 12, 31), dates[folds[1].TestEnd - 1]);
    }

    [Fact]
    public void Walk_forward_refuses_a_year_without_days_or_training_rows()
    {
        var dates = Enumerable.Range(0, 400).Select(i => new DateOnly(2019, 1, 1).AddDays(i)).ToArray();
        Assert.Contains("No trading days in 2022", Assert.Throws<ArgumentException>(() => WalkForward.ByYear(dates, [2022], 10)).Message);
        Assert.Contains("fewer than 50", Assert.Throws<ArgumentException>(() => WalkForward.ByYear(dates, [2020], 330, minTrainRows: 50)).Message);
    }

    [Fact]
    public void Recursive_forecast_feeds_predictions_back()
    {
        // Predictor: next = last + (last − first) / (n − 1), a linear trend extrapolation.
        float Next(float[] w) => w[^1] + (w[^1] - w[0]) / (w.Length - 1);
        var window = new float[] { 1, 2, 4 };
        var f = RecursiveForecast.Run(window, 3, Next);
        // [1,2,4] -> 4 + 1.5 = 5.5; [2,4,5.5] -> 5.5 + 1.75 = 7.25; [4,5.5,7.25] -> 7.25 + 1.625 = 8.875
        Assert.Equal(new[] { 5.5f, 7.25f, 8.875f }, f);
        Assert.Equal(new float[] { 1, 2, 4 }, window);
    }

    [Fact]
    public void Directional_accuracy_skips_days_without_a_move()
    {
        double[] last = [10, 10, 10, 10, 10], actual = [11, 9, 10, 12, 8], predicted = [10.5, 10.5, 9, 11, 10];
        // moves: up, down, none, up, down; predicted: up, up, -, up, flat -> right on days 0 and 3.
        Assert.Equal(0.5, Direction.Accuracy(last, predicted, actual), 12);
        Assert.Equal(0.5, Direction.AlwaysUp(last, actual), 12);
        Assert.Throws<ArgumentException>(() => Direction.Accuracy(last, predicted, [1.0]));
    }
}
