using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

public sealed class ValidationTests
{
    [Fact]
    public void Empty_series_name_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(Array.Empty<double>()));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("'y' is empty", e.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Chart.Line(Array.Empty<int>(), new[] { 1.0 })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Chart.Histogram(new List<float>())).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => Chart.Bar(Array.Empty<string>(), new[] { 1 })).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Chart.Scatter((double[])null!)).ParamName);
    }

    [Fact]
    public void Length_mismatch_names_both_arguments()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1, 2, 3 }, new[] { 1.0, 2.0 }));
        Assert.Contains("'x' has 3 values but 'y' has 2", e.Message);
    }

    [Fact]
    public void Heatmap_dimension_mismatches_are_reported()
    {
        var z = new double[2, 3];
        var ex = Assert.Throws<ArgumentException>(() => Chart.Heatmap(z, xLabels: new[] { "a", "b" }));
        Assert.Equal("xLabels", ex.ParamName);
        Assert.Contains("2 names but 'z' has 3 columns", ex.Message);
        var ey = Assert.Throws<ArgumentException>(() => Chart.Heatmap(z, yLabels: new[] { "a", "b", "c" }));
        Assert.Equal("yLabels", ey.ParamName);
        Assert.Contains("3 names but 'z' has 2 rows", ey.Message);
        var ragged = Assert.Throws<ArgumentException>(() => Chart.Heatmap(new[] { new[] { 1.0, 2.0 }, new[] { 1.0 } }));
        Assert.Equal("z", ragged.ParamName);
        Assert.Contains("row 1 has 1 values but row 0 has 2", ragged.Message);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Chart.Heatmap(new double[0, 4])).ParamName);
    }

    [Fact]
    public void Histogram_of_only_NaN_or_with_no_bins_is_rejected()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Chart.Histogram(new[] { double.NaN })).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Histogram(new[] { 1.0 }, bins: 0)).ParamName);
    }

    [Fact]
    public void Grid_checks_its_size_and_contents()
    {
        var f = Chart.Line(new[] { 1, 2 });
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Grid(0, 1, f)).ParamName);
        Assert.Contains("do not fit in a 1x1 grid", Assert.Throws<ArgumentException>(() => Chart.Grid(1, 1, f, f)).Message);
        var grid = Chart.Grid(1, 2, f, f);
        Assert.Contains("nested", Assert.Throws<ArgumentException>(() => Chart.Grid(1, 2, grid, f)).Message);
        Assert.Throws<ArgumentException>(() => Chart.Combine(grid, f));
    }

    [Fact]
    public void Log_axis_range_must_be_positive()
    {
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Line(new[] { 1, 2 }).WithYAxis(log: true, min: 0)).ParamName);
    }
}
