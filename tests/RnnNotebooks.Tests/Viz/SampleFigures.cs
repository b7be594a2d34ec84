using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

/// <summary>Small deterministic figures shared by the Viz tests.</summary>
internal static class SampleFigures
{
    public static double[] Loss(int n = 40) => Enumerable.Range(0, n).Select(i => 2.0 * Math.Exp(-i / 8.0) + 0.05).ToArray();

    public static Figure LossLines() =>
        Chart.Combine(
                Chart.Line(Loss(), name: "train loss"),
                Chart.Line(Loss().Select(v => v * 1.2 + 0.05), name: "val loss", dash: LineDash.Dash))
            .WithTitle("Loss").WithXAxis("epoch").WithYAxis("loss", log: true);

    public static double[,] Matrix(int rows = 6, int cols = 9)
    {
        var z = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            z[r, c] = Math.Sin(r * 0.7) * Math.Cos(c * 0.4);
        return z;
    }

    public static Figure Heatmap() =>
        Chart.Heatmap(Matrix(), yLabels: Enumerable.Range(0, 6).Select(i => $"h{i}")).WithTitle("Weights").WithXAxis("input");

    public static Figure Histogram()
    {
        var rnd = new Random(7);
        return Chart.Histogram(Enumerable.Range(0, 500).Select(_ => rnd.NextDouble() + rnd.NextDouble()), 15, name: "sum")
            .WithTitle("Histogram");
    }

    public static Figure Bars() => Chart.Bar(new[] { "negative", "positive" }, new[] { 480, 520 }, name: "reviews").WithTitle("Classes");

    /// <summary>A 2x2 grid with 5 traces: 2 lines, a heatmap, a histogram and a bar trace.</summary>
    public static Figure Grid() => Chart.Grid(2, 2, LossLines(), Heatmap(), Histogram(), Bars()).WithTitle("Subplots");
}
