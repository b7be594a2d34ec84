using System.Text.RegularExpressions;
using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

public sealed class FigureHtmlTests
{
    [Fact]
    public void Html_has_a_unique_div_the_figure_json_and_the_static_fallback()
    {
        var f = SampleFigures.LossLines();
        var html = f.ToHtml();
        var id = Regex.Match(html, "<div id=\"(rnn-viz-[0-9a-f]{32})\"></div>").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains($"var id = \"{id}\";", html);
        Assert.Contains(f.ToJson(), html);
        Assert.Contains($"<div id=\"{id}-static\"", html);
        Assert.Contains(f.ToSvg(), html);
        Assert.NotEqual(id, Regex.Match(f.ToHtml(), "rnn-viz-[0-9a-f]{32}").Value);
    }

    [Fact]
    public void Html_loads_pinned_plotly_through_requirejs_or_a_script_tag()
    {
        var html = Chart.Line(new[] { 1, 2 }).ToHtml();
        Assert.Contains(PlotlyJs.CdnUrl, html);
        Assert.Matches(@"plotly-3\.\d+\.\d+\.min\.js", PlotlyJs.CdnUrl);
        Assert.Contains("requirejs.config", html);
        Assert.Contains($"\"{PlotlyJs.CdnUrl[..^3]}\"", html);          // require.js paths have no .js
        Assert.Contains("exports: \"Plotly\"", html);
        Assert.Contains("document.createElement(\"script\")", html);
        Assert.Contains("Plotly.newPlot", html);
    }

    [Fact]
    public void Html_can_point_at_a_local_plotly()
    {
        var html = Chart.Line(new[] { 1, 2 }).ToHtml("plotly.min.js");
        Assert.Contains("var src = \"plotly.min.js\";", html);
        Assert.Contains("var requirePath = \"plotly.min\";", html);
        Assert.DoesNotContain(PlotlyJs.CdnUrl, html);
    }

    [Fact]
    public void Plain_text_describes_the_figure()
    {
        Assert.Equal("Figure \"Loss\": 2 trace(s) [scatter 'train loss', scatter 'val loss']", SampleFigures.LossLines().ToString());
        Assert.Contains("2x2 grid", SampleFigures.Grid().ToString());
    }
}
