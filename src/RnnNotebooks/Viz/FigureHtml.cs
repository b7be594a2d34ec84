using System.Text;
using System.Text.Json;

namespace RnnNotebooks.Viz;

/// <summary>
/// Writes the notebook HTML of a figure. The loader follows the pattern of Plotly.NET.Interactive:
/// use plotly.js when the page already has it; otherwise, when the page has require.js (VS Code and
/// classic Jupyter outputs), load it through a private require.js context with a CDN path (and a shim,
/// since plotly.js 3 is not an AMD module); otherwise add one shared script tag. The static SVG stays visible until plotly.js has drawn, so an offline
/// viewer, or one that does not run scripts, still sees the chart.
/// </summary>
internal static class FigureHtml
{
    public static string Write(Figure figure, string plotlySource)
    {
        var id = "rnn-viz-" + Guid.NewGuid().ToString("N");
        var json = figure.ToJson();
        // JSON string literals escape <, >, & and quotes, so they are safe inside a script element.
        var src = JsonSerializer.Serialize(plotlySource);
        var requirePath = JsonSerializer.Serialize(
            plotlySource.EndsWith(".js", StringComparison.OrdinalIgnoreCase) ? plotlySource[..^3] : plotlySource);
        var widthStyle = figure.Width is { } w ? $"width:{w}px;" : "";

        var sb = new StringBuilder();
        sb.Append($"<div class=\"rnn-viz\" style=\"{widthStyle}max-width:100%\">");
        sb.Append($"<div id=\"{id}\"></div>");
        sb.Append($"<div id=\"{id}-static\" class=\"rnn-viz-static\" style=\"overflow-x:auto\">");
        sb.Append(figure.ToSvg());
        sb.Append("</div></div>\n");
        sb.Append("<script type=\"text/javascript\">\n(function () {\n");
        sb.Append($"  var id = \"{id}\";\n");
        sb.Append($"  var figure = {json};\n");
        sb.Append($"  var src = {src};\n");
        sb.Append($"  var requirePath = {requirePath};\n");
        sb.Append("""
              var config = { responsive: true, displaylogo: false };
              function draw(Plotly) {
                var el = document.getElementById(id);
                if (!el || !Plotly || !Plotly.newPlot) return;
                Plotly.newPlot(el, figure.data, figure.layout, config).then(function () {
                  var fallback = document.getElementById(id + "-static");
                  if (fallback && fallback.parentNode) fallback.parentNode.removeChild(fallback);
                  el.setAttribute("data-rnn-viz-drawn", String(figure.data.length));
                });
              }
              if (window.Plotly && window.Plotly.newPlot) {
                draw(window.Plotly);
              } else if (typeof requirejs === "function" && typeof requirejs.config === "function") {
                // plotly.js 3 bundles are not AMD modules (plotly.js issue 7228): the shim takes the global it sets.
                var load = requirejs.config({
                  context: "rnn-notebooks-plotly",
                  paths: { plotly: requirePath },
                  shim: { plotly: { exports: "Plotly" } }
                }) || require;
                load(["plotly"], function (Plotly) { draw(Plotly || window.Plotly); },
                  function () { /* offline: keep the static chart */ });
              } else {
                var tag = document.querySelector("script[data-rnn-viz-plotly]");
                if (!tag) {
                  tag = document.createElement("script");
                  tag.setAttribute("data-rnn-viz-plotly", "1");
                  tag.setAttribute("charset", "utf-8");
                  tag.src = src;
                  document.head.appendChild(tag);
                }
                tag.addEventListener("load", function () { draw(window.Plotly); });
              }
            })();
            </script>
            """);
        return sb.ToString();
    }
}
