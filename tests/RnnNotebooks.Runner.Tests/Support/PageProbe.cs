using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>
/// What a browser shows of an exported page: a copy of the page with a probe script that, after the page's
/// own scripts ran, counts chart divs and the ones plotly drew, KaTeX-typeset formulas, and text outside
/// code, cell outputs, KaTeX output and scripts that still holds a <c>$</c> or <c>\(</c> (math left raw).
/// </summary>
public static class PageProbe
{
    public sealed record Result(int Charts, int ChartsDrawn, int Formulas, int MathFailed, IReadOnlyList<string> RawMath, IReadOnlyList<string> Errors);

    private const string Script = """
        <script>
        window.__errors = window.__errors || [];
        setTimeout(function () {
          var charts = document.querySelectorAll('div.rnn-chart');
          var drawn = Array.prototype.filter.call(charts, function (d) { return d.querySelector('svg.main-svg'); }).length;
          var raw = [];
          var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (var n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.parentElement.closest('pre, code, script, style, svg, .output, .katex, #probe')) continue;
            if (/\$|\\\(|\\\[/.test(n.nodeValue)) raw.push(n.nodeValue.trim().slice(0, 120));
          }
          var result = { charts: charts.length, drawn: drawn, formulas: document.querySelectorAll('.katex').length,
                         mathFailed: Number(document.body.dataset.mathFailed || 0), raw: raw, errors: window.__errors };
          var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        }, 5000);
        </script>
        """;

    /// <summary>Loads <paramref name="page"/> (beside its assets) in <paramref name="browser"/> and returns what the probe saw.</summary>
    public static Result Load(HeadlessBrowser browser, string page)
    {
        var html = File.ReadAllText(page);
        var errors = "<script>window.__errors = []; window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });</script>";
        var probe = Path.Combine(Path.GetDirectoryName(page)!, "probe-" + Path.GetFileName(page));
        File.WriteAllText(probe, html.Replace("<head>", "<head>" + errors).Replace("</body>", Script + "</body>"));
        try
        {
            var dom = browser.DumpDom(probe);
            var json = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
            Assert.True(json.StartsWith('{'), $"the probe did not report on {page}");
            var r = JsonDocument.Parse(WebUtility.HtmlDecode(json)).RootElement;
            return new Result(r.GetProperty("charts").GetInt32(), r.GetProperty("drawn").GetInt32(), r.GetProperty("formulas").GetInt32(),
                r.GetProperty("mathFailed").GetInt32(),
                r.GetProperty("raw").EnumerateArray().Select(e => e.GetString()!).ToList(),
                r.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList());
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
