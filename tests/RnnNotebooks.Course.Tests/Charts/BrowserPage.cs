using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Tests.Charts;

/// <summary>
/// A page like a notebook's: chart outputs one after the other, plus their static PNGs. Chromium loads it,
/// and a script reports per chart whether plotly drew it (its svg and trace elements) and per image how
/// much of it is not background, along with every script error.
/// </summary>
internal static class BrowserPage
{
    public sealed record ChartResult(string Id, bool Drawn, int Traces, IReadOnlyDictionary<string, AxisResult> Axes);

    /// <summary>
    /// One axis as plotly drew it: its type, its title text ("" when none), its tick labels in order, and, in page pixels,
    /// the left and right edges of what it occupies across the page (an x axis: its plot's width; a y axis: its tick
    /// labels) and of its title (NaN when none).
    /// </summary>
    public sealed record AxisResult(string Type, string Title, IReadOnlyList<string> Ticks,
        double Left = double.NaN, double Right = double.NaN, double TitleLeft = double.NaN, double TitleRight = double.NaN);
    public sealed record ImageResult(int Index, int Width, int Height, double Ink, double Colored);
    public sealed record Result(IReadOnlyList<ChartResult> Charts, IReadOnlyList<ImageResult> Images, IReadOnlyList<string> Errors);

    /// <summary>The chromium to use, or null with the reason written to <paramref name="log"/>; fails under CI=true.</summary>
    public static Chromium? Browser(Action<string> log)
    {
        var chromium = Chromium.Find();
        if (chromium is not null) return chromium;
        const string why = "no Chromium: install it with 'apt-get install -y chromium' (or set RNN_CHROMIUM)";
        if (Required) Assert.Fail($"The browser check cannot run: {why}.");
        log($"NOT RUN (set CI=true or RNN_REQUIRE_CHROMIUM=1 to make this a failure): {why}.");
        return null;
    }

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RNN_REQUIRE_CHROMIUM") == "1";

    /// <summary>Loads the chart outputs and PNGs in Chromium and returns what the page saw.</summary>
    public static Result Load(Chromium chromium, IEnumerable<string> chartHtml, IEnumerable<byte[]> pngs, string? screenshot = null)
    {
        var body = new StringBuilder();
        foreach (var html in chartHtml) body.Append("<div class=\"output\">").Append(html).Append("</div>\n");
        var i = 0;
        foreach (var png in pngs)
            body.Append($"<img class=\"static\" id=\"png{i++}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">\n");
        var page = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <script>window.__errors = []; window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });</script>
            </head><body style="margin:0;background:#fff">
            {{body}}
            <pre id="result">pending</pre>
            <script>
            setTimeout(function () {
              var charts = Array.prototype.map.call(document.querySelectorAll('div.rnn-chart'), function (d) {
                var axes = {}, full = d._fullLayout || {};
                var svg = d.querySelector('svg.main-svg'), svgLeft = svg ? svg.getBoundingClientRect().left : 0;
                Object.keys(full).filter(function (k) { return /^[xy]axis\d*$/.test(k); }).forEach(function (k) {
                  var ax = full[k], id = ax._id;
                  var title = d.querySelector('text.' + id + 'title');
                  var labels = Array.prototype.slice.call(d.querySelectorAll('g.' + id + 'tick text'));
                  var left = null, right = null;
                  if (id.charAt(0) === 'x') { left = svgLeft + ax._offset; right = left + ax._length; }
                  else labels.forEach(function (t) { var r = t.getBoundingClientRect(); left = left === null ? r.left : Math.min(left, r.left); right = right === null ? r.right : Math.max(right, r.right); });
                  var box = title && title.textContent ? title.getBoundingClientRect() : null;
                  axes[k] = { type: String(ax.type), title: title ? title.textContent : '',
                    ticks: labels.map(function (t) { return t.textContent; }),
                    left: left, right: right, titleLeft: box ? box.left : null, titleRight: box ? box.right : null };
                });
                return { id: d.id, drawn: !!d.querySelector('svg.main-svg'), traces: d.querySelectorAll('g.trace, g.hm').length, axes: axes };
              });
              var images = Array.prototype.map.call(document.querySelectorAll('img.static'), function (img, n) {
                var c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
                var ctx = c.getContext('2d'); ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
                if (c.width === 0) return { index: n, width: 0, height: 0, ink: 0, colored: 0 };
                ctx.drawImage(img, 0, 0);
                var d = ctx.getImageData(0, 0, c.width, c.height).data, ink = 0, colored = 0;
                for (var k = 0; k < d.length; k += 4) {
                  if (d[k] < 235 || d[k + 1] < 235 || d[k + 2] < 235) ink++;
                  if (Math.max(d[k], d[k + 1], d[k + 2]) - Math.min(d[k], d[k + 1], d[k + 2]) > 60) colored++;
                }
                return { index: n, width: c.width, height: c.height, ink: ink / (d.length / 4), colored: colored / (d.length / 4) };
              });
              document.getElementById('result').textContent = JSON.stringify({ charts: charts, images: images, errors: window.__errors });
            }, 2000);
            </script></body></html>
            """;
        var dir = Directory.CreateTempSubdirectory("rnn-chart-check-");
        try
        {
            var file = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(file, page);
            var dom = chromium.DumpDom(file);
            if (screenshot is not null) chromium.Screenshot(file, screenshot, 1000, 800);
            var json = Regex.Match(dom, "<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
            if (!json.StartsWith('{')) throw new InvalidOperationException($"The check page did not report: '{json[..Math.Min(200, json.Length)]}'.");
            using var doc = JsonDocument.Parse(WebUtility.HtmlDecode(json));
            var r = doc.RootElement;
            return new Result(
                r.GetProperty("charts").EnumerateArray().Select(c => new ChartResult(
                    c.GetProperty("id").GetString()!, c.GetProperty("drawn").GetBoolean(), c.GetProperty("traces").GetInt32(),
                    c.GetProperty("axes").EnumerateObject().ToDictionary(a => a.Name, a => new AxisResult(
                        a.Value.GetProperty("type").GetString()!, a.Value.GetProperty("title").GetString()!,
                        a.Value.GetProperty("ticks").EnumerateArray().Select(t => t.GetString()!).ToList(),
                        Pixels(a.Value, "left"), Pixels(a.Value, "right"), Pixels(a.Value, "titleLeft"), Pixels(a.Value, "titleRight"))))).ToList(),
                r.GetProperty("images").EnumerateArray().Select(m => new ImageResult(
                    m.GetProperty("index").GetInt32(), m.GetProperty("width").GetInt32(), m.GetProperty("height").GetInt32(),
                    m.GetProperty("ink").GetDouble(), m.GetProperty("colored").GetDouble())).ToList(),
                r.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList());
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static double Pixels(JsonElement axis, string name) =>
        axis.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    /// <summary>The repository root (the folder holding RnnNotebooks.sln above the test binaries), or null.</summary>
    public static string? RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "RnnNotebooks.sln"))) return d.FullName;
        return null;
    }
}
