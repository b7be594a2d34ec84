using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// Short styling calls for charts made by <see cref="Plot"/> (or any Plotly.NET chart). Each returns a new
/// chart; the one it was called on is unchanged.
/// </summary>
public static class ChartLayout
{
    /// <summary>Default width of a single chart in pixels.</summary>
    public const int DefaultWidth = 700;

    /// <summary>Default height of a single chart in pixels.</summary>
    public const int DefaultHeight = 420;

    /// <summary>Returns a copy with the given title.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        LayoutEdit.Layout(chart, l => l.SetProperty("title", LayoutEdit.Text(title)));

    /// <summary>Returns a copy whose x axes (every subplot's) get the title, scale and range.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a base-10 logarithmic axis, labelled 10ⁿ.</param>
    /// <param name="min">Lower end of the range, or null to fit the data.</param>
    /// <param name="max">Upper end of the range, or null to fit the data.</param>
    public static GenericChart WithXAxis(this GenericChart chart, string? title = null, bool log = false,
        double? min = null, double? max = null) => Axes(chart, 'x', title, log, min, max);

    /// <summary>Returns a copy whose y axes (every subplot's) get the title, scale and range.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a base-10 logarithmic axis, labelled 10ⁿ (loss curves over many orders of magnitude).</param>
    /// <param name="min">Lower end of the range, or null to fit the data.</param>
    /// <param name="max">Upper end of the range, or null to fit the data.</param>
    public static GenericChart WithYAxis(this GenericChart chart, string? title = null, bool log = false,
        double? min = null, double? max = null) => Axes(chart, 'y', title, log, min, max);

    /// <summary>Returns a copy with a fixed size in pixels.</summary>
    public static GenericChart WithSize(this GenericChart chart, int width, int height)
    {
        if (width < 100) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be at least 100 pixels.");
        if (height < 100) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be at least 100 pixels.");
        return LayoutEdit.Layout(chart, l => { l.SetProperty("width", width); l.SetProperty("height", height); });
    }

    /// <summary>Returns a copy with the legend shown or hidden.</summary>
    public static GenericChart WithLegend(this GenericChart chart, bool show = true) =>
        LayoutEdit.Layout(chart, l => l.SetProperty("showlegend", show));

    /// <summary>Returns a copy with the traces of <paramref name="other"/> drawn on this chart's axes.</summary>
    public static GenericChart Add(this GenericChart chart, GenericChart other) => Plot.Combine(chart, other);

    /// <summary>The chart's width and height in pixels (the defaults when none was set).</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        return (Pixels(LayoutEdit.Get(layout, "width"), DefaultWidth), Pixels(LayoutEdit.Get(layout, "height"), DefaultHeight));
    }

    private static int Pixels(object? value, int fallback) => value switch
    {
        int i => i,
        double d => (int)d,
        _ => fallback,
    };

    private static GenericChart Axes(GenericChart chart, char letter, string? title, bool log, double? min, double? max)
    {
        if (min is { } a && max is { } b && b <= a)
            throw new ArgumentException($"'max' ({b}) must be greater than 'min' ({a}).", nameof(max));
        if (log && (min is <= 0 || max is <= 0))
            throw new ArgumentOutOfRangeException(min is <= 0 ? nameof(min) : nameof(max), "A log axis range must be positive.");
        var keys = LayoutEdit.AxisKeys(chart, letter);
        var decades = log ? keys.ToDictionary(k => k, k => Decades(chart, letter, k, min, max)) : null;
        return LayoutEdit.Layout(chart, layout =>
        {
            foreach (var key in keys)
            {
                var axis = LayoutEdit.Child<LinearAxis>(layout, key);
                if (title is not null) axis.SetProperty("title", LayoutEdit.Text(title));
                var wasLog = LayoutEdit.Get(axis, "type") as string == "log";
                if (log) axis.SetProperty("type", "log");
                else if (wasLog) axis.RemoveProperty("type");   // plotly infers linear, or category for text labels
                axis.SetProperty("exponentformat", "power");
                axis.SetProperty("showexponent", "all");
                axis.RemoveProperty("dtick");
                // Over two decades or more, label whole decades only (10⁻³, 10⁻², …): plotly would add small
                // "2" and "5" labels between them, a second format on the same axis.
                if (decades?[key] is >= 2 and var span) axis.SetProperty("dtick", Math.Max(1, (int)Math.Ceiling(span / 8)));
                SetRange(axis, log, min, max);
            }
        });
    }

    /// <summary>How many decades the positive values drawn on one axis span (the given range wins), or null.</summary>
    private static double? Decades(GenericChart chart, char letter, string key, double? min, double? max)
    {
        var id = letter + key[5..];   // "yaxis2" → "y2"
        var values = GenericChart.getTraces(chart)
            .Where(t => (LayoutEdit.Get(t, letter + "axis") as string ?? letter.ToString()) == id)
            .SelectMany(t => LayoutEdit.Get(t, letter.ToString()) switch
            {
                double[] d => d.Select(v => (object?)v),
                object?[] o => o,
                _ => [],
            })
            .OfType<double>().Where(v => v > 0 && double.IsFinite(v)).ToArray();
        double? lo = min ?? (values.Length > 0 ? values.Min() : null), hi = max ?? (values.Length > 0 ? values.Max() : null);
        return lo is { } a && hi is { } b && b > a ? Math.Log10(b / a) : null;
    }

    private static void SetRange(LinearAxis axis, bool log, double? min, double? max)
    {
        if (min is null && max is null) return;
        var reversed = LayoutEdit.Get(axis, "autorange") as string == "reversed";
        Func<double, double> scale = log ? Math.Log10 : v => v;
        object? lo = min is { } a ? scale(a) : null, hi = max is { } b ? scale(b) : null;
        axis.SetProperty("range", reversed ? new[] { hi, lo } : new[] { lo, hi });
        if (min is not null && max is not null) axis.RemoveProperty("autorange");
        else axis.SetProperty("autorange", (min is null) == !reversed ? "min" : "max");   // the open end still fits the data
    }
}
