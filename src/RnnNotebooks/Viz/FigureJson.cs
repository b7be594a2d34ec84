using System.Text;
using System.Text.Json;

namespace RnnNotebooks.Viz;

/// <summary>Writes a <see cref="Figure"/> as plotly.js figure JSON.</summary>
internal static class FigureJson
{
    public static string Write(Figure figure, bool indented)
    {
        using var stream = new MemoryStream();
        // The default encoder escapes <, > and &, so the JSON is safe inside an HTML script element.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            for (var i = 0; i < figure.Panels.Count; i++)
                foreach (var trace in figure.Panels[i].Traces)
                    WriteTrace(w, figure, trace, i);
            w.WriteEndArray();
            WriteLayout(w, figure);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTrace(Utf8JsonWriter w, Figure figure, Trace trace, int panel)
    {
        w.WriteStartObject();
        w.WriteString("type", trace.PlotlyType);
        if (trace.Name is not null) w.WriteString("name", trace.Name);
        w.WriteBoolean("showlegend", trace.InLegend && trace.Name is not null);
        if (panel > 0)
        {
            w.WriteString("xaxis", "x" + (panel + 1));
            w.WriteString("yaxis", "y" + (panel + 1));
        }
        var color = figure.ColorOf(trace);
        switch (trace)
        {
            case ScatterTrace s:
                w.WriteString("mode", s.Mode);
                Numbers(w, "x", s.X);
                Numbers(w, "y", s.Y);
                w.WriteStartObject("line");
                w.WriteString("color", color);
                w.WriteNumber("width", 2);
                w.WriteString("dash", s.Dash.ToString().ToLowerInvariant());
                w.WriteEndObject();
                w.WriteStartObject("marker");
                w.WriteString("color", color);
                w.WriteNumber("size", s.MarkerSize);
                w.WriteEndObject();
                break;
            case BarTrace b:
                if (b.Categories is not null) Strings(w, "x", b.Categories);
                else Numbers(w, "x", b.X!);
                Numbers(w, "y", b.Y);
                w.WriteStartObject("marker");
                w.WriteString("color", color);
                w.WriteEndObject();
                break;
            case HistogramTrace h:
                // Counted here, passed as bin centres with histfunc "sum": plotly.js drops values equal to
                // its last bin edge, and this way its bars equal the static SVG's exactly.
                Numbers(w, "x", Enumerable.Range(0, h.Counts.Count).Select(i => h.Start + (i + 0.5) * h.BinSize).ToArray());
                Numbers(w, "y", h.Counts.Select(c => (double)c).ToArray());
                w.WriteString("histfunc", "sum");
                w.WriteStartObject("xbins");
                Number(w, "start", h.Start);
                Number(w, "end", h.End);
                Number(w, "size", h.BinSize);
                w.WriteEndObject();
                w.WriteStartObject("marker");
                w.WriteString("color", color);
                w.WriteStartObject("line");
                w.WriteString("color", "white");
                w.WriteNumber("width", 1);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case HeatmapTrace m:
                w.WriteStartArray("z");
                for (var r = 0; r < m.Rows; r++)
                {
                    w.WriteStartArray();
                    for (var c = 0; c < m.Columns; c++) Number(w, null, m.Z[r, c]);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                if (m.XLabels is not null) Strings(w, "x", m.XLabels);
                if (m.YLabels is not null) Strings(w, "y", m.YLabels);
                w.WriteString("colorscale", "Viridis");
                Number(w, "zmin", m.ZMin);
                Number(w, "zmax", m.ZMax);
                WriteColorbar(w, figure, panel);
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteColorbar(Utf8JsonWriter w, Figure figure, int panel)
    {
        w.WriteStartObject("colorbar");
        w.WriteNumber("thickness", 14);
        if (figure.Panels.Count > 1)
        {
            var cell = GridCells.Of(figure, panel);
            Number(w, "x", cell.X1 + 0.005);
            w.WriteString("xanchor", "left");
            Number(w, "y", (cell.Y0 + cell.Y1) / 2);
            Number(w, "len", cell.Y1 - cell.Y0);
        }
        w.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter w, Figure figure)
    {
        w.WriteStartObject("layout");
        if (figure.Title is not null) Title(w, "title", figure.Title);
        if (figure.Width is { } width) w.WriteNumber("width", width);
        w.WriteNumber("height", figure.PixelHeight);
        w.WriteBoolean("showlegend", figure.LegendVisible);
        w.WriteStartObject("margin");
        w.WriteNumber("t", figure.Title is null ? 40 : 70);
        w.WriteEndObject();
        var many = figure.Panels.Count > 1;
        if (figure.LegendVisible && figure.Traces.Any(t => t is HeatmapTrace))
        {
            // Keep the legend clear of a heatmap's colour bar, which sits right of the plot.
            w.WriteStartObject("legend");
            Number(w, "x", 1.02 + 90.0 / Math.Max(200, figure.PixelWidth - 160));
            w.WriteEndObject();
        }
        for (var i = 0; i < figure.Panels.Count; i++)
        {
            var panel = figure.Panels[i];
            var suffix = i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cell = many ? GridCells.Of(figure, i) : default;
            WriteAxis(w, "xaxis" + suffix, panel.X, Svg.PanelRanges.X(panel), many ? (cell.X0, cell.X1) : null, "y" + suffix);
            WriteAxis(w, "yaxis" + suffix, panel.Y, Svg.PanelRanges.Y(panel), many ? (cell.Y0, cell.Y1) : null, "x" + suffix);
        }
        var titled = many && figure.Panels.Any(p => p.Title is not null);
        if (titled)
        {
            w.WriteStartArray("annotations");
            for (var i = 0; i < figure.Panels.Count; i++)
            {
                if (figure.Panels[i].Title is not { } t) continue;
                var cell = GridCells.Of(figure, i);
                w.WriteStartObject();
                w.WriteString("text", t);
                Number(w, "x", (cell.X0 + cell.X1) / 2);
                Number(w, "y", cell.Y1);
                w.WriteString("xref", "paper");
                w.WriteString("yref", "paper");
                w.WriteString("xanchor", "center");
                w.WriteString("yanchor", "bottom");
                w.WriteBoolean("showarrow", false);
                w.WriteStartObject("font");
                w.WriteNumber("size", 14);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter w, string key, Axis axis, Svg.AxisRange range,
        (double, double)? domain, string anchor)
    {
        w.WriteStartObject(key);
        if (axis.Title is not null) Title(w, "title", axis.Title);
        if (axis.Log) w.WriteString("type", "log");
        else if (range.Categories is not null) w.WriteString("type", "category");
        w.WriteBoolean("automargin", true);
        w.WriteBoolean("showgrid", true);
        w.WriteString("gridcolor", "#e6e6e6");
        w.WriteBoolean("zeroline", false);
        w.WriteBoolean("showline", true);
        w.WriteString("linecolor", "#444444");
        w.WriteString("ticks", "outside");
        if (axis.Min is not null || axis.Max is not null)
        {
            // plotly expects a log axis range in powers of ten, i.e. the transformed values.
            double lo = range.Lo, hi = range.Hi;
            w.WriteStartArray("range");
            Number(w, null, axis.Reversed ? hi : lo);
            Number(w, null, axis.Reversed ? lo : hi);
            w.WriteEndArray();
        }
        else if (axis.Reversed) w.WriteString("autorange", "reversed");
        if (domain is { } d)
        {
            w.WriteStartArray("domain");
            Number(w, null, d.Item1);
            Number(w, null, d.Item2);
            w.WriteEndArray();
            w.WriteString("anchor", anchor);
        }
        w.WriteEndObject();
    }

    private static void Title(Utf8JsonWriter w, string key, string text)
    {
        w.WriteStartObject(key);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string? key, double v)
    {
        if (key is not null) w.WritePropertyName(key);
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static void Numbers(Utf8JsonWriter w, string key, IReadOnlyList<double> values)
    {
        w.WriteStartArray(key);
        foreach (var v in values) Number(w, null, v);
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string key, IReadOnlyList<string> values)
    {
        w.WriteStartArray(key);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
