using System.Text;
using static RnnNotebooks.Viz.Svg.SvgText;

namespace RnnNotebooks.Viz.Svg;

/// <summary>The vertical Viridis colour bar beside a heatmap, with value ticks.</summary>
internal static class ColorBar
{
    public static void Write(StringBuilder sb, HeatmapTrace heatmap, double x, double y, double height, string id)
    {
        const int stops = 16;
        sb.Append($"<g class=\"colorbar\"><linearGradient id=\"{id}\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (var i = 0; i <= stops; i++)
            sb.Append($"<stop offset=\"{N(i / (double)stops)}\" stop-color=\"{Palette.Viridis(i / (double)stops)}\"/>");
        sb.Append("</linearGradient>");
        sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"14\" height=\"{N(height)}\" fill=\"url(#{id})\" stroke=\"#444444\" stroke-width=\"0.5\"/>");
        var ticks = NiceTicks.Linear(heatmap.ZMin, heatmap.ZMax, 5);
        var labels = NiceTicks.Labels(ticks, log: false);
        sb.Append("<g font-size=\"11\" fill=\"#444444\">");
        for (var i = 0; i < ticks.Count; i++)
        {
            var ty = y + height - (ticks[i] - heatmap.ZMin) / (heatmap.ZMax - heatmap.ZMin) * height;
            sb.Append($"<line x1=\"{N(x + 14)}\" y1=\"{N(ty)}\" x2=\"{N(x + 18)}\" y2=\"{N(ty)}\" stroke=\"#444444\"/>");
            sb.Append($"<text x=\"{N(x + 21)}\" y=\"{N(ty + 4)}\">{Escape(labels[i])}</text>");
        }
        sb.Append("</g></g>");
    }
}
