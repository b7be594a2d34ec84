using System.Numerics;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// The course's chart facade: short calls for what the notebooks draw, each returning a Plotly.NET
/// <see cref="GenericChart"/> that can be styled further with Plotly.NET itself.
/// <code>
/// Plot.Line(losses, name: "train loss").Add(Plot.Line(valLosses, name: "val loss", dash: LineDash.Dash))
///     .WithTitle("Loss").WithXAxis("epoch").WithYAxis("loss", log: true)
/// </code>
/// Every method accepts any numeric sequence (<c>double[]</c>, <c>List&lt;float&gt;</c>, <c>IEnumerable&lt;int&gt;</c>, …).
/// </summary>
public static partial class Plot
{
    /// <summary>A line through <paramref name="y"/> against its index 0, 1, 2, …</summary>
    /// <param name="y">Values; NaN and infinities leave a gap.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="markers">True to also mark each point.</param>
    /// <param name="dash">Stroke pattern.</param>
    /// <param name="width">Line width in pixels, or null for plotly's 2 (a wide pale line can sit behind others).</param>
    public static GenericChart Line<TY>(IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, LineDash dash = LineDash.Solid, double? width = null) where TY : INumberBase<TY>
    {
        var ys = Series.ToDoubles(y, nameof(y));
        return Scatter(Series.Indices(ys.Length), ys, name, color, line: true, markers, dash, 6, width);
    }

    /// <summary>A line through the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Values; NaN and infinities leave a gap.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="markers">True to also mark each point.</param>
    /// <param name="dash">Stroke pattern.</param>
    /// <param name="width">Line width in pixels, or null for plotly's 2.</param>
    public static GenericChart Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, LineDash dash = LineDash.Solid, double? width = null) where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = Series.ToDoubles(x, nameof(x));
        var ys = Series.ToDoubles(y, nameof(y));
        Series.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return Scatter(xs, ys, name, color, line: true, markers, dash, 6, width);
    }

    /// <summary>A line over dates: (<paramref name="x"/>[i], <paramref name="y"/>[i]) on a date axis, e.g. daily prices.</summary>
    /// <param name="x">Dates (the time of day is dropped).</param>
    /// <param name="y">Values; NaN and infinities leave a gap.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="markers">True to also mark each point.</param>
    /// <param name="dash">Stroke pattern.</param>
    /// <param name="width">Line width in pixels, or null for plotly's 2.</param>
    public static GenericChart Line<TY>(IEnumerable<DateTime> x, IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, LineDash dash = LineDash.Solid, double? width = null) where TY : INumberBase<TY>
    {
        var xs = Dates(x, nameof(x));
        var ys = Series.ToDoubles(y, nameof(y));
        Series.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return Scatter(xs, ys, name, color, line: true, markers, dash, 6, width);
    }

    /// <summary>Markers at dates: (<paramref name="x"/>[i], <paramref name="y"/>[i]) on a date axis.</summary>
    /// <param name="x">Dates (the time of day is dropped).</param>
    /// <param name="y">Vertical positions; NaN and infinities are skipped.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static GenericChart Scatter<TY>(IEnumerable<DateTime> x, IEnumerable<TY> y, string? name = null, string? color = null,
        double size = 6) where TY : INumberBase<TY>
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "Marker size must be positive.");
        var xs = Dates(x, nameof(x));
        var ys = Series.ToDoubles(y, nameof(y));
        Series.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return Scatter(xs, ys, name, color, line: false, markers: true, LineDash.Solid, size, null);
    }

    // plotly reads ISO dates as a date axis.
    private static string[] Dates(IEnumerable<DateTime> x, string parameter) =>
        (x ?? throw new ArgumentNullException(parameter)).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Markers at the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical positions; NaN and infinities are skipped.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static GenericChart Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        double size = 6) where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "Marker size must be positive.");
        var xs = Series.ToDoubles(x, nameof(x));
        var ys = Series.ToDoubles(y, nameof(y));
        Series.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return Scatter(xs, ys, name, color, line: false, markers: true, LineDash.Solid, size, null);
    }

    /// <summary>One bar per named category, e.g. class counts.</summary>
    /// <param name="categories">Category names, in drawing order.</param>
    /// <param name="values">Bar heights, one per category.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static GenericChart Bar<TY>(IEnumerable<string> categories, IEnumerable<TY> values, string? name = null,
        string? color = null) where TY : INumberBase<TY>
    {
        var cats = Series.ToStrings(categories, nameof(categories));
        var ys = Series.ToDoubles(values, nameof(values));
        Series.SameLength(cats.Length, nameof(categories), ys.Length, nameof(values));
        var trace = new Trace2D("bar");
        trace.SetProperty("x", cats);
        trace.SetProperty("y", Series.WithGaps(ys));
        Name(trace, name);
        if (color is not null) trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = color });
        // Categories stay categories even when they look like numbers ("1000", "5000").
        return LayoutEdit.Layout(New(trace), l => LayoutEdit.Child<Plotly.NET.LayoutObjects.LinearAxis>(l, "xaxis").SetProperty("type", "category"));
    }

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal bins from the minimum to the maximum.</summary>
    /// <param name="values">Samples; NaN and infinities are ignored.</param>
    /// <param name="bins">Number of bins (at least 1).</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static GenericChart Histogram<T>(IEnumerable<T> values, int bins = 30, string? name = null, string? color = null)
        where T : INumberBase<T>
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "A histogram needs at least one bin.");
        var vs = Series.ToDoubles(values, nameof(values)).Where(double.IsFinite).ToArray();
        if (vs.Length == 0) throw new ArgumentException("'values' has no finite value to count.", nameof(values));
        double lo = vs.Min(), hi = vs.Max();
        if (hi == lo) hi = lo + 1;
        var trace = new Trace2D("histogram");
        trace.SetProperty("x", vs);
        trace.SetProperty("autobinx", false);
        trace.SetProperty("xbins", new Dictionary<string, object> { ["start"] = lo, ["end"] = hi, ["size"] = (hi - lo) / bins });
        Name(trace, name);
        if (color is not null) trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = color });
        return New(trace).WithYAxis("count");
    }

    private static GenericChart Scatter(object xs, double[] ys, string? name, string? color, bool line, bool markers,
        LineDash dash, double size, double? width)
    {
        if (width is <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Line width must be positive.");
        var trace = new Trace2D("scatter");
        trace.SetProperty("mode", line ? (markers ? "lines+markers" : "lines") : "markers");
        trace.SetProperty("x", xs);
        trace.SetProperty("y", Series.WithGaps(ys));
        Name(trace, name);
        if (line)
        {
            var l = new Dictionary<string, object> { ["dash"] = DashName(dash) };
            if (width is not null) l["width"] = width.Value;
            if (color is not null) l["color"] = color;
            trace.SetProperty("line", l);
        }
        if (markers)
        {
            var m = new Dictionary<string, object> { ["size"] = size };
            if (color is not null) m["color"] = color;
            trace.SetProperty("marker", m);
        }
        return New(trace);
    }

    /// <summary>A chart of one trace with the course's defaults: size, palette, 10ⁿ exponents.</summary>
    private static GenericChart New(Trace trace) =>
        LayoutEdit.Layout(GenericChart.ofTraceObject(true, trace), layout =>
        {
            layout.SetProperty("width", ChartLayout.DefaultWidth);
            layout.SetProperty("height", ChartLayout.DefaultHeight);
            layout.SetProperty("colorway", Palette.Colors.ToArray());
            foreach (var key in new[] { "xaxis", "yaxis" })
            {
                var axis = LayoutEdit.Child<Plotly.NET.LayoutObjects.LinearAxis>(layout, key);
                axis.SetProperty("exponentformat", "power");
                axis.SetProperty("showexponent", "all");
                axis.SetProperty("minexponent", 5);   // counts up to 99,999 stay plain numbers
                axis.SetProperty("separatethousands", true);   // 5,000 beside 25,000, not 5000
            }
        });

    private static void Name(Trace trace, string? name)
    {
        if (name is not null) trace.SetProperty("name", name);
        else trace.SetProperty("showlegend", false);
    }

    private static string DashName(LineDash dash) => dash switch
    {
        LineDash.Dash => "dash",
        LineDash.Dot => "dot",
        _ => "solid",
    };
}
