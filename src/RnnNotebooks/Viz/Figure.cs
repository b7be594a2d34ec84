using System.Globalization;

namespace RnnNotebooks.Viz;

/// <summary>
/// A chart: traces on one or more subplots plus layout. Build it with <see cref="Chart"/>, refine it
/// with the <c>With…</c> methods (each returns a new figure), and show it as the last expression of a
/// notebook cell or with <c>display(figure)</c>.
/// </summary>
/// <remarks>
/// The library does not reference the notebook formatting package. The first cell of a notebook
/// registers the two renderings once, and that is all it takes:
/// <code>
/// Formatter.Register&lt;Figure&gt;((f, w) =&gt; w.Write(f.ToHtml()), "text/html");
/// Formatter.Register&lt;Figure&gt;((f, w) =&gt; w.Write(f.ToSvg()), "image/svg+xml");
/// Formatter.SetPreferredMimeTypesFor(typeof(Figure), "text/html", "image/svg+xml");
/// </code>
/// <c>text/html</c> draws an interactive plotly.js chart (VS Code, Jupyter); <c>image/svg+xml</c>
/// is a static rendering that GitHub, exported HTML and offline viewers show.
/// </remarks>
public sealed class Figure
{
    internal Figure(IEnumerable<Panel> panels, int rows, int columns)
    {
        Panels = panels.ToList();
        Rows = rows;
        Columns = columns;
    }

    internal Figure(Trace trace) : this(new[] { new Panel() }, 1, 1) => Panels[0].Traces.Add(trace);

    internal List<Panel> Panels { get; }

    /// <summary>Number of subplot rows (1 for a plain chart).</summary>
    public int Rows { get; }

    /// <summary>Number of subplot columns (1 for a plain chart).</summary>
    public int Columns { get; }

    /// <summary>Figure title, or null.</summary>
    public string? Title { get; private set; }

    /// <summary>Width in pixels, or null to fill the notebook's width (700 in the static rendering).</summary>
    public int? Width { get; private set; }

    /// <summary>Height in pixels, or null for the default.</summary>
    public int? Height { get; private set; }

    /// <summary>True or false to force the legend on or off; null shows it when there are two or more named series.</summary>
    public bool? ShowLegend { get; private set; }

    /// <summary>All traces of all subplots, in drawing order.</summary>
    public IReadOnlyList<Trace> Traces => Panels.SelectMany(p => p.Traces).ToList();

    /// <summary>The x axis of the first subplot.</summary>
    public Axis XAxis => Panels[0].X;

    /// <summary>The y axis of the first subplot.</summary>
    public Axis YAxis => Panels[0].Y;

    /// <summary>Subplot titles, one per subplot (null where there is none).</summary>
    public IReadOnlyList<string?> SubplotTitles => Panels.Select(p => p.Title).ToList();

    internal int PixelWidth => Width ?? 700;

    internal int PixelHeight => Height ?? (Rows == 1 ? 450 : Math.Max(450, 300 * Rows));

    /// <summary>Returns a copy with the given title.</summary>
    public Figure WithTitle(string? title) => Copy(f => f.Title = title);

    /// <summary>Returns a copy whose x axes get the title, scale and range (on every subplot).</summary>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a base-10 logarithmic axis.</param>
    /// <param name="min">Lower end of the range, or null to fit the data.</param>
    /// <param name="max">Upper end of the range, or null to fit the data.</param>
    public Figure WithXAxis(string? title = null, bool log = false, double? min = null, double? max = null) =>
        Copy(f => f.Panels.ForEach(p => p.X = Merge(p.X, title, log, min, max)));

    /// <summary>Returns a copy whose y axes get the title, scale and range (on every subplot).</summary>
    /// <param name="title">Axis title; null keeps the current one.</param>
    /// <param name="log">True for a base-10 logarithmic axis (loss curves over many orders of magnitude).</param>
    /// <param name="min">Lower end of the range, or null to fit the data.</param>
    /// <param name="max">Upper end of the range, or null to fit the data.</param>
    public Figure WithYAxis(string? title = null, bool log = false, double? min = null, double? max = null) =>
        Copy(f => f.Panels.ForEach(p => p.Y = Merge(p.Y, title, log, min, max)));

    /// <summary>Returns a copy with a fixed size in pixels.</summary>
    public Figure WithSize(int width, int height)
    {
        if (width < 100) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be at least 100 pixels.");
        if (height < 100) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be at least 100 pixels.");
        return Copy(f => { f.Width = width; f.Height = height; });
    }

    /// <summary>Returns a copy with the legend forced on or off.</summary>
    public Figure WithLegend(bool show = true) => Copy(f => f.ShowLegend = show);

    /// <summary>Returns a copy with the traces of <paramref name="other"/> drawn on this figure's first subplot.</summary>
    public Figure Add(Figure other) => Chart.Combine(this, other);

    /// <summary>The plotly.js figure as JSON: <c>{"data": [...], "layout": {...}}</c>; NaN and infinities are written as null.</summary>
    public string ToJson(bool indented = false) => FigureJson.Write(this, indented);

    /// <summary>
    /// HTML for a notebook output: a div drawn by plotly.js (loaded through require.js when the page has it,
    /// otherwise by a script tag) and the static SVG beside it, removed once plotly has drawn.
    /// </summary>
    /// <param name="plotlySource">URL of plotly.js; null uses <see cref="PlotlyJs.Source"/>.</param>
    public string ToHtml(string? plotlySource = null) => FigureHtml.Write(this, plotlySource ?? PlotlyJs.Source);

    /// <summary>A self-contained static SVG rendering (well-formed XML, no scripts, no external resources).</summary>
    public string ToSvg() => Svg.FigureSvg.Write(this);

    /// <summary>A one-line description, used as the plain-text rendering.</summary>
    public override string ToString()
    {
        var kinds = string.Join(", ", Traces.Select(t => t.Name is null ? t.PlotlyType : $"{t.PlotlyType} '{t.Name}'"));
        var grid = Rows * Columns > 1 ? string.Create(CultureInfo.InvariantCulture, $" in a {Rows}x{Columns} grid") : "";
        var title = Title is null ? "" : $" \"{Title}\"";
        return $"Figure{title}: {Traces.Count} trace(s){grid} [{kinds}]";
    }

    internal string ColorOf(Trace trace)
    {
        if (trace.Color is not null) return trace.Color;
        var i = 0;
        foreach (var t in Traces)
        {
            if (ReferenceEquals(t, trace)) break;
            i++;
        }
        return Palette.ForIndex(i);
    }

    internal bool LegendVisible =>
        ShowLegend ?? Traces.Count(t => t.InLegend && t.Name is not null) >= 2;

    internal Figure Clone()
    {
        var f = new Figure(Panels.Select(p => p.Clone()), Rows, Columns)
        {
            Title = Title, Width = Width, Height = Height, ShowLegend = ShowLegend,
        };
        return f;
    }

    private Figure Copy(Action<Figure> change)
    {
        var f = Clone();
        change(f);
        return f;
    }

    private static Axis Merge(Axis axis, string? title, bool log, double? min, double? max)
    {
        if (log && ((min is { } lo && lo <= 0) || (max is { } hi && hi <= 0)))
            throw new ArgumentOutOfRangeException(min is <= 0 ? nameof(min) : nameof(max), "A log axis range must be positive.");
        return axis with { Title = title ?? axis.Title, Log = log, Min = min, Max = max };
    }
}
