using System.Xml.Linq;
using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

public sealed class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(Figure f) => XDocument.Parse(f.ToSvg()).Root!;

    private static IEnumerable<XElement> WithClass(XElement root, string cls) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cls) == true);

    [Fact]
    public void Line_chart_has_axes_ticks_titles_series_and_legend()
    {
        var root = Parse(SampleFigures.LossLines());
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("700", (string?)root.Attribute("width"));
        Assert.Single(WithClass(root, "x-axis"));
        Assert.Single(WithClass(root, "y-axis"));
        Assert.True(WithClass(root, "tick").Count() >= 4);
        var labels = WithClass(root, "tick-label").Select(e => e.Value).ToList();
        Assert.Contains("0.1", labels);   // log axis decades
        Assert.Contains("1", labels);
        Assert.Contains("Loss", WithClass(root, "title").Select(e => e.Value));
        Assert.Equal(new[] { "epoch", "loss" }, WithClass(root, "axis-title").Select(e => e.Value));
        var series = WithClass(root, "scatter").ToList();
        Assert.Equal(2, series.Count);
        Assert.All(series, s => Assert.NotEmpty(s.Elements(Svg + "path")));
        Assert.NotNull(series[1].Element(Svg + "path")!.Attribute("stroke-dasharray"));
        var legend = Assert.Single(WithClass(root, "legend"));
        Assert.Equal(new[] { "train loss", "val loss" }, legend.Descendants(Svg + "text").Select(e => e.Value));
    }

    [Fact]
    public void Text_is_escaped_and_the_document_stays_well_formed()
    {
        var f = Chart.Line(new[] { 1, 2 }, name: "a<b & \"c\"").Add(Chart.Line(new[] { 2, 1 }, name: "d'e"))
            .WithTitle("<script>alert(1)</script>").WithXAxis("x & y\u0001");
        var svg = f.ToSvg();
        Assert.DoesNotContain("<script>", svg);
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("<script>alert(1)</script>", WithClass(root, "title").Single().Value);
        Assert.Contains("a<b & \"c\"", WithClass(root, "legend").Single().Value);
        Assert.Contains("x & y", WithClass(root, "axis-title").First().Value);
    }

    [Fact]
    public void NaN_breaks_the_line_into_segments()
    {
        var root = Parse(Chart.Line(new[] { 1.0, 2.0, double.NaN, 3.0, 4.0 }));
        var d = (string)WithClass(root, "scatter").Single().Element(Svg + "path")!.Attribute("d")!;
        Assert.Equal(2, d.Count(ch => ch == 'M'));
        Assert.DoesNotContain("NaN", root.ToString());
    }

    [Fact]
    public void Bars_histogram_and_heatmap_draw_rectangles()
    {
        var bars = Parse(SampleFigures.Bars());
        Assert.Equal(2, WithClass(bars, "bars").Single().Elements(Svg + "rect").Count());
        Assert.Equal(new[] { "negative", "positive" }, WithClass(WithClass(bars, "x-axis").Single(), "tick-label").Select(e => e.Value));

        var hist = Parse(Chart.Histogram(new[] { 0.0, 1, 2, 3, 4 }, bins: 4));
        Assert.Equal(4, WithClass(hist, "histogram").Single().Elements(Svg + "rect").Count());
        Assert.Contains("count", WithClass(hist, "axis-title").Select(e => e.Value));

        var z = new double[,] { { 0, 1, 2 }, { 3, double.NaN, 5 } };
        var heat = Parse(Chart.Heatmap(z, new[] { "a", "b", "c" }, new[] { "r0", "r1" }));
        var cells = WithClass(heat, "heatmap").Single().Elements(Svg + "rect").ToList();
        Assert.Equal(5, cells.Count);                         // the NaN cell is blank
        Assert.Equal("#440154", (string?)cells[0].Attribute("fill"));   // minimum = first Viridis colour
        Assert.Equal("#fde725", (string?)cells[^1].Attribute("fill"));  // maximum = last Viridis colour
        Assert.Single(WithClass(heat, "colorbar"));
        var rowLabels = WithClass(WithClass(heat, "y-axis").Single(), "tick-label").ToList();
        // Row 0 is drawn at the top: its label sits above row 1's.
        Assert.True(double.Parse((string)rowLabels[0].Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture)
                    < double.Parse((string)rowLabels[1].Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Grid_draws_one_subplot_per_figure_with_titles_and_unique_ids()
    {
        var root = Parse(SampleFigures.Grid());
        Assert.Equal(4, WithClass(root, "subplot").Count());
        Assert.Equal(new[] { "Loss", "Weights", "Histogram", "Classes" }, WithClass(root, "subplot-title").Select(e => e.Value));
        var ids = root.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(root.Descendants().Select(e => (string?)e.Attribute("clip-path")).Where(c => c is not null),
            c => Assert.Contains(c![5..^1], ids));
    }

    [Fact]
    public void Svg_is_deterministic()
    {
        Assert.Equal(SampleFigures.Grid().ToSvg(), SampleFigures.Grid().ToSvg());
        Assert.NotEqual(SampleFigures.Heatmap().ToSvg(), SampleFigures.Grid().ToSvg());
    }

    [Fact]
    public void Size_and_explicit_ranges_are_used()
    {
        var root = Parse(Chart.Line(new[] { 5.0, 6.0 }).WithSize(400, 300).WithYAxis(min: 0, max: 10));
        Assert.Equal("0 0 400 300", (string?)root.Attribute("viewBox"));
        var labels = WithClass(WithClass(root, "y-axis").Single(), "tick-label").Select(e => e.Value).ToList();
        Assert.Equal("0", labels[0]);
        Assert.Equal("10", labels[^1]);
    }
}
