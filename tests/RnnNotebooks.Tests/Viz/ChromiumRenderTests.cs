using System.Text.Json;
using System.Text.RegularExpressions;
using RnnNotebooks.Viz;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Viz;

/// <summary>
/// Renders charts in headless Chromium: the notebook HTML must be drawn by plotly.js (script-tag and
/// require.js loaders), and the static SVG must load as an image and put ink on the canvas.
/// Screenshots are written to artifacts/viz-render/ for a person to look at.
/// </summary>
public sealed class ChromiumRenderTests(ITestOutputHelper output)
{
    [Fact]
    public void Html_is_drawn_by_plotly_loaded_with_a_script_tag() => AssertPlotlyDraws(useRequireJs: false);

    [Fact]
    public void Html_is_drawn_by_plotly_loaded_through_requirejs() => AssertPlotlyDraws(useRequireJs: true);

    [Theory]
    [InlineData("line")]
    [InlineData("heatmap")]
    [InlineData("grid")]
    public void Static_svg_renders_as_an_image(string which)
    {
        var chromium = Harness();
        if (chromium is null) return;
        var figure = which switch
        {
            "line" => SampleFigures.LossLines(),
            "heatmap" => SampleFigures.Heatmap(),
            _ => SampleFigures.Grid(),
        };
        var dir = Directory.CreateTempSubdirectory("rnn-viz-svg-");
        try
        {
            var svg = figure.ToSvg();
            var svgFile = Path.Combine(dir.FullName, which + ".svg");
            File.WriteAllText(svgFile, svg);
            var page = Path.Combine(dir.FullName, which + ".html");
            File.WriteAllText(page, ImageCheckPage(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg))));

            var dom = chromium.DumpDom(page);
            var json = Regex.Match(dom, "<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
            output.WriteLine($"{which}: {json}");
            Assert.StartsWith("{", json);
            using var result = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(json));
            var r = result.RootElement;
            Assert.Equal(figure.PixelWidth, r.GetProperty("w").GetInt32());
            Assert.Equal(figure.PixelHeight, r.GetProperty("h").GetInt32());
            var total = r.GetProperty("total").GetDouble();
            Assert.InRange(r.GetProperty("ink").GetDouble() / total, 0.02, 0.9);
            Assert.True(r.GetProperty("colored").GetDouble() / total > 0.005, "the traces' colours should be visible");

            chromium.Screenshot(svgFile, Path.Combine(chromium.ArtifactsDir, $"svg-{which}.png"), figure.PixelWidth, figure.PixelHeight);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private void AssertPlotlyDraws(bool useRequireJs)
    {
        var chromium = Harness();
        if (chromium is null) return;
        var figure = SampleFigures.Grid();
        var dir = Directory.CreateTempSubdirectory("rnn-viz-html-");
        try
        {
            var head = useRequireJs ? $"<script src=\"{new Uri(chromium.RequireJs).AbsoluteUri}\"></script>" : "";
            var page = Path.Combine(dir.FullName, "chart.html");
            var html = figure.ToHtml(new Uri(chromium.PlotlyJs).AbsoluteUri);
            File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{html}</body></html>");

            var dom = chromium.DumpDom(page);
            var id = Regex.Match(html, "id=\"(rnn-viz-[0-9a-f]{32})\"").Groups[1].Value;
            Assert.Contains($"id=\"{id}\"", dom);
            Assert.Contains("data-rnn-viz-drawn=\"5\"", dom);
            Assert.Contains("class=\"main-svg\"", dom);
            Assert.Equal(2, Regex.Matches(dom, "class=\"trace scatter").Count);
            Assert.Equal(2, Regex.Matches(dom, "class=\"trace bars").Count);   // bar + histogram
            Assert.Contains("class=\"hm\"", dom);                              // heatmap image
            Assert.Contains("Subplots", dom);
            Assert.DoesNotContain($"id=\"{id}-static\"", dom);                  // fallback removed once drawn

            var name = useRequireJs ? "plotly-grid-requirejs.png" : "plotly-grid.png";
            chromium.Screenshot(page, Path.Combine(chromium.ArtifactsDir, name), 900, 640);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private ChromiumHarness? Harness()
    {
        var (harness, missing) = ChromiumHarness.TryCreate();
        if (harness is not null) return harness;
        if (ChromiumHarness.Required)
            Assert.Fail($"The Chromium render check cannot run: {missing}.");
        output.WriteLine($"NOT RUN (set CI=true or RNN_REQUIRE_CHROMIUM=1 to make this a failure): {missing}.");
        return null;
    }

    private static string ImageCheckPage(string svgBase64) => $$"""
        <!DOCTYPE html><html><head><meta charset="utf-8"></head>
        <body style="margin:0;background:#ffffff">
        <img id="chart" src="data:image/svg+xml;base64,{{svgBase64}}">
        <pre id="result">pending</pre>
        <script>
        var img = document.getElementById("chart");
        var out = document.getElementById("result");
        function check() {
          var c = document.createElement("canvas");
          c.width = img.naturalWidth; c.height = img.naturalHeight;
          var ctx = c.getContext("2d");
          ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, c.width, c.height);
          ctx.drawImage(img, 0, 0);
          var d = ctx.getImageData(0, 0, c.width, c.height).data, ink = 0, colored = 0;
          for (var i = 0; i < d.length; i += 4) {
            if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
            if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) colored++;
          }
          out.textContent = JSON.stringify({ w: img.naturalWidth, h: img.naturalHeight, ink: ink, colored: colored, total: d.length / 4 });
        }
        if (img.complete && img.naturalWidth) check();
        else { img.onload = check; img.onerror = function () { out.textContent = "image failed to load"; }; }
        </script>
        </body></html>
        """;
}
