using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Tests.Charts;

public sealed class ChartHtmlTests
{
    [Fact]
    public void Output_carries_plotly_from_the_package_only_when_asked_and_never_a_cdn()
    {
        var chart = Plot.Line(new[] { 1, 2 }).WithTitle("a </script> b");
        var first = ChartHtml.Render(chart, includeLibrary: true);
        var later = ChartHtml.Render(chart, includeLibrary: false);
        Assert.Contains("window.Plotly", first);
        Assert.True(first.Length > 1_000_000, "the first output embeds plotly.js");
        Assert.True(later.Length < 20_000, $"later outputs reuse it ({later.Length} characters)");
        // plotly.js itself names cdn.plot.ly only as the default for geo maps (topojson), which the course never draws.
        Assert.DoesNotContain("cdn.plot.ly", first.Replace(PlotlyJs.GlobalScript, ""));
        Assert.DoesNotContain("<script src", first);
        Assert.DoesNotContain("a </script> b", later);   // the title cannot end the script early
        Assert.Contains("a <\\/script> b", later);
        Assert.Matches(@"^\d+\.\d+\.\d+$", PlotlyJs.Version);
    }

    [Fact]
    public void A_static_image_sits_inside_the_chart_div_until_plotly_draws()
    {
        var html = ChartHtml.Render(Plot.Line(new[] { 1, 2 }).WithSize(500, 300), includeLibrary: false, png: [1, 2, 3]);
        Assert.Contains("style=\"width:500px;height:300px;max-width:100%\"><img", html);
        Assert.Contains("src=\"data:image/png;base64,AQID\"", html);
        Assert.Contains("el.innerHTML = '';", html);
    }
}
