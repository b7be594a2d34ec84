using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

public class Notebook09ExercisesTests
{
    // ---------------------------------------------------------------- 09.1 naive errors

    [Fact]
    public void Naive_errors_written_out_pass()
    {
        Func<double[], (double, double)> naive = p =>
        {
            double ss = 0, sa = 0;
            for (int t = 1; t < p.Length; t++) { ss += (p[t] - p[t - 1]) * (p[t] - p[t - 1]); sa += Math.Abs(p[t] - p[t - 1]); }
            return (Math.Sqrt(ss / (p.Length - 1)), sa / (p.Length - 1));
        };
        // prices 100, 102, 101, 105, 104: changes 2, −1, 4, −1 → RMSE √(22/4), MAE 2.
        Assert.Equal((Math.Sqrt(5.5), 2.0), naive([100, 102, 101, 105, 104]));
        var r = Ex.Check("09.1", naive);
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Naive_error_mistakes_get_their_hint()
    {
        Func<double[], (double, double)> swapped = p => (2.0, Math.Sqrt(5.5));
        Func<double[], (double, double)> meanSquared = p => (5.5, 2.0);
        Func<double[], (double, double)> signedMean = p => (Math.Sqrt(5.5), 1.0);
        Assert.Contains("swapped", Ex.Check("09.1", swapped).Message);
        Assert.Contains("square root", Ex.Check("09.1", meanSquared).Message);
        Assert.Contains("cancel", Ex.Check("09.1", signedMean).Message);
        Assert.Contains("expected a function", Ex.Check("09.1", 3).Message);
        Assert.False(Ex.Check("09.1", null).Passed);
    }

    // ---------------------------------------------------------------- 09.2 directional accuracy

    [Fact]
    public void Directional_accuracy_written_out_passes_and_mistakes_get_hints()
    {
        Func<double[], double[], double[], double> right = (l, p, a) =>
        {
            int moved = 0, hit = 0;
            for (int i = 0; i < l.Length; i++)
            {
                if (a[i] == l[i]) continue;
                moved++;
                if (Math.Sign(p[i] - l[i]) == Math.Sign(a[i] - l[i])) hit++;
            }
            return (double)hit / moved;
        };
        Assert.True(Ex.Check("09.2", right).Passed, Ex.Check("09.2", right).Message);
        Func<double[], double[], double[], double> percent = (l, p, a) => 100 * right(l, p, a);
        Assert.Contains("percentage", Ex.Check("09.2", percent).Message);
        Func<double[], double[], double[], double> countsFlat = (l, p, a) =>
            (double)Enumerable.Range(0, l.Length).Count(i => Math.Sign(p[i] - l[i]) == Math.Sign(a[i] - l[i])) / l.Length;
        Assert.Contains("did not move", Ex.Check("09.2", countsFlat).Message);
    }

    // ---------------------------------------------------------------- 09.3 past-only volatility

    private static double Vol(double[] p, int t, int days, int end, bool sample = false)
    {
        var r = Enumerable.Range(end - days + 1, days).Select(i => Math.Log(p[i] / p[i - 1])).ToArray();
        double m = r.Average();
        return Math.Sqrt(r.Sum(v => (v - m) * (v - m)) / (sample ? days - 1 : days));
    }

    [Fact]
    public void Volatility_from_the_past_passes_and_a_centred_window_is_called_leakage()
    {
        Func<double[], int, int, double> past = (p, t, d) => Vol(p, t, d, t);
        Assert.True(Ex.Check("09.3", past).Passed, Ex.Check("09.3", past).Message);
        Func<double[], int, int, double> centred = (p, t, d) => Vol(p, t, d, Math.Min(p.Length - 1, t + d / 2));
        Assert.Contains("future", Ex.Check("09.3", centred).Message);
        Func<double[], int, int, double> sample = (p, t, d) => Vol(p, t, d, t, sample: true);
        Assert.Contains("days − 1", Ex.Check("09.3", sample).Message);
        Func<double[], int, int, double> yesterday = (p, t, d) => Vol(p, t, d, t - 1);
        Assert.Contains("ends at t − 1", Ex.Check("09.3", yesterday).Message);
    }
}
