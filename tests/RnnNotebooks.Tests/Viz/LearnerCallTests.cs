using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

/// <summary>The calls a notebook makes compile and pick the intended overload.</summary>
public sealed class LearnerCallTests
{
    [Fact]
    public void Common_calls_pick_the_intended_overloads()
    {
        var losses = new List<double> { 0.9, 0.5, 0.3 };
        var named = Chart.Line(losses, "train loss");                 // y + name, not x + y
        Assert.Equal("train loss", named.Traces[0].Name);
        Assert.Equal(new[] { 0.0, 1, 2 }, ((ScatterTrace)named.Traces[0]).X);

        var counts = Chart.Bar(new[] { 3, 4 }, "count");
        Assert.Equal("count", counts.Traces[0].Name);

        var steps = Enumerable.Range(1, 3);
        var xy = Chart.Scatter(steps, new float[] { 1f, 2f, 3f }, name: "points");
        Assert.Equal(new[] { 1.0, 2, 3 }, ((ScatterTrace)xy.Traces[0]).X);

        var heat = Chart.Heatmap(new float[,] { { 1, 2 }, { 3, 4 } }, zMin: 0, zMax: 5);
        Assert.Equal(5, ((HeatmapTrace)heat.Traces[0]).ZMax);

        var weights = new decimal[] { 1.5m, 2.5m };
        Assert.Equal(2.5, ((ScatterTrace)Chart.Line(weights).Traces[0]).Y[1]);
    }
}
