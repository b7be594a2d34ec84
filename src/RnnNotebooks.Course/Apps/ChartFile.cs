using System.Net;
using Plotly.NET;
using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Apps;

/// <summary>A chart of an app written to its output folder: a standalone HTML page, and a PNG where Chromium exists.</summary>
public static class ChartFile
{
    /// <summary>
    /// Writes <paramref name="chart"/> as the next <c>&lt;name&gt;-chart-NN.html</c> (plotly.js inside, works offline) and,
    /// unless <see cref="NotebookApp.Images"/> is off or no Chromium is found, the same chart as <c>.png</c>.
    /// Returns the line an app prints: the chart's description and the paths.
    /// </summary>
    public static string Write(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var html = NotebookApp.NextChartPath();
        File.WriteAllText(html, Page(chart));
        var line = $"{ChartHtml.Describe(chart)}\n  written to {NotebookApp.Shown(html)}";
        if (NotebookApp.Images && StaticImage.Available)
        {
            var png = Path.ChangeExtension(html, ".png");
            File.WriteAllBytes(png, StaticImage.Png(chart));
            line += $" and {Path.GetFileName(png)}";
        }
        return line;
    }

    /// <summary>A standalone page holding the chart and plotly.js (from the Plotly.NET package).</summary>
    public static string Page(GenericChart chart) => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(ChartHtml.Describe(chart))}</title></head>
        <body style="margin:0;background:#fff">
        {ChartHtml.Render(chart, includeLibrary: true)}
        </body></html>
        """;
}
