using Plotly.NET;
using RnnNotebooks.Course.Charts;
using Xunit.Abstractions;

namespace RnnNotebooks.Course.Tests.Charts;

/// <summary>Charts from the facade, drawn by plotly.js in headless Chromium as a notebook page would draw them.</summary>
public sealed class BrowserDrawTests(ITestOutputHelper output)
{
    [Fact]
    public void Facade_charts_draw_with_the_embedded_plotly_and_their_static_images_have_ink()
    {
        var chromium = BrowserPage.Browser(output.WriteLine);
        if (chromium is null) return;
        var charts = new[]
        {
            Plot.Line(new[] { 1e-12, 1e-6, 1 }, name: "a").Add(Plot.Line(new[] { 1e-9, 1e-3, 1 }, name: "b")).WithYAxis("norm", log: true),
            Plot.Row(Plot.Heatmap(new double[,] { { -1, 2 }, { 0.5, 0 } }).WithTitle("W"), Plot.Heatmap(new double[,] { { 1, 0 } }).WithTitle("U")),
            Plot.Histogram(Enumerable.Range(0, 100).Select(i => Math.Sin(i)), bins: 10),
            Plot.History(new Dictionary<string, double[]> { ["loss"] = [1, 0.5], ["val_loss"] = [1.2, 0.8], ["acc"] = [0.5, 0.7] }),
        };
        var html = charts.Select((c, i) => ChartHtml.Render(c, includeLibrary: i == 0)).ToList();
        var png = StaticImage.Png(charts[0]);
        var root = BrowserPage.RepoRoot();
        var shot = root is null ? null : Path.Combine(Directory.CreateDirectory(Path.Combine(root, "artifacts", "chart-check")).FullName, "facade.png");

        var result = BrowserPage.Load(chromium, html, [png], shot);

        Assert.Empty(result.Errors);
        Assert.Equal(4, result.Charts.Count);
        Assert.All(result.Charts, c => Assert.True(c.Drawn, $"{c.Id} was not drawn"));
        Assert.Equal(new[] { 2, 2, 1, 3 }, result.Charts.Select(c => c.Traces));
        var image = Assert.Single(result.Images);
        Assert.Equal((ChartLayout.DefaultWidth, ChartLayout.DefaultHeight), (image.Width, image.Height));
        Assert.InRange(image.Ink, 0.05, 0.95);
        Assert.True(image.Colored > 0.003, $"the traces' colours should show in the PNG ({image.Colored:P2} coloured)");
    }

    [Fact]
    public void A_row_of_a_line_and_a_bar_chart_keeps_the_lines_numeric_epoch_axis_in_order()
    {
        var chromium = BrowserPage.Browser(output.WriteLine);
        if (chromium is null) return;
        // As in notebook 08: a two-point reference line over epochs 1 and 3, then curves over epochs 1, 2, 3,
        // beside a bar chart of named categories. A category x axis on the left panel would read 1, 3, 2.
        var line = Plot.Line(new[] { 1, 3 }, new[] { 0.8, 0.8 }, name: "reference")
            .Add(Plot.Line(new[] { 1, 2, 3 }, new[] { 0.6, 0.7, 0.75 }, name: "model"))
            .WithTitle("per epoch").WithXAxis("epoch");
        var bars = Plot.Bar(new[] { "LSTM", "GRU" }, new[] { 3.0, 2.0 }, name: "seconds").WithTitle("time");

        var result = BrowserPage.Load(chromium, [ChartHtml.Render(Plot.Row(line, bars), includeLibrary: true)], []);

        Assert.Empty(result.Errors);
        var axes = Assert.Single(result.Charts).Axes;
        Assert.Equal("linear", axes["xaxis"].Type);
        var ticks = axes["xaxis"].Ticks.Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ticks.Length >= 3, $"the epoch axis should have several ticks: {string.Join(", ", axes["xaxis"].Ticks)}");
        Assert.Equal(ticks.Order().ToArray(), ticks);
        Assert.Equal("category", axes["xaxis2"].Type);
        Assert.Equal(new[] { "LSTM", "GRU" }, axes["xaxis2"].Ticks);
    }

    [Fact]
    public void An_axis_title_set_on_one_grid_panel_titles_only_that_panel()
    {
        var chromium = BrowserPage.Browser(output.WriteLine);
        if (chromium is null) return;
        // As in notebook 09: the right panel alone has an x title.
        var grid = Plot.Row(
            Plot.Line(new[] { 1.0, 2.0, 3.0 }, name: "whole").WithYAxis("price"),
            Plot.Line(new[] { 2.0, 1.0 }, name: "zoom").WithXAxis("zoomed in"));

        var result = BrowserPage.Load(chromium, [ChartHtml.Render(grid, includeLibrary: true)], []);

        Assert.Empty(result.Errors);
        var axes = Assert.Single(result.Charts).Axes;
        Assert.Equal("", axes["xaxis"].Title);
        Assert.Equal("zoomed in", axes["xaxis2"].Title);
        Assert.Equal("price", axes["yaxis"].Title);
        Assert.Equal("", axes["yaxis2"].Title);
    }

    [Fact]
    public void A_y_title_on_a_panel_right_of_another_stays_clear_of_that_panel_and_of_its_own_tick_labels()
    {
        var chromium = BrowserPage.Browser(output.WriteLine);
        if (chromium is null) return;
        // As in notebook 08: two per-epoch panels, each with its own y title; with the quick values nearly equal
        // losses give long tick labels (0.696032758), with the full ones short labels (0.85).
        GenericChart Row(double[] right) => Plot.Row(
            Plot.Line(new[] { 1, 2 }, new[] { 0.6, 0.7 }, name: "accuracy").WithTitle("Validation accuracy").WithXAxis("epoch").WithYAxis("accuracy"),
            Plot.Line(new[] { 1, 2 }, right, name: "loss").WithTitle("Training loss").WithXAxis("epoch").WithYAxis("binary cross-entropy"));
        var grids = new[] { Row([0.69603276, 0.69603275]), Row([0.5, 0.85]) };

        var result = BrowserPage.Load(chromium, grids.Select((g, i) => ChartHtml.Render(g, includeLibrary: i == 0)), []);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Charts.Count);
        foreach (var (chart, labels) in result.Charts.Zip(new[] { "long", "short" }))
        {
            var (leftPanel, right) = (chart.Axes["xaxis"], chart.Axes["yaxis2"]);
            Assert.Equal("binary cross-entropy", right.Title);
            Assert.All(new[] { leftPanel.Right, right.TitleLeft, right.TitleRight, right.Left }, v => Assert.False(double.IsNaN(v), "an extent was not measured"));
            Assert.True(right.TitleLeft > leftPanel.Right,
                $"{labels} tick labels: the right panel's y title (from x = {right.TitleLeft:F0} px) overlaps the left panel (to x = {leftPanel.Right:F0} px)");
            Assert.True(right.TitleRight <= right.Left,
                $"{labels} tick labels: the right panel's y title (to x = {right.TitleRight:F0} px) overlaps its tick labels (from x = {right.Left:F0} px)");
        }
    }
}
