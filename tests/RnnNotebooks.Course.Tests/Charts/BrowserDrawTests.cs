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
}
