using System.Text;
using static RnnNotebooks.Viz.Svg.SvgText;

namespace RnnNotebooks.Viz.Svg;

/// <summary>Draws the traces of one subplot: lines, markers, grouped bars, histogram bars and heatmap cells.</summary>
internal static class TraceSvg
{
    public static void Write(StringBuilder sb, Figure figure, Panel panel, Scale xs, Scale ys)
    {
        var bars = panel.Traces.OfType<BarTrace>().ToList();
        var histograms = panel.Traces.OfType<HistogramTrace>().Count();
        foreach (var trace in panel.Traces)
        {
            var color = Escape(figure.ColorOf(trace));
            switch (trace)
            {
                case HeatmapTrace m: Heatmap(sb, m, xs, ys); break;
                case BarTrace b: Bars(sb, b, bars.IndexOf(b), bars.Count, panel, xs, ys, color); break;
                case HistogramTrace h: Histogram(sb, h, xs, ys, color, histograms > 1 ? 0.7 : 1); break;
                case ScatterTrace s: Scatter(sb, s, xs, ys, color); break;
            }
        }
    }

    private static void Scatter(StringBuilder sb, ScatterTrace s, Scale xs, Scale ys, string color)
    {
        sb.Append($"<g class=\"trace scatter\" data-name=\"{Escape(s.Name)}\">");
        if (s.Lines)
        {
            var d = new StringBuilder();
            var pen = false;
            for (var i = 0; i < s.X.Count; i++)
            {
                double px = xs.Data(s.X[i]), py = ys.Data(s.Y[i]);
                if (!double.IsFinite(px) || !double.IsFinite(py))
                {
                    pen = false;
                    continue;
                }
                d.Append(pen ? 'L' : 'M').Append(N(px)).Append(' ').Append(N(py));
                pen = true;
            }
            if (d.Length > 0)
                sb.Append($"<path d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" stroke-linejoin=\"round\"{PanelSvg.DashAttribute(s.Dash)}/>");
        }
        if (s.Markers)
        {
            var r = N(s.MarkerSize / 2);
            for (var i = 0; i < s.X.Count; i++)
            {
                double px = xs.Data(s.X[i]), py = ys.Data(s.Y[i]);
                if (double.IsFinite(px) && double.IsFinite(py))
                    sb.Append($"<circle cx=\"{N(px)}\" cy=\"{N(py)}\" r=\"{r}\" fill=\"{color}\"/>");
            }
        }
        sb.Append("</g>");
    }

    private static void Bars(StringBuilder sb, BarTrace b, int slot, int slots, Panel panel, Scale xs, Scale ys, string color)
    {
        var width = b.Categories is not null ? 0.8 : 2 * PanelRanges.BarHalfWidth(panel);
        var each = width / slots;
        var offset = -width / 2 + (slot + 0.5) * each;
        var baseY = Base(ys);
        var categories = xs.Range.Categories?.ToList();
        sb.Append($"<g class=\"trace bars\" data-name=\"{Escape(b.Name)}\" fill=\"{color}\">");
        for (var i = 0; i < b.Y.Count; i++)
        {
            double at = b.Categories is not null ? categories?.IndexOf(b.Categories[i]) ?? -1 : b.X![i];
            if (at < 0 && b.Categories is not null) continue;
            double x0 = xs.Pixel(at + offset - each / 2), x1 = xs.Pixel(at + offset + each / 2);
            var y = ys.Data(b.Y[i]);
            if (!double.IsFinite(y) || !double.IsFinite(x0)) continue;
            Rect(sb, x0, x1, baseY, y);
        }
        sb.Append("</g>");
    }

    private static void Histogram(StringBuilder sb, HistogramTrace h, Scale xs, Scale ys, string color, double opacity)
    {
        var baseY = Base(ys);
        var op = opacity < 1 ? $" fill-opacity=\"{N(opacity)}\"" : "";
        sb.Append($"<g class=\"trace histogram\" data-name=\"{Escape(h.Name)}\" fill=\"{color}\"{op} stroke=\"#ffffff\" stroke-width=\"1\">");
        for (var i = 0; i < h.Counts.Count; i++)
        {
            if (h.Counts[i] == 0) continue;
            double x0 = xs.Data(h.Start + i * h.BinSize), x1 = xs.Data(h.Start + (i + 1) * h.BinSize);
            var y = ys.Data(h.Counts[i]);
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(y)) continue;
            Rect(sb, x0, x1, baseY, y);
        }
        sb.Append("</g>");
    }

    private static void Heatmap(StringBuilder sb, HeatmapTrace m, Scale xs, Scale ys)
    {
        sb.Append($"<g class=\"trace heatmap\" data-name=\"{Escape(m.Name)}\" shape-rendering=\"crispEdges\">");
        for (var r = 0; r < m.Rows; r++)
        for (var c = 0; c < m.Columns; c++)
        {
            var v = m.Z[r, c];
            if (!double.IsFinite(v)) continue;
            var t = (v - m.ZMin) / (m.ZMax - m.ZMin);
            double x0 = xs.Pixel(c - 0.5), x1 = xs.Pixel(c + 0.5), y0 = ys.Pixel(r - 0.5), y1 = ys.Pixel(r + 0.5);
            sb.Append($"<rect x=\"{N(Math.Min(x0, x1))}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(Math.Abs(x1 - x0) + 0.5)}\" height=\"{N(Math.Abs(y1 - y0) + 0.5)}\" fill=\"{Palette.Viridis(t)}\"/>");
        }
        sb.Append("</g>");
    }

    /// <summary>Pixel row of the bars' base: zero, or the bottom of a log axis.</summary>
    private static double Base(Scale ys) =>
        ys.Range.Log ? ys.Pixel(Math.Min(ys.Range.Lo, ys.Range.Hi)) : ys.Data(0);

    private static void Rect(StringBuilder sb, double x0, double x1, double yBase, double y)
    {
        sb.Append($"<rect x=\"{N(Math.Min(x0, x1))}\" y=\"{N(Math.Min(yBase, y))}\" width=\"{N(Math.Abs(x1 - x0))}\" height=\"{N(Math.Abs(y - yBase))}\"/>");
    }
}
