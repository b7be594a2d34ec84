using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace RnnNotebooks.Course.Charts;

public static partial class Plot
{
    /// <summary>
    /// Overlays charts on one set of axes. The result keeps the first chart's layout (title, size, axes);
    /// an axis title missing there is taken from a later chart.
    /// </summary>
    public static GenericChart Combine(params GenericChart[] charts)
    {
        Check(charts, nameof(charts));
        var combined = GenericChart.combine(charts);
        var first = GenericChart.getLayout(charts[0]);
        return LayoutEdit.Layout(combined, layout =>
        {
            // GenericChart.combine merges layouts with the last one winning; the first chart's decides here.
            foreach (var key in first.GetPropertyNames(true))
                layout.SetProperty(key, LayoutEdit.Get(first, key)!);
        });
    }

    /// <summary>
    /// Arranges charts in a grid of subplots, filled row by row. Each chart keeps its own axes and its title
    /// becomes the subplot title. A series name shown in several panels gets one colour and one legend entry
    /// (clicking it hides it everywhere); heatmaps share one colour scale and one colour bar.
    /// </summary>
    /// <param name="rows">Number of rows (at least 1).</param>
    /// <param name="columns">Number of columns (at least 1).</param>
    /// <param name="charts">At most rows × columns charts, each a single plot.</param>
    public static GenericChart Grid(int rows, int columns, params GenericChart[] charts)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A grid needs at least one row.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid needs at least one column.");
        Check(charts, nameof(charts));
        if (charts.Length > rows * columns)
            throw new ArgumentException($"{charts.Length} charts do not fit in a {rows}x{columns} grid.", nameof(charts));
        var titles = charts.Select(TitleOf).ToArray();
        var untitled = charts.Select(c => LayoutEdit.Layout(c, l => l.RemoveProperty("title"))).ToArray();
        var axes = charts.Select(c => (X: AxisCopy(c, "xaxis"), Y: AxisCopy(c, "yaxis"))).ToArray();   // before Grid, which edits layouts in place
        int width = Math.Max(ChartLayout.DefaultWidth, columns * 420 + 120);
        var grid = CSharpChart.Grid(untitled, rows, columns,
            SubPlotTitles: titles.Select(t => t ?? "").ToArray(),
            XGap: ColumnGap(charts, axes.Select(a => AxisTitle(a.Y)).ToArray(), columns, width), YGap: titles.Any(t => t is not null) ? 0.3 : 0.2);
        grid = KeepAxes(grid, axes);
        grid = OneYTitlePerRow(grid, columns, charts.Length);
        grid = SharedLegend(grid);
        grid = SharedColorAxis(grid);
        return grid.WithSize(width, Math.Max(360, rows * 320 + 80));
    }

    /// <summary>
    /// The gap between columns (plotly's grid xgap, a fraction of one cell's width): at least 0.15, and wide enough for
    /// the tick labels of every panel right of another and for its y title when it has its own (one repeated along the
    /// row is dropped), which plotly draws in that gap.
    /// </summary>
    private static double ColumnGap(GenericChart[] charts, string?[] yTitles, int columns, int width)
    {
        double needed = 0;
        for (var i = 0; i < charts.Length; i++)
        {
            if (i % columns == 0) continue;
            var titled = yTitles[i] is not null && yTitles[i] != yTitles[i - i % columns];
            needed = Math.Max(needed, 7 * TickLabelChars(charts[i]) + (titled ? 45 : 12));   // ~7 px a character at plotly's 12 px font
        }
        // One cell of c px and a gap of g·c share the plot area A (the width less margins and legend, about 220 px):
        // A = columns·c + (columns − 1)·g·c, so a gap of p px needs g = p·columns / (A − (columns − 1)·p).
        double area = width - 220, room = area - (columns - 1) * needed;
        return room <= 0 ? 0.6 : Math.Clamp(needed * columns / room, 0.15, 0.6);
    }

    /// <summary>About how many characters the longest y tick label of a single-plot chart has.</summary>
    private static int TickLabelChars(GenericChart chart)
    {
        var axis = LayoutEdit.Get(GenericChart.getLayout(chart), "yaxis") as DynamicObj.DynamicObj;
        if (axis is not null && LayoutEdit.Get(axis, "type") as string == "log") return 5;       // 10⁻³, 10¹²
        var ys = GenericChart.getTraces(chart).Select(t => LayoutEdit.Get(t, "y")).ToList();
        var labels = ys.OfType<string[]>().SelectMany(l => l).ToList();
        if (labels.Count > 0) return labels.Max(l => l.Length);
        var values = ys.SelectMany(y => y switch { double[] d => d.Select(v => (object?)v), object?[] o => o, _ => [] })
            .OfType<double>().Where(double.IsFinite).ToList();
        if (values.Count == 0) return 5;                                                        // counts plotly computes (histograms)
        double lo = values.Min(), hi = values.Max(), top = Math.Max(Math.Abs(lo), Math.Abs(hi));
        int whole = top < 1 ? 1 : (int)Math.Floor(Math.Log10(top)) + 1;
        if (whole > 5) return 8;                                                                // plotly writes 1.5×10⁶
        // plotly puts about six ticks on a range: their step sets the decimals (a range of 1e-8 gives nine).
        int decimals = hi > lo ? Math.Max(0, -(int)Math.Floor(Math.Log10((hi - lo) / 6))) : 1;
        return (lo < 0 ? 1 : 0) + whole + (whole - 1) / 3 + (decimals > 0 ? decimals + 1 : 0);
    }

    private static string? AxisTitle(LinearAxis? axis) =>
        axis is not null && LayoutEdit.Get(axis, "title") is IDictionary<string, object> t && t.TryGetValue("text", out var text) ? text as string : null;

    /// <summary>Arranges charts side by side in one row.</summary>
    public static GenericChart Row(params GenericChart[] charts) => Grid(1, Math.Max(1, charts?.Length ?? 0), charts!);

    /// <summary>Returns a copy of a grid whose subplots share one x range (zooming one zooms all).</summary>
    public static GenericChart ShareXAxes(this GenericChart chart) => Share(chart, 'x');

    /// <summary>
    /// Returns a copy of a grid whose subplots in the same row share one x range: for rows that compare
    /// one quantity (say, a histogram of the same values under two settings).
    /// </summary>
    /// <param name="chart">A grid made by <see cref="Grid"/>.</param>
    /// <param name="columns">The grid's number of columns.</param>
    public static GenericChart ShareXAxesByRow(this GenericChart chart, int columns)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid has at least one column.");
        var keys = LayoutEdit.AxisKeys(chart, 'x');
        return LayoutEdit.Layout(chart, layout =>
        {
            for (var i = 0; i < keys.Count; i++)
                if (i % columns != 0)
                    LayoutEdit.Child<LinearAxis>(layout, keys[i]).SetProperty("matches", "x" + keys[i - i % columns][5..]);
        });
    }

    /// <summary>Returns a copy of a grid whose subplots share one y range.</summary>
    public static GenericChart ShareYAxes(this GenericChart chart) => Share(chart, 'y');

    private static GenericChart Share(GenericChart chart, char letter)
    {
        var keys = LayoutEdit.AxisKeys(chart, letter);
        return LayoutEdit.Layout(chart, layout =>
        {
            foreach (var key in keys.Skip(1))
                LayoutEdit.Child<Plotly.NET.LayoutObjects.LinearAxis>(layout, key).SetProperty("matches", letter.ToString());
        });
    }

    /// <summary>
    /// Gives subplot i exactly the axis styles of chart i plus the grid's placement of it. Plotly.NET's grid merges
    /// the charts' layouts, so its axes carry other panels' settings (a bar chart's category type, another panel's
    /// title): only the placement is taken from them.
    /// </summary>
    private static GenericChart KeepAxes(GenericChart grid, (LinearAxis? X, LinearAxis? Y)[] axes) =>
        LayoutEdit.Layout(grid, layout =>
        {
            for (var i = 0; i < axes.Length; i++)
            {
                var suffix = i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var (key, own) in new[] { ("xaxis" + suffix, axes[i].X), ("yaxis" + suffix, axes[i].Y) })
                {
                    var axis = own ?? new LinearAxis();
                    if (LayoutEdit.Get(layout, key) is DynamicObj.DynamicObj placed)
                        foreach (var name in GridPlacement)
                            if (LayoutEdit.Get(placed, name) is { } value) axis.SetProperty(name, value);
                    layout.SetProperty(key, axis);
                }
            }
        });

    /// <summary>The axis properties by which a grid places a subplot.</summary>
    private static readonly string[] GridPlacement = ["domain", "anchor"];

    /// <summary>A y title repeated along a row is kept only on the row's first panel: beside the plot to its left it would overlap it.</summary>
    private static GenericChart OneYTitlePerRow(GenericChart grid, int columns, int count) =>
        LayoutEdit.Layout(grid, layout =>
        {
            static string Key(int i) => "yaxis" + (i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            string? TitleOf(int i) => LayoutEdit.Get(layout, Key(i)) is DynamicObj.DynamicObj axis
                && LayoutEdit.Get(axis, "title") is IDictionary<string, object> t && t.TryGetValue("text", out var text) ? text as string : null;
            for (var i = 0; i < count; i++)
                if (i % columns != 0 && TitleOf(i) is { } title && title == TitleOf(i - i % columns))
                    ((DynamicObj.DynamicObj)LayoutEdit.Get(layout, Key(i))!).RemoveProperty("title");
        });

    private static LinearAxis? AxisCopy(GenericChart chart, string key)
    {
        if (LayoutEdit.Get(GenericChart.getLayout(chart), key) is not DynamicObj.DynamicObj own) return null;
        var copy = new LinearAxis();
        own.DeepCopyPropertiesTo(copy, null, null);
        return copy;
    }

    private static GenericChart SharedLegend(GenericChart grid)
    {
        var colors = new Dictionary<string, string>();
        var shown = new HashSet<string>();
        var next = 0;
        return LayoutEdit.Traces(grid, (_, trace) =>
        {
            if (LayoutEdit.Type(trace) != "scatter" && LayoutEdit.Type(trace) != "histogram" && LayoutEdit.Type(trace) != "bar")
                return;
            var own = OwnColor(trace);
            if (LayoutEdit.Get(trace, "name") is not string name)
            {
                if (own is null) Paint(trace, Palette.ForIndex(next++));
                return;
            }
            if (!colors.TryGetValue(name, out var color))
                colors[name] = color = own ?? Palette.ForIndex(next++);
            if (own is null) Paint(trace, color);
            trace.SetProperty("legendgroup", name);
            if (!shown.Add(name)) trace.SetProperty("showlegend", false);
        });
    }

    private static GenericChart SharedColorAxis(GenericChart grid)
    {
        var heatmaps = GenericChart.getTraces(grid).Where(t => LayoutEdit.Type(t) == "heatmap").ToList();
        if (heatmaps.Count < 2) return grid;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var diverging = false;
        foreach (var h in heatmaps)
        {
            min = Math.Min(min, Convert.ToDouble(LayoutEdit.Get(h, "zmin") ?? ZValues(h).DefaultIfEmpty(0).Min()));
            max = Math.Max(max, Convert.ToDouble(LayoutEdit.Get(h, "zmax") ?? ZValues(h).DefaultIfEmpty(1).Max()));
            diverging |= LayoutEdit.Get(h, "zmid") is not null;
        }
        // The colour bar is titled with the heatmaps' name only when they all share it.
        var names = heatmaps.Select(h => LayoutEdit.Get(h, "name") as string).Distinct().ToList();
        var title = names.Count == 1 && names[0] is not null ? LayoutEdit.Get(heatmaps[0], "colorbar") : null;
        var shared = LayoutEdit.Traces(grid, (_, trace) =>
        {
            if (LayoutEdit.Type(trace) != "heatmap") return;
            foreach (var p in new[] { "colorscale", "zmin", "zmax", "zmid", "colorbar" }) trace.RemoveProperty(p);
            trace.SetProperty("coloraxis", "coloraxis");
        });
        return LayoutEdit.Layout(shared, layout =>
        {
            var axis = new Dictionary<string, object>();
            if (diverging)
            {
                var extent = Math.Max(Math.Abs(min), Math.Abs(max));
                axis["colorscale"] = ColorScales.Diverging;
                axis["cmin"] = -extent;
                axis["cmax"] = extent;
                axis["cmid"] = 0.0;
            }
            else
            {
                axis["colorscale"] = ColorScales.Sequential;
                axis["cmin"] = min;
                axis["cmax"] = max;
            }
            if (title is not null) axis["colorbar"] = title;
            layout.SetProperty("coloraxis", axis);
        });
    }

    private static IEnumerable<double> ZValues(Trace heatmap) =>
        (LayoutEdit.Get(heatmap, "z") as object?[][] ?? [])
        .SelectMany(r => r).OfType<double>();

    private static string? OwnColor(Trace trace)
    {
        foreach (var part in new[] { "line", "marker" })
            if (LayoutEdit.Get(trace, part) is IDictionary<string, object> d && d.TryGetValue("color", out var c) && c is string s)
                return s;
        return null;
    }

    private static void Paint(Trace trace, string color)
    {
        foreach (var part in new[] { "line", "marker" })
        {
            var d = LayoutEdit.Get(trace, part) is IDictionary<string, object> existing
                ? new Dictionary<string, object>(existing) : new Dictionary<string, object>();
            d["color"] = color;
            trace.SetProperty(part, d);
        }
    }

    private static string? TitleOf(GenericChart chart) =>
        LayoutEdit.Get(GenericChart.getLayout(chart), "title") switch
        {
            IDictionary<string, object> d when d.TryGetValue("text", out var t) => t as string,
            Title t => LayoutEdit.Get(t, "text") as string,
            _ => null,
        };

    private static void Check(GenericChart[]? charts, string argument)
    {
        if (charts is null) throw new ArgumentNullException(argument);
        if (charts.Length == 0) throw new ArgumentException($"'{argument}' is empty: give at least one chart.", argument);
        for (var i = 0; i < charts.Length; i++)
            if (charts[i] is null) throw new ArgumentNullException(argument, $"'{argument}'[{i}] is null.");
    }
}
