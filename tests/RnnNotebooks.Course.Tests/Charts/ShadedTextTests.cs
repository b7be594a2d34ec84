using System.Xml.Linq;
using RnnNotebooks.Course.Apps;
using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Tests.Charts;

public sealed class ShadedTextTests
{
    [Fact]
    public void Signed_values_get_blue_white_red_symmetric_around_zero()
    {
        var s = new ShadedText(["bad", "the", "good"], [-0.5, 0, 0.25]);
        Assert.True(s.Diverging);
        Assert.Equal((-0.5, 0.5), (s.Min, s.Max));
        Assert.Equal("#2166ac", s.ColorOf(-0.5));    // the bottom of the scale
        Assert.Equal("#f7f7f7", s.ColorOf(0));       // white at zero
        Assert.Equal("#f4a582", s.ColorOf(0.25));    // half way up the red side
        Assert.Equal("#b2182b", s.ColorOf(9));       // beyond the scale: its end
        Assert.Null(s.ColorOf(double.NaN));
    }

    [Fact]
    public void Values_of_one_sign_get_a_sequential_scale_within_the_given_limits()
    {
        var s = new ShadedText(["a", "b"], [0.2, 0.9], scale: ColorScale.Sequential, min: 0, max: 1);
        Assert.False(s.Diverging);
        Assert.Equal("#f7fbff", s.ColorOf(0));
        Assert.Equal("#6baed6", s.ColorOf(0.5));
        Assert.Equal("#08306b", s.ColorOf(1));
    }

    [Fact]
    public void Html_is_escaped_one_span_per_token_with_the_value_on_hover()
    {
        var s = new ShadedText(["<b>", "&", "ok"], [1, double.NaN, -1], title: "Δ p(positive) <when removed>");
        var html = s.Html();
        var root = XElement.Parse(html);
        var spans = root.Elements().ElementAt(1).Elements("span").ToArray();
        Assert.Equal(new[] { "<b>", "&", "ok" }, spans.Select(e => e.Value));
        Assert.Equal("+1.000", spans[0].Attribute("title")!.Value);
        Assert.Contains("background:#b2182b", spans[0].Attribute("style")!.Value);
        Assert.Null(spans[1].Attribute("style"));                          // NaN: unshaded
        Assert.Contains("&lt;when removed&gt;", html);
    }

    [Fact]
    public void Plain_text_marks_the_most_extreme_tokens_and_is_what_an_app_prints()
    {
        var s = new ShadedText(["a", "not", "good", "film"], [0.01, -0.4, 0.3, 0.02], title: "occlusion") { Marked = 2 };
        var text = s.Text();
        Assert.StartsWith("occlusion", text);
        Assert.Contains("a [not -0.400] [good +0.300] film", text);
        var app = new StringWriter();
        AppOutput.Write(s, app);
        Assert.Contains("[not -0.400]", app.ToString());
        Assert.DoesNotContain("<span", app.ToString());
    }

    [Fact]
    public void Mismatched_lengths_are_an_error_that_names_both_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => new ShadedText(["a", "b"], [1.0]));
        Assert.Contains("2 tokens but 1 values", e.Message);
        Assert.Throws<ArgumentException>(() => new ShadedText(["a"], [1.0], min: 1, max: 0));
    }
}
