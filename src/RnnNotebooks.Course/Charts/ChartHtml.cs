using System.Net;
using System.Text;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

/// <summary>The HTML a notebook output holds for a chart: a div drawn by plotly.js, with an optional static image inside until it draws.</summary>
public static class ChartHtml
{
    /// <summary>The figure as plotly.js JSON (<c>data</c>, <c>layout</c>), safe to embed in a script element.</summary>
    public static string FigureJson(GenericChart chart) =>
        GenericChart.toFigureJson(chart).Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>
    /// A notebook output for <paramref name="chart"/>. With <paramref name="includeLibrary"/> the output also
    /// carries plotly.js (about 3.5 MB); later outputs of the same page reuse it. <paramref name="png"/>, when
    /// given, is shown until plotly.js draws, and stays where scripts do not run (GitHub).
    /// </summary>
    public static string Render(GenericChart chart, bool includeLibrary, byte[]? png = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (width, height) = ChartLayout.SizeOf(chart);
        var id = "rnn-chart-" + Guid.NewGuid().ToString("N");
        var sb = new StringBuilder();
        sb.Append($"<div id=\"{id}\" class=\"rnn-chart\" style=\"width:{width}px;height:{height}px;max-width:100%\">");
        if (png is not null)
            sb.Append($"<img alt=\"{WebUtility.HtmlEncode(Describe(chart))}\" width=\"{width}\" height=\"{height}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>");
        sb.Append("</div>\n");
        if (includeLibrary) sb.Append("<script type=\"text/javascript\">").Append(PlotlyJs.GlobalScript).Append("</script>\n");
        sb.Append("<script type=\"text/javascript\">\n(function () {\n");
        sb.Append("  var figure = ").Append(FigureJson(chart)).Append(";\n");
        sb.Append($"  var tries = 0;\n  function draw() {{\n    var el = document.getElementById('{id}');\n    if (!el) return;\n");
        sb.Append("    if (!window.Plotly) {\n      if (tries++ < 100) { setTimeout(draw, 100); return; }\n");
        sb.Append("      el.insertAdjacentHTML('beforeend', '<p>plotly.js is not loaded on this page: run the notebook from its first cell to draw this chart.</p>');\n      return;\n    }\n");
        sb.Append("    el.innerHTML = '';\n    window.Plotly.newPlot(el, figure.data, figure.layout, {displaylogo: false});\n  }\n  draw();\n})();\n</script>");
        return sb.ToString();
    }

    /// <summary>A standalone page drawing the chart at its size, with plotly.js from <paramref name="plotlyScript"/> (a local path or URL).</summary>
    internal static string Page(GenericChart chart, string plotlyScript)
    {
        var (width, height) = ChartLayout.SizeOf(chart);
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}</style>
            <script src="{{WebUtility.HtmlEncode(plotlyScript)}}"></script></head>
            <body><div id="chart" style="width:{{width}}px;height:{{height}}px"></div>
            <pre id="result"></pre>
            <script>
            var result = document.getElementById('result');
            window.onerror = function (m) { result.textContent = JSON.stringify({error: String(m)}); };
            var figure = {{FigureJson(chart)}};
            Plotly.newPlot('chart', figure.data, figure.layout, {staticPlot: true}).then(function (gd) {
              result.textContent = JSON.stringify({
                traces: gd.querySelectorAll('.trace, .hm, .heatmaplayer image').length,
                data: gd.data.length,
                width: gd._fullLayout.width, height: gd._fullLayout.height });
            }, function (e) { result.textContent = JSON.stringify({error: String(e)}); });
            </script></body></html>
            """;
    }

    /// <summary>A one-line description: title and trace kinds (the plain-text rendering and the image's alt text).</summary>
    public static string Describe(GenericChart chart)
    {
        var traces = GenericChart.getTraces(chart).ToList();
        var kinds = string.Join(", ", traces.Select(t => LayoutEdit.Get(t, "name") is string n ? $"{LayoutEdit.Type(t)} '{n}'" : LayoutEdit.Type(t)));
        var title = LayoutEdit.Get(GenericChart.getLayout(chart), "title") switch
        {
            IDictionary<string, object> d when d.TryGetValue("text", out var t) => $" \"{t}\"",
            _ => "",
        };
        return $"Chart{title}: {traces.Count} trace(s) [{kinds}]";
    }
}
