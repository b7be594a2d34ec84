using Plotly.NET;
using System.Text.Json;
using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Tests.Charts;

public sealed class PlotTests
{
    [Fact]
    public void Line_draws_the_values_against_their_index_and_leaves_gaps_for_nan()
    {
        var f = FigureJson.Of(Plot.Line(new[] { 1.0, double.NaN, 3.0 }, name: "loss", dash: LineDash.Dash));
        var t = Assert.Single(f.Data);
        Assert.Equal("scatter", FigureJson.Str(t, "type"));
        Assert.Equal("lines", FigureJson.Str(t, "mode"));
        Assert.Equal("loss", FigureJson.Str(t, "name"));
        Assert.Equal(new[] { 0.0, 1, 2 }, t.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        var y = t.GetProperty("y").EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(3.0, y[2].GetDouble());
        Assert.Equal("dash", t.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(ChartLayout.DefaultWidth, f.Layout.GetProperty("width").GetInt32());
    }

    [Fact]
    public void Dates_are_drawn_as_iso_days_so_plotly_makes_a_date_axis()
    {
        var days = new[] { new DateTime(2019, 12, 31), new DateTime(2020, 1, 2, 16, 0, 0) };
        var t = Assert.Single(FigureJson.Of(Plot.Line(days, new[] { 1.0, 2.0 }, name: "AAPL")).Data);
        Assert.Equal(new[] { "2019-12-31", "2020-01-02" }, t.GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        var s = Assert.Single(FigureJson.Of(Plot.Scatter(days[..1], new[] { 3.0 })).Data);
        Assert.Equal("markers", FigureJson.Str(s, "mode"));
        Assert.Equal("2019-12-31", s.GetProperty("x")[0].GetString());
        Assert.Throws<ArgumentException>(() => Plot.Line(days, new[] { 1.0 }));
    }

    [Fact]
    public void Log_axes_are_labelled_with_powers_of_ten_not_si_prefixes()
    {
        var f = FigureJson.Of(Plot.Line(new[] { 1e-15, 1e-3, 1 }).WithYAxis("gradient norm", log: true, min: 1e-16, max: 10));
        var y = f.Axis("yaxis");
        Assert.Equal("log", y.GetProperty("type").GetString());
        Assert.Equal("power", y.GetProperty("exponentformat").GetString());
        Assert.Equal(new[] { -16.0, 1.0 }, y.GetProperty("range").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 9)));
        Assert.Equal("gradient norm", y.GetProperty("title").GetProperty("text").GetString());
        // Linear axes too: plotly's default ("B") would print 1e-6 as "1µ".
        Assert.Equal("power", f.Axis("xaxis").GetProperty("exponentformat").GetString());
        Assert.False(FigureJson.Of(Plot.Line(new[] { 1, 2 }).WithYAxis(log: true).WithYAxis(log: false)).Axis("yaxis").TryGetProperty("type", out _));
    }

    [Fact]
    public void Styling_returns_a_new_chart_and_leaves_the_original_unchanged()
    {
        var plain = Plot.Line(new[] { 1, 2, 3 });
        var titled = plain.WithTitle("Loss").WithYAxis("loss", log: true);
        Assert.False(FigureJson.Of(plain).Layout.TryGetProperty("title", out _));
        Assert.NotEqual("log", FigureJson.Str(FigureJson.Of(plain).Axis("yaxis"), "type"));
        Assert.Equal("Loss", FigureJson.Of(titled).Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Signed_heatmaps_get_a_diverging_scale_centred_on_zero()
    {
        var f = FigureJson.Of(Plot.Heatmap(new double[,] { { -0.5, 0.1 }, { 0.2, 2.0 } }, name: "W_hh"));
        var t = Assert.Single(f.Data);
        Assert.Equal("heatmap", FigureJson.Str(t, "type"));
        Assert.Equal(0.0, t.GetProperty("zmid").GetDouble());
        Assert.Equal(-2.0, t.GetProperty("zmin").GetDouble());
        Assert.Equal(2.0, t.GetProperty("zmax").GetDouble());
        var scale = t.GetProperty("colorscale").EnumerateArray().ToArray();
        Assert.Equal(0.5, scale[2][0].GetDouble());
        Assert.Equal("#f7f7f7", scale[2][1].GetString());   // white at zero
        Assert.Equal("reversed", f.Axis("yaxis").GetProperty("autorange").GetString());   // row 0 on top
    }

    [Fact]
    public void Non_negative_heatmaps_get_a_sequential_scale_unless_asked()
    {
        var z = new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 } };
        var seq = Assert.Single(FigureJson.Of(Plot.Heatmap(z)).Data);
        Assert.Equal("Viridis", seq.GetProperty("colorscale").GetString());
        Assert.False(seq.TryGetProperty("zmid", out _));
        var forced = Assert.Single(FigureJson.Of(Plot.Heatmap(z, scale: ColorScale.Diverging)).Data);
        Assert.Equal(-5.0, forced.GetProperty("zmin").GetDouble());
    }

    [Fact]
    public void Grid_gives_a_series_one_colour_and_one_legend_entry_across_panels()
    {
        GenericChart Panel(string title, double k) =>
            Plot.Line(new[] { 1.0, k }, name: "ρ = 0.9").Add(Plot.Line(new[] { 2.0, k }, name: "ρ = 1.1")).WithTitle(title);
        var f = FigureJson.Of(Plot.Grid(1, 2, Panel("left", 1), Panel("right", 2)));
        var traces = f.Data;
        Assert.Equal(4, traces.Length);
        string Color(JsonElement t) => t.GetProperty("line").GetProperty("color").GetString()!;
        Assert.Equal(Color(traces[0]), Color(traces[2]));
        Assert.Equal(Color(traces[1]), Color(traces[3]));
        Assert.NotEqual(Color(traces[0]), Color(traces[1]));
        Assert.Equal(2, traces.Count(t => !t.TryGetProperty("showlegend", out var s) || s.GetBoolean()));
        Assert.Equal("ρ = 0.9", FigureJson.Str(traces[2], "legendgroup"));
        var titles = f.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString());
        Assert.Equal(new[] { "left", "right" }, titles);
    }

    [Fact]
    public void Grid_keeps_each_panels_axes_and_can_share_x()
    {
        var a = Plot.Line(new[] { 1.0, 2 }).WithTitle("a").WithYAxis("norm", log: true);
        var b = Plot.Heatmap(new double[,] { { 1, -1 } }).WithTitle("b");
        var f = FigureJson.Of(Plot.Grid(2, 1, a, b).ShareXAxes());
        Assert.Equal("log", f.Axis("yaxis").GetProperty("type").GetString());
        Assert.Equal("reversed", f.Axis("yaxis2").GetProperty("autorange").GetString());
        var titled = FigureJson.Of(b.WithYAxis("row"));   // an axis title keeps row 0 on top
        Assert.Equal("reversed", titled.Axis("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("x", f.Axis("xaxis2").GetProperty("matches").GetString());
    }

    [Fact]
    public void A_y_title_repeated_along_a_row_is_drawn_once()
    {
        GenericChart Panel() => Plot.Line(new[] { 1.0, 2 }).WithYAxis("‖g‖");
        var f = FigureJson.Of(Plot.Grid(2, 2, Panel(), Panel(), Panel(), Plot.Line(new[] { 1.0 }).WithYAxis("other")));
        Assert.Equal("‖g‖", f.Axis("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.False(f.Axis("yaxis2").TryGetProperty("title", out _));
        Assert.Equal("‖g‖", f.Axis("yaxis3").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("other", f.Axis("yaxis4").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Log_axes_over_several_decades_label_whole_decades_only()
    {
        var wide = FigureJson.Of(Plot.Line(new[] { 1e-3, 0.5 }).WithYAxis(log: true)).Axis("yaxis");
        Assert.Equal(1, wide.GetProperty("dtick").GetInt32());
        var huge = FigureJson.Of(Plot.Line(new[] { 1e-20, 1e20 }).WithYAxis(log: true)).Axis("yaxis");
        Assert.Equal(5, huge.GetProperty("dtick").GetInt32());
        var narrow = FigureJson.Of(Plot.Line(new[] { 0.3, 0.7 }).WithYAxis(log: true)).Axis("yaxis");
        Assert.False(narrow.TryGetProperty("dtick", out _));   // under two decades plotly's 2-5-10 labels are needed
    }

    [Fact]
    public void Rows_of_a_grid_can_share_their_x_range()
    {
        var panels = Enumerable.Range(0, 4).Select(i => Plot.Histogram(new[] { 0.0, i + 1 })).ToArray();
        var f = FigureJson.Of(Plot.Grid(2, 2, panels).ShareXAxesByRow(2));
        Assert.Equal("x", f.Axis("xaxis2").GetProperty("matches").GetString());
        Assert.Equal("x3", f.Axis("xaxis4").GetProperty("matches").GetString());
        Assert.False(f.Axis("xaxis3").TryGetProperty("matches", out _));
    }

    [Fact]
    public void Heatmaps_in_a_grid_share_one_colour_axis()
    {
        var f = FigureJson.Of(Plot.Row(
            Plot.Heatmap(new double[,] { { -1, 0.5 } }).WithTitle("i"),
            Plot.Heatmap(new double[,] { { 3, 0 } }).WithTitle("f")));
        Assert.All(f.Data, t => Assert.Equal("coloraxis", FigureJson.Str(t, "coloraxis")));
        var axis = f.Layout.GetProperty("coloraxis");
        Assert.Equal(-3.0, axis.GetProperty("cmin").GetDouble());
        Assert.Equal(3.0, axis.GetProperty("cmax").GetDouble());
        Assert.Equal(0.0, axis.GetProperty("cmid").GetDouble());
    }

    [Fact]
    public void History_pairs_train_and_validation_per_metric_with_one_shared_legend()
    {
        var chart = Plot.History(new Dictionary<string, double[]>
        {
            ["accuracy"] = [0.5, 0.6], ["loss"] = [1.0, 0.5], ["val_loss"] = [1.1, 0.7], ["val_accuracy"] = [0.4, 0.5],
        });
        var f = FigureJson.Of(chart);
        Assert.Equal(new[] { "loss", "accuracy" },
            f.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(new[] { "train", "validation", "train", "validation" }, f.Data.Select(t => FigureJson.Str(t, "name")));
        Assert.Equal("dash", f.Data[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(2, f.Data.Count(t => !t.TryGetProperty("showlegend", out var s) || s.GetBoolean()));
        Assert.Equal("epoch", f.Axis("xaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Plot.History(new Dictionary<string, double[]>())).ParamName);
    }

    [Fact]
    public void Histogram_uses_the_requested_number_of_equal_bins()
    {
        var t = Assert.Single(FigureJson.Of(Plot.Histogram(new[] { 0.0, 1, 2, 10, double.NaN }, bins: 5)).Data);
        Assert.Equal("histogram", FigureJson.Str(t, "type"));
        Assert.Equal(2.0, t.GetProperty("xbins").GetProperty("size").GetDouble(), 12);
        Assert.Equal(4, t.GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Bars_keep_numeric_looking_names_as_categories()
    {
        var f = FigureJson.Of(Plot.Bar(["1000", "5000"], new[] { 31.0, 10 }).WithXAxis("num_words"));
        Assert.Equal("category", f.Axis("xaxis").GetProperty("type").GetString());
        Assert.Equal("bar", FigureJson.Str(Assert.Single(f.Data), "type"));
    }

    [Fact]
    public void Bad_input_names_the_argument_at_fault()
    {
        Assert.Contains("'x' has 2 values but 'y' has 3", Assert.Throws<ArgumentException>(() => Plot.Line(new[] { 1, 2 }, new[] { 1, 2, 3 })).Message);
        Assert.Equal("xLabels", Assert.Throws<ArgumentException>(() => Plot.Heatmap(new double[2, 3], xLabels: ["a"])).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Histogram(new[] { 1.0 }, bins: 0)).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Line(new[] { 1.0 }).WithYAxis(log: true, min: 0)).ParamName);
        Assert.Contains("3 charts do not fit in a 1x2 grid",
            Assert.Throws<ArgumentException>(() => Plot.Grid(1, 2, Plot.Line(new[] { 1 }), Plot.Line(new[] { 1 }), Plot.Line(new[] { 1 }))).Message);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Line(new[] { 1 }).WithSize(50, 300)).ParamName);
    }

    [Fact]
    public void A_bar_charts_category_axis_stays_on_its_own_panel_of_a_row()
    {
        var f = FigureJson.Of(Plot.Row(
            Plot.Line(new[] { 1, 3 }, new[] { 0.5, 0.5 }).WithXAxis("epoch"),
            Plot.Bar(new[] { "a", "b" }, new[] { 1.0, 2.0 })));
        Assert.Null(FigureJson.Str(f.Axis("xaxis"), "type"));
        Assert.Equal("category", FigureJson.Str(f.Axis("xaxis2"), "type"));
        Assert.Equal("epoch", f.Axis("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void An_x_title_of_one_grid_panel_is_not_copied_onto_the_others()
    {
        var f = FigureJson.Of(Plot.Grid(1, 3, Plot.Line(new[] { 1.0 }), Plot.Line(new[] { 2.0 }).WithXAxis("middle"), Plot.Line(new[] { 3.0 })));
        Assert.False(f.Axis("xaxis").TryGetProperty("title", out _));
        Assert.Equal("middle", f.Axis("xaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.False(f.Axis("xaxis3").TryGetProperty("title", out _));
        // Each panel still draws on its own axes.
        Assert.Equal(new[] { "x", "x2", "x3" }, f.Data.Select(t => FigureJson.Str(t, "xaxis") ?? "x"));
    }
}
