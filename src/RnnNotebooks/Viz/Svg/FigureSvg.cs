using System.Text;
using static RnnNotebooks.Viz.Svg.SvgText;

namespace RnnNotebooks.Viz.Svg;

/// <summary>Renders a whole figure as a standalone SVG document: title, legend and a grid of subplots.</summary>
internal static class FigureSvg
{
    public const string Font = "'Open Sans', Arial, Helvetica, sans-serif";
    public const string TextColor = "#2a3f5f";

    public static string Write(Figure figure)
    {
        int width = figure.PixelWidth, height = figure.PixelHeight;
        var prefix = IdPrefix(figure);
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rnn-viz-svg\" width=\"{width}\" height=\"{height}\" ")
          .Append($"viewBox=\"0 0 {width} {height}\" font-family=\"{Font}\" role=\"img\"");
        if (figure.Title is not null) sb.Append($" aria-label=\"{Escape(figure.Title)}\"");
        sb.Append('>');
        if (figure.Title is not null) sb.Append($"<title>{Escape(figure.Title)}</title>");
        sb.Append($"<rect class=\"background\" x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");

        double top = 6;
        if (figure.Title is not null)
        {
            sb.Append($"<text class=\"title\" x=\"{N(width / 2.0)}\" y=\"28\" text-anchor=\"middle\" font-size=\"18\" fill=\"{TextColor}\">{Escape(figure.Title)}</text>");
            top = 42;
        }

        double right = width;
        var legend = figure.LegendVisible
            ? figure.Traces.Where(t => t.InLegend && t.Name is not null).ToList()
            : new List<Trace>();
        if (legend.Count > 0)
        {
            var legendWidth = Math.Min(220, legend.Max(t => SvgText.Width(t.Name, 12)) + 44);
            right = width - legendWidth;
            WriteLegend(sb, figure, legend, right + 8, top + 10);
        }

        double cellW = right / figure.Columns, cellH = (height - top) / figure.Rows;
        for (var i = 0; i < figure.Panels.Count; i++)
        {
            int r = i / figure.Columns, c = i % figure.Columns;
            var box = new Box(c * cellW, top + r * cellH, cellW, cellH);
            PanelSvg.Write(sb, figure, i, box, prefix, showTitle: figure.Panels.Count > 1);
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void WriteLegend(StringBuilder sb, Figure figure, List<Trace> entries, double x, double y)
    {
        sb.Append("<g class=\"legend\">");
        for (var i = 0; i < entries.Count; i++)
        {
            var t = entries[i];
            var color = figure.ColorOf(t);
            var cy = y + i * 20;
            sb.Append("<g class=\"legend-entry\">");
            switch (t)
            {
                case ScatterTrace { Lines: true } s:
                    sb.Append($"<line x1=\"{N(x)}\" y1=\"{N(cy)}\" x2=\"{N(x + 26)}\" y2=\"{N(cy)}\" stroke=\"{Escape(color)}\" stroke-width=\"2\"{PanelSvg.DashAttribute(s.Dash)}/>");
                    if (s.Markers) sb.Append($"<circle cx=\"{N(x + 13)}\" cy=\"{N(cy)}\" r=\"3\" fill=\"{Escape(color)}\"/>");
                    break;
                case ScatterTrace:
                    sb.Append($"<circle cx=\"{N(x + 13)}\" cy=\"{N(cy)}\" r=\"4\" fill=\"{Escape(color)}\"/>");
                    break;
                default:
                    sb.Append($"<rect x=\"{N(x + 6)}\" y=\"{N(cy - 6)}\" width=\"14\" height=\"12\" fill=\"{Escape(color)}\"/>");
                    break;
            }
            sb.Append($"<text x=\"{N(x + 32)}\" y=\"{N(cy + 4)}\" font-size=\"12\" fill=\"{TextColor}\">{Escape(t.Name)}</text></g>");
        }
        sb.Append("</g>");
    }

    /// <summary>A stable id prefix derived from the figure, so several SVGs inlined in one page do not share ids.</summary>
    private static string IdPrefix(Figure figure)
    {
        var hash = 2166136261u;
        foreach (var ch in figure.ToJson())
            hash = (hash ^ ch) * 16777619u;
        return "rv" + hash.ToString("x8");
    }
}

/// <summary>A rectangle in pixels.</summary>
internal readonly record struct Box(double X, double Y, double W, double H);
