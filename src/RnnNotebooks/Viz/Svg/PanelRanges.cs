namespace RnnNotebooks.Viz.Svg;

/// <summary>Fits axis ranges to the traces of a subplot (shared by the SVG and the JSON ranges).</summary>
internal static class PanelRanges
{
    public static AxisRange X(Panel panel)
    {
        var categories = Categories(panel.Traces.SelectMany(t => t switch
        {
            BarTrace { Categories: { } c } => c,
            HeatmapTrace { XLabels: { } l } => l,
            _ => Array.Empty<string>(),
        }));
        if (categories is not null) return CategoryRange(panel.X, categories);

        var ext = new Extent(panel.X.Log);
        var integer = panel.Traces.Count > 0;
        double padFraction = 0;
        foreach (var t in panel.Traces)
        {
            switch (t)
            {
                case ScatterTrace s:
                    ext.AddAll(s.X);
                    integer &= s.X.All(v => !double.IsFinite(v) || v == Math.Round(v));
                    if (s.Markers) padFraction = 0.04;
                    break;
                case BarTrace b:
                    var half = BarHalfWidth(panel);
                    foreach (var x in b.X!) { ext.Add(x - half); ext.Add(x + half); }
                    integer &= b.X!.All(v => v == Math.Round(v));
                    break;
                case HistogramTrace h:
                    ext.Add(h.Start);
                    ext.Add(h.End);
                    integer = false;
                    break;
                case HeatmapTrace m:
                    ext.Add(-0.5);
                    ext.Add(m.Columns - 0.5);
                    break;
            }
        }
        return Finish(panel.X, ext, padFraction, integer);
    }

    public static AxisRange Y(Panel panel)
    {
        var categories = Categories(panel.Traces.SelectMany(t => t is HeatmapTrace { YLabels: { } l } ? l : Array.Empty<string>()));
        if (categories is not null) return CategoryRange(panel.Y, categories);

        var ext = new Extent(panel.Y.Log);
        var integer = panel.Traces.Count > 0 && panel.Traces.All(t => t is HeatmapTrace);
        double padFraction = 0.05;
        foreach (var t in panel.Traces)
        {
            switch (t)
            {
                case ScatterTrace s: ext.AddAll(s.Y); break;
                case BarTrace b: ext.AddAll(b.Y); if (!panel.Y.Log) ext.Add(0); break;
                case HistogramTrace h: ext.AddAll(h.Counts.Select(c => (double)c)); if (!panel.Y.Log) ext.Add(0); break;
                case HeatmapTrace m: ext.Add(-0.5); ext.Add(m.Rows - 0.5); padFraction = 0; break;
            }
        }
        var range = Finish(panel.Y, ext, padFraction, integer);
        // Bars and histograms stand on zero: do not pad below it.
        if (!panel.Y.Log && panel.Y.Min is null && ext.Lo >= 0 && panel.Traces.Any(t => t is BarTrace or HistogramTrace)
            && panel.Traces.All(t => t is not ScatterTrace))
            range = range with { Lo = 0 };
        return range;
    }

    /// <summary>Half the width of one bar slot on a numeric axis: 0.4 × the smallest spacing of bar positions.</summary>
    public static double BarHalfWidth(Panel panel)
    {
        var xs = panel.Traces.OfType<BarTrace>().Where(b => b.X is not null).SelectMany(b => b.X!)
            .Where(double.IsFinite).Distinct().OrderBy(v => v).ToArray();
        var gap = 1.0;
        for (var i = 1; i < xs.Length; i++) gap = i == 1 ? xs[1] - xs[0] : Math.Min(gap, xs[i] - xs[i - 1]);
        return 0.4 * gap;
    }

    private static IReadOnlyList<string>? Categories(IEnumerable<string> names)
    {
        var list = new List<string>();
        var seen = new HashSet<string>();
        foreach (var n in names)
            if (seen.Add(n)) list.Add(n);
        return list.Count == 0 ? null : list;
    }

    private static AxisRange CategoryRange(Axis axis, IReadOnlyList<string> categories) =>
        new(axis.Min ?? -0.5, axis.Max ?? categories.Count - 0.5, false, categories, true);

    private static AxisRange Finish(Axis axis, Extent ext, double padFraction, bool integer)
    {
        double lo, hi;
        if (ext.Empty)
        {
            lo = 0;
            hi = 1;
        }
        else
        {
            lo = ext.Lo;
            hi = ext.Hi;
            if (hi - lo < 1e-12 * Math.Max(1, Math.Abs(hi)))
            {
                var d = axis.Log ? 0.5 : Math.Max(1e-9, Math.Abs(lo) * 0.1);
                if (lo == 0 && !axis.Log) d = 1;
                lo -= d;
                hi += d;
            }
            else
            {
                var pad = (hi - lo) * padFraction;
                lo -= pad;
                hi += pad;
            }
        }
        if (axis.Min is { } min) lo = axis.Log ? Math.Log10(min) : min;
        if (axis.Max is { } max) hi = axis.Log ? Math.Log10(max) : max;
        if (hi <= lo) hi = lo + 1;
        return new AxisRange(lo, hi, axis.Log, null, integer && !axis.Log);
    }

    /// <summary>Running min/max of drawable values (log10 of positive values on a log axis).</summary>
    private sealed class Extent(bool log)
    {
        public double Lo { get; private set; } = double.PositiveInfinity;
        public double Hi { get; private set; } = double.NegativeInfinity;
        public bool Empty => Lo > Hi;

        public void Add(double v)
        {
            if (log) v = v > 0 ? Math.Log10(v) : double.NaN;
            if (!double.IsFinite(v)) return;
            Lo = Math.Min(Lo, v);
            Hi = Math.Max(Hi, v);
        }

        public void AddAll(IEnumerable<double> values)
        {
            foreach (var v in values) Add(v);
        }
    }
}
