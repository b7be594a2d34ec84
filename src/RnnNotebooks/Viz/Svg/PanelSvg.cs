using System.Text;
using static RnnNotebooks.Viz.Svg.SvgText;

namespace RnnNotebooks.Viz.Svg;

/// <summary>Renders one subplot: grid lines, axes with ticks and titles, traces clipped to the plot area.</summary>
internal static class PanelSvg
{
    private const string AxisColor = "#444444";
    private const string GridColor = "#e6e6e6";

    public static void Write(StringBuilder sb, Figure figure, int index, Box box, string prefix, bool showTitle)
    {
        var panel = figure.Panels[index];
        var xr = PanelRanges.X(panel);
        var yr = PanelRanges.Y(panel);
        var heatmap = panel.Traces.OfType<HeatmapTrace>().FirstOrDefault();

        var top = showTitle && panel.Title is not null ? 30.0 : 12.0;
        var bottom = 26.0 + (panel.X.Title is not null ? 22 : 0);
        var right = 16.0 + (heatmap is not null ? 70 : 0);
        var plotH = Math.Max(20, box.H - top - bottom);
        var yTicks = Ticks(yr, Math.Max(3, (int)(plotH / 40)));
        var yLabelWidth = yTicks.Count == 0 ? 0 : yTicks.Max(t => Width(t.Label, 12));
        var left = yLabelWidth + 14 + (panel.Y.Title is not null ? 24 : 0);
        var plot = new Box(box.X + left, box.Y + top, Math.Max(20, box.W - left - right), plotH);

        var xs = new Scale(xr, plot.X, plot.X + plot.W, panel.X.Reversed);
        var ys = new Scale(yr, plot.Y + plot.H, plot.Y, panel.Y.Reversed);
        var xTicks = Ticks(xr, Math.Max(3, (int)(plot.W / 70)));
        if (xr.Categories is not null) xTicks = Thin(xTicks, plot.W);

        sb.Append($"<g class=\"subplot\" data-index=\"{index}\">");
        if (showTitle && panel.Title is not null)
            sb.Append($"<text class=\"subplot-title\" x=\"{N(plot.X + plot.W / 2)}\" y=\"{N(plot.Y - 10)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{FigureSvg.TextColor}\">{Escape(panel.Title)}</text>");

        // Grid lines, then the traces clipped to the plot area, then axes on top.
        if (heatmap is null)
        {
            sb.Append($"<g class=\"grid\" stroke=\"{GridColor}\" stroke-width=\"1\">");
            foreach (var (c, _) in xTicks) sb.Append($"<line x1=\"{N(xs.Pixel(c))}\" y1=\"{N(plot.Y)}\" x2=\"{N(xs.Pixel(c))}\" y2=\"{N(plot.Y + plot.H)}\"/>");
            foreach (var (c, _) in yTicks) sb.Append($"<line x1=\"{N(plot.X)}\" y1=\"{N(ys.Pixel(c))}\" x2=\"{N(plot.X + plot.W)}\" y2=\"{N(ys.Pixel(c))}\"/>");
            sb.Append("</g>");
        }
        var clip = $"{prefix}-clip{index}";
        sb.Append($"<clipPath id=\"{clip}\"><rect x=\"{N(plot.X)}\" y=\"{N(plot.Y)}\" width=\"{N(plot.W)}\" height=\"{N(plot.H)}\"/></clipPath>");
        sb.Append($"<g class=\"traces\" clip-path=\"url(#{clip})\">");
        TraceSvg.Write(sb, figure, panel, xs, ys);
        sb.Append("</g>");

        WriteXAxis(sb, panel.X, xs, xTicks, plot);
        WriteYAxis(sb, panel.Y, ys, yTicks, plot, box.X);
        if (heatmap is not null) ColorBar.Write(sb, heatmap, plot.X + plot.W + 14, plot.Y, plot.H, $"{prefix}-scale{index}");
        sb.Append("</g>");
    }

    internal static string DashAttribute(LineDash dash) => dash switch
    {
        LineDash.Dash => " stroke-dasharray=\"7,4\"",
        LineDash.Dot => " stroke-dasharray=\"2,3\"",
        _ => "",
    };

    private static void WriteXAxis(StringBuilder sb, Axis axis, Scale xs, List<(double At, string Label)> ticks, Box plot)
    {
        var y = plot.Y + plot.H;
        sb.Append($"<g class=\"x-axis\" fill=\"{AxisColor}\" font-size=\"12\">");
        sb.Append($"<line class=\"axis-line\" x1=\"{N(plot.X)}\" y1=\"{N(y)}\" x2=\"{N(plot.X + plot.W)}\" y2=\"{N(y)}\" stroke=\"{AxisColor}\"/>");
        foreach (var (c, label) in ticks)
        {
            var x = xs.Pixel(c);
            sb.Append($"<line class=\"tick\" x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x)}\" y2=\"{N(y + 5)}\" stroke=\"{AxisColor}\"/>");
            sb.Append($"<text class=\"tick-label\" x=\"{N(x)}\" y=\"{N(y + 18)}\" text-anchor=\"middle\">{Escape(label)}</text>");
        }
        if (axis.Title is not null)
            sb.Append($"<text class=\"axis-title\" x=\"{N(plot.X + plot.W / 2)}\" y=\"{N(y + 40)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{FigureSvg.TextColor}\">{Escape(axis.Title)}</text>");
        sb.Append("</g>");
    }

    private static void WriteYAxis(StringBuilder sb, Axis axis, Scale ys, List<(double At, string Label)> ticks, Box plot, double boxLeft)
    {
        sb.Append($"<g class=\"y-axis\" fill=\"{AxisColor}\" font-size=\"12\">");
        sb.Append($"<line class=\"axis-line\" x1=\"{N(plot.X)}\" y1=\"{N(plot.Y)}\" x2=\"{N(plot.X)}\" y2=\"{N(plot.Y + plot.H)}\" stroke=\"{AxisColor}\"/>");
        foreach (var (c, label) in ticks)
        {
            var y = ys.Pixel(c);
            sb.Append($"<line class=\"tick\" x1=\"{N(plot.X - 5)}\" y1=\"{N(y)}\" x2=\"{N(plot.X)}\" y2=\"{N(y)}\" stroke=\"{AxisColor}\"/>");
            sb.Append($"<text class=\"tick-label\" x=\"{N(plot.X - 8)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Escape(label)}</text>");
        }
        if (axis.Title is not null)
        {
            var x = boxLeft + 16;
            var cy = plot.Y + plot.H / 2;
            sb.Append($"<text class=\"axis-title\" x=\"{N(x)}\" y=\"{N(cy)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{FigureSvg.TextColor}\" transform=\"rotate(-90 {N(x)} {N(cy)})\">{Escape(axis.Title)}</text>");
        }
        sb.Append("</g>");
    }

    /// <summary>Tick positions (axis coordinates) and labels for a range.</summary>
    internal static List<(double At, string Label)> Ticks(AxisRange range, int target)
    {
        double lo = Math.Min(range.Lo, range.Hi), hi = Math.Max(range.Lo, range.Hi);
        if (range.Categories is { } cats)
        {
            var list = new List<(double, string)>();
            for (var i = 0; i < cats.Count; i++)
                if (i >= lo && i <= hi) list.Add((i, cats[i]));
            return list;
        }
        if (range.Log)
        {
            var values = NiceTicks.Log(lo, hi, target);
            return values.Select(Math.Log10).Zip(NiceTicks.Labels(values, log: true)).ToList();
        }
        var ticks = NiceTicks.Linear(lo, hi, target, range.Integer ? 1 : 0);
        return ticks.Zip(NiceTicks.Labels(ticks, log: false)).ToList();
    }

    /// <summary>Keeps every k-th category label so the labels do not overlap.</summary>
    private static List<(double At, string Label)> Thin(List<(double At, string Label)> ticks, double width)
    {
        if (ticks.Count == 0) return ticks;
        var widest = ticks.Max(t => Width(t.Label, 12)) + 8;
        var fits = Math.Max(1, (int)(width / widest));
        var every = (int)Math.Ceiling(ticks.Count / (double)fits);
        return every <= 1 ? ticks : ticks.Where((_, i) => i % every == 0).ToList();
    }
}
