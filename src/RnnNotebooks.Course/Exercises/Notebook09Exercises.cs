using RnnNotebooks.Data.Stocks;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of <c>09-stock-prediction.ipynb</c>. Each answer is the learner's function; the
/// checker runs it on small series built so that the usual mistakes give recognisable results.
/// <list type="bullet">
/// <item>"09.1" naive forecast errors: <c>Func&lt;double[], (double Rmse, double Mae)&gt;</c> (prices) → errors of "tomorrow = today".</item>
/// <item>"09.2" directional accuracy: <c>Func&lt;double[], double[], double[], double&gt;</c> (last, predicted, actual) → share of moves whose sign is right.</item>
/// <item>"09.3" past-only volatility: <c>Func&lt;double[], int, int, double&gt;</c> (prices, t, days) → std of the <c>days</c> log returns ending at t.</item>
/// </list>
/// </summary>
public sealed class Notebook09Exercises : IExerciseSet
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["09.1"] = CheckNaiveErrors,
            ["09.2"] = CheckDirectionalAccuracy,
            ["09.3"] = CheckVolatility,
        };

    private const double Tolerance = 1e-9;

    // ---------------------------------------------------------------- 09.1
    private static readonly double[][] NaiveCases = [[100, 102, 101, 105, 104], [10, 10, 13, 9], [1, 2]];

    /// <summary>09.1: RMSE and MAE of the naive forecast (each price predicted by the one before it).</summary>
    public static ExerciseResult CheckNaiveErrors(object? answer)
    {
        const string id = "09.1";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"09.1\", NaiveErrors).");
        if (answer is not Func<double[], (double Rmse, double Mae)> naive)
            return ExerciseResult.Fail(id, $"expected a function (double[] prices) → (double Rmse, double Mae), got {answer.GetType().Name}.");
        foreach (var prices in NaiveCases)
        {
            string input = $"prices [{string.Join(", ", prices)}]";
            (double rmse, double mae) got;
            try { got = naive((double[])prices.Clone()); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            var diffs = prices.Skip(1).Zip(prices, (today, yesterday) => today - yesterday).ToArray();
            double rmse = Math.Sqrt(diffs.Average(d => d * d)), mae = diffs.Average(Math.Abs);
            if (Near(got.rmse, rmse) && Near(got.mae, mae)) continue;
            if (Near(got.rmse, mae) && Near(got.mae, rmse))
                return ExerciseResult.Fail(id, $"on {input} RMSE and MAE are swapped: RMSE = √mean(d²) = {rmse:G6} ≥ MAE = mean|d| = {mae:G6}.");
            double overAll = Math.Sqrt(diffs.Sum(d => d * d) / prices.Length);
            if (Near(got.rmse, overAll))
                return ExerciseResult.Fail(id, $"on {input} you divided by {prices.Length} prices; there are {diffs.Length} forecasts (the first day has no yesterday). RMSE {rmse:G6}.");
            if (Near(got.rmse, diffs.Average(d => d * d)))
                return ExerciseResult.Fail(id, $"on {input} your RMSE {got.rmse:G6} is the mean squared error; take its square root: {rmse:G6}.");
            if (Near(got.mae, Math.Abs(diffs.Average())))
                return ExerciseResult.Fail(id, $"on {input} your MAE {got.mae:G6} is |mean(d)|: ups and downs cancel. Average the absolute errors: {mae:G6}.");
            return ExerciseResult.Fail(id, $"on {input} got RMSE {got.rmse:G6}, MAE {got.mae:G6}; expected RMSE {rmse:G6}, MAE {mae:G6} (errors d = price[t] − price[t−1]).");
        }
        return ExerciseResult.Pass(id, "the naive errors are the day-to-day changes: the bar every price model has to clear (NaiveForecast.Evaluate computes the same on windows).");
    }

    // ---------------------------------------------------------------- 09.2
    private static readonly (double[] Last, double[] Predicted, double[] Actual)[] DirectionCases =
    [
        ([10, 10, 10, 10, 10], [10.5, 10.5, 9, 11, 10], [11, 9, 10, 12, 8]),
        ([5, 6, 7, 8], [5.1, 5.9, 7.5, 8.2], [6, 7, 6, 9]),
        ([3, 3, 3], [2, 4, 3.5], [2, 2, 4]),
    ];

    /// <summary>09.2: the share of days with a move on which the forecast got its sign right.</summary>
    public static ExerciseResult CheckDirectionalAccuracy(object? answer)
    {
        const string id = "09.2";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"09.2\", DirectionalAccuracy).");
        if (answer is not Func<double[], double[], double[], double> accuracy)
            return ExerciseResult.Fail(id, $"expected a function (double[] last, double[] predicted, double[] actual) → double, got {answer.GetType().Name}.");
        foreach (var (last, predicted, actual) in DirectionCases)
        {
            string input = $"last [{string.Join(", ", last)}], predicted [{string.Join(", ", predicted)}], actual [{string.Join(", ", actual)}]";
            double got;
            try { got = accuracy((double[])last.Clone(), (double[])predicted.Clone(), (double[])actual.Clone()); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            double expected = Direction.Accuracy(last, predicted, actual);
            if (Near(got, expected)) continue;
            if (Near(got, expected * 100)) return ExerciseResult.Fail(id, $"on {input} you returned a percentage ({got}); return a share between 0 and 1: {expected:G4}.");
            int right = Enumerable.Range(0, last.Length).Count(i => Math.Sign(predicted[i] - last[i]) == Math.Sign(actual[i] - last[i]));
            if (Near(got, (double)right / last.Length))
                return ExerciseResult.Fail(id, $"on {input} you counted days on which the price did not move (or both signs were 0) as right. Leave days without a move out: {expected:G4}.");
            int pairwise = Enumerable.Range(1, last.Length - 1).Count(i => Math.Sign(predicted[i] - predicted[i - 1]) == Math.Sign(actual[i] - actual[i - 1]));
            if (Near(got, (double)pairwise / (last.Length - 1)))
                return ExerciseResult.Fail(id, $"on {input} you compared each prediction with the previous prediction. The direction of a forecast is measured from the LAST KNOWN price: sign(predicted − last) vs sign(actual − last). Expected {expected:G4}.");
            return ExerciseResult.Fail(id, $"on {input} got {got:G4}, expected {expected:G4}.");
        }
        return ExerciseResult.Pass(id, "signs measured from the last known price, days without a move left out: the same as Direction.Accuracy. Compare it with 50 % and with always-up.");
    }

    // ---------------------------------------------------------------- 09.3
    /// <summary>09.3: volatility at day t from the <c>days</c> log returns ending at t, nothing later.</summary>
    public static ExerciseResult CheckVolatility(object? answer)
    {
        const string id = "09.3";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"09.3\", Volatility).");
        if (answer is not Func<double[], int, int, double> volatility)
            return ExerciseResult.Fail(id, $"expected a function (double[] prices, int t, int days) → double, got {answer.GetType().Name}.");
        var prices = Enumerable.Range(0, 30).Select(i => 100 * Math.Exp(0.01 * i + 0.02 * Math.Sin(1.7 * i * i))).ToArray();
        foreach (var (t, days) in new[] { (10, 5), (20, 8), (12, 12) })
        {
            string input = $"a 30-day series, t = {t}, days = {days}";
            double got, moved;
            var future = (double[])prices.Clone();
            for (int i = t + 1; i < future.Length; i++) future[i] *= 1 + 0.3 * (i % 2);
            try { got = volatility((double[])prices.Clone(), t, days); moved = volatility(future, t, days); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            if (!Near(got, moved))
                return ExerciseResult.Fail(id, $"on {input} your value changed ({got:G6} → {moved:G6}) when only prices AFTER day t changed: the feature looks into the future. That is leakage; use the returns ending at t.");
            double expected = StockFeatures.Volatility(prices, t, days);
            if (Near(got, expected)) continue;
            var r = Enumerable.Range(t - days + 1, days).Select(i => Math.Log(prices[i] / prices[i - 1])).ToArray();
            double mean = r.Average(), ss = r.Sum(v => (v - mean) * (v - mean));
            if (Near(got, Math.Sqrt(ss / (days - 1))))
                return ExerciseResult.Fail(id, $"on {input} you divided by days − 1 (the sample standard deviation). The course's feature divides by days (population); expected {expected:G6}.");
            if (t > days && Near(got, StockFeatures.Volatility(prices, t - 1, days)))
                return ExerciseResult.Fail(id, $"on {input} your window ends at t − 1: today's return ln(p[t]/p[t−1]) is known at the close of day t and belongs in it. Expected {expected:G6}.");
            return ExerciseResult.Fail(id, $"on {input} got {got:G6}, expected {expected:G6} (std of ln(p[i]/p[i−1]) for i = t−days+1 … t).");
        }
        return ExerciseResult.Pass(id, "computed from returns up to day t only, so it is a legitimate input for predicting day t + 1 (StockFeatures.Volatility).");
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(b));
}
