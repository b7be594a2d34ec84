using System.Text.Json;
using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

public sealed class FigureJsonTests
{
    private static JsonElement Parse(Figure f) => JsonDocument.Parse(f.ToJson()).RootElement;

    [Fact]
    public void Line_has_scatter_trace_with_lines_mode_and_values()
    {
        var root = Parse(Chart.Line(new[] { 1.0, 2.0, 4.0 }, name: "train loss"));
        var trace = Assert.Single(root.GetProperty("data").EnumerateArray());
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines", trace.GetProperty("mode").GetString());
        Assert.Equal("train loss", trace.GetProperty("name").GetString());
        Assert.Equal(new[] { 0.0, 1, 2 }, trace.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(new[] { 1.0, 2, 4 }, trace.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("#1f77b4", trace.GetProperty("line").GetProperty("color").GetString());
    }

    [Fact]
    public void Float_and_int_sequences_are_accepted()
    {
        var f = Chart.Line(new List<int> { 1, 2, 3 }, new float[] { 0.5f, 0.25f, 0.125f });
        var trace = Parse(f).GetProperty("data")[0];
        Assert.Equal(new[] { 1.0, 2, 3 }, trace.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.125, trace.GetProperty("y")[2].GetDouble());
        Assert.Equal("markers", Parse(Chart.Scatter(Enumerable.Range(0, 3))).GetProperty("data")[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void NaN_and_infinity_are_written_as_null()
    {
        var json = Chart.Line(new[] { 1.0, double.NaN, double.PositiveInfinity, 2.0 }).ToJson();
        var y = JsonDocument.Parse(json).RootElement.GetProperty("data")[0].GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[2].ValueKind);
        Assert.Equal(2.0, y[3].GetDouble());
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
    }

    [Fact]
    public void Layout_has_title_axis_titles_log_axis_and_size()
    {
        var layout = Parse(Chart.Line(new[] { 1.0, 0.1 }).WithTitle("Loss").WithXAxis("step")
            .WithYAxis("loss", log: true).WithSize(640, 360)).GetProperty("layout");
        Assert.Equal("Loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("step", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(640, layout.GetProperty("width").GetInt32());
        Assert.Equal(360, layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void Axis_range_on_a_log_axis_is_in_powers_of_ten()
    {
        var yaxis = Parse(Chart.Line(new[] { 1.0, 0.1 }).WithYAxis(log: true, min: 0.01, max: 10)).GetProperty("layout").GetProperty("yaxis");
        Assert.Equal(new[] { -2.0, 1.0 }, yaxis.GetProperty("range").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Combine_overlays_traces_with_palette_colours_and_a_legend()
    {
        var root = Parse(Chart.Combine(Chart.Line(new[] { 1, 2 }, name: "a"), Chart.Line(new[] { 2, 1 }, name: "b", dash: LineDash.Dash)));
        var data = root.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("#ff7f0e", data[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("dash", data[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.True(root.GetProperty("layout").GetProperty("showlegend").GetBoolean());
        Assert.False(Parse(Chart.Line(new[] { 1, 2 }, name: "alone")).GetProperty("layout").GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void Add_is_combine_and_leaves_the_original_unchanged()
    {
        var a = Chart.Line(new[] { 1, 2 }, name: "a");
        var both = a.Add(Chart.Scatter(new[] { 3, 4 }, name: "b"));
        Assert.Single(a.Traces);
        Assert.Equal(2, both.Traces.Count);
        var titled = a.WithTitle("T");
        Assert.Null(a.Title);
        Assert.Equal("T", titled.Title);
    }

    [Fact]
    public void Bar_with_categories_and_histogram_with_explicit_bins()
    {
        var bar = Parse(Chart.Bar(new[] { "neg", "pos" }, new[] { 3, 5 })).GetProperty("data")[0];
        Assert.Equal("bar", bar.GetProperty("type").GetString());
        Assert.Equal("neg", bar.GetProperty("x")[0].GetString());

        var figure = Chart.Histogram(new[] { 0.0, 1, 2, 3, 4 }, bins: 4);
        var hist = Parse(figure).GetProperty("data")[0];
        Assert.Equal("histogram", hist.GetProperty("type").GetString());
        var bins = hist.GetProperty("xbins");
        Assert.Equal(0, bins.GetProperty("start").GetDouble());
        Assert.Equal(4, bins.GetProperty("end").GetDouble());
        Assert.Equal(1, bins.GetProperty("size").GetDouble());
        Assert.Equal("sum", hist.GetProperty("histfunc").GetString());
        Assert.Equal(new[] { 0.5, 1.5, 2.5, 3.5 }, hist.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(new[] { 1.0, 1, 1, 2 }, hist.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        var trace = Assert.IsType<HistogramTrace>(Assert.Single(figure.Traces));
        Assert.Equal(new[] { 1, 1, 1, 2 }, trace.Counts);   // the last bin includes its right edge
    }

    [Fact]
    public void Heatmap_has_z_rows_labels_viridis_and_reversed_rows()
    {
        var z = new double[,] { { 1, 2, 3 }, { 4, double.NaN, 6 } };
        var root = Parse(Chart.Heatmap(z, new[] { "a", "b", "c" }, new[] { "r0", "r1" }));
        var trace = root.GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(2, trace.GetProperty("z").GetArrayLength());
        Assert.Equal(3, trace.GetProperty("z")[0].GetArrayLength());
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("z")[1][1].ValueKind);
        Assert.Equal("Viridis", trace.GetProperty("colorscale").GetString());
        Assert.Equal(1, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(6, trace.GetProperty("zmax").GetDouble());
        Assert.Equal("reversed", root.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Jagged_and_float_heatmaps_are_accepted()
    {
        var jagged = Chart.Heatmap(new[] { new[] { 1f, 2f }, new[] { 3f, 4f } });
        var m = Assert.IsType<HeatmapTrace>(Assert.Single(jagged.Traces));
        Assert.Equal(4, m.Z[1, 1]);
    }

    [Fact]
    public void Grid_puts_each_figure_on_its_own_axes_with_domains_and_subplot_titles()
    {
        var root = Parse(SampleFigures.Grid());
        var data = root.GetProperty("data");
        Assert.Equal(5, data.GetArrayLength());
        Assert.False(data[0].TryGetProperty("xaxis", out _));
        Assert.Equal("x2", data[2].GetProperty("xaxis").GetString());
        Assert.Equal("y4", data[4].GetProperty("yaxis").GetString());
        var layout = root.GetProperty("layout");
        for (var i = 1; i <= 4; i++)
        {
            var suffix = i == 1 ? "" : i.ToString();
            var domain = layout.GetProperty("xaxis" + suffix).GetProperty("domain");
            Assert.True(domain[0].GetDouble() < domain[1].GetDouble());
            Assert.Equal("y" + suffix, layout.GetProperty("xaxis" + suffix).GetProperty("anchor").GetString());
        }
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        var titles = layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString());
        Assert.Equal(new[] { "Loss", "Weights", "Histogram", "Classes" }, titles);
        Assert.Equal("Subplots", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Json_escapes_html_so_it_can_sit_in_a_script_element()
    {
        var json = Chart.Line(new[] { 1, 2 }, name: "</script><b>").ToJson();
        Assert.DoesNotContain("</script>", json);
        Assert.Equal("</script><b>", JsonDocument.Parse(json).RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Json_numbers_do_not_depend_on_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var f = Chart.Line(new[] { 0.5, 1.25 }).WithYAxis("loss");
            Assert.Contains("0.5", f.ToJson());
            var labels = System.Xml.Linq.XDocument.Parse(f.ToSvg()).Descendants()
                .Where(e => (string?)e.Attribute("class") == "tick-label").Select(e => e.Value).ToList();
            Assert.Contains(labels, l => l.Contains('.'));
            Assert.All(labels, l => Assert.Matches(@"^-?[0-9.]+$", l));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }
}
