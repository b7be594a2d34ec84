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
    public void Bad_word_input_is_an_error_that_names_the_class_the_counts_and_the_value()
    {
        var e = Assert.Throws<ArgumentException>(() => new ShadedText(["a", "b"], [1.0]));
        Assert.Contains("ShadedText: 2 tokens but 1 values", e.Message);
        Assert.Contains("value 1 is Infinity", Assert.Throws<ArgumentException>(() => new ShadedText(["a", "b"], [1.0, double.PositiveInfinity])).Message);
        Assert.Contains("got min 1, max 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ShadedText(["a"], [1.0], min: 1, max: 0)).Message);
        Assert.Contains("got min NaN", Assert.Throws<ArgumentOutOfRangeException>(() => new ShadedText(["a"], [1.0], min: double.NaN)).Message);
    }

    [Fact]
    public void Characters_with_given_limits_run_blue_white_red_from_min_to_max_and_clamp_outside()
    {
        var t = ShadedText.Characters("abc", [0, 0, 0], min: 0, max: 4);   // both limits positive: still diverging by default
        Assert.True(t.Diverging);
        Assert.True(t.PerCharacter);
        Assert.Equal(new[] { "a", "b", "c" }, t.Tokens);
        Assert.Equal("#2166ac", t.ColorOf(0));
        Assert.Equal("#92c5de", t.ColorOf(1));
        Assert.Equal("#f7f7f7", t.ColorOf(2));                             // white half-way, not at zero
        Assert.Equal("#b2182b", t.ColorOf(4));
        Assert.Equal("#2166ac", t.ColorOf(-7));
        Assert.Equal("#b2182b", t.ColorOf(99));
        // Half-way between #f7f7f7 and #f4a582 (u = 0.625): (247+244)/2 = 245.5 → 246 = f6, (247+165)/2 = 206 = ce, (247+130)/2 = 188.5 → 188 = bc (banker's rounding of .5 to even).
        Assert.Equal("#f6cebc", t.ColorOf(2.5));
        Assert.Equal((0, 4, 9), (t.DigitOf(-1), t.DigitOf(2), t.DigitOf(5)));  // 9 × 0.5 = 4.5 → 4 (to even)
    }

    [Fact]
    public void Characters_without_limits_are_symmetric_around_zero()
    {
        var t = ShadedText.Characters("ab", [-0.5, 0.25]);
        Assert.Equal((-0.5, 0.5), (t.Min, t.Max));
    }

    [Fact]
    public void Characters_html_is_a_pre_block_one_escaped_span_per_character_line_breaks_shown_as_a_return_sign()
    {
        var t = ShadedText.Characters("a<\n b", [-1, 0, 1, 1, 0.5], title: "unit 7 & co", min: -1, max: 1);
        var html = t.Html();
        Assert.Contains("<div style=\"font-weight:bold\">unit 7 &amp; co</div>", html);
        Assert.Contains("<span title=\"-1.000\" style=\"background:#2166ac;color:#fff\">a</span>", html);
        Assert.Contains("<span title=\"0.000\" style=\"background:#f7f7f7;color:#000\">&lt;</span>", html);
        Assert.Contains("<span title=\"+1.000\" style=\"background:#b2182b;color:#fff\">↵</span>\n<span", html);   // ↵, then the line breaks
        Assert.Contains("<span title=\"+1.000\" style=\"background:#b2182b;color:#fff\"> </span>", html);            // the space kept
        var pre = Assert.Single(XElement.Parse(html, LoadOptions.PreserveWhitespace).Elements("pre"));
        Assert.Contains("white-space:pre-wrap", pre.Attribute("style")!.Value);
        Assert.Equal(new[] { "a", "<", "↵", " ", "b" }, pre.Elements("span").Select(e => e.Value));
        Assert.Equal("a<↵\n b", pre.Value);                               // nothing between the characters but the line break
    }

    [Fact]
    public void Characters_plain_text_puts_a_digit_line_under_each_line_and_is_what_an_app_prints()
    {
        var t = ShadedText.Characters("ab c\nde", [-1, -0.5, 0, 0.5, 1, 0.2, -0.2], title: "position", min: -1, max: 1);
        // Digits round(9 (v + 1) / 2): -1 → 0, -0.5 → 2.25 → 2, 0 → 4.5 → 4, 0.5 → 6.75 → 7, 1 → 9, 0.2 → 5.4 → 5, -0.2 → 3.6 → 4.
        const string expected = "position\n  ab␣c↵\n  02479\n  de\n  54\n(under each character a digit: 0 at -1.000 to 9 at +1.000)";
        Assert.Equal(expected, t.Text().Replace("\r\n", "\n"));
        var app = new StringWriter();
        AppOutput.Write(t, app);
        Assert.Equal(expected + "\n", app.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Characters_plain_text_of_a_text_ending_in_a_line_break_has_no_empty_last_line()
    {
        var t = ShadedText.Characters("a\n", [1, -1], min: -1, max: 1);
        Assert.Equal("  a↵\n  90\n(under each character a digit: 0 at -1.000 to 9 at +1.000)", t.Text().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Bad_character_input_is_an_error_that_names_the_class_the_counts_and_the_value()
    {
        Assert.Contains("ShadedText.Characters: 2 values for 3 characters", Assert.Throws<ArgumentException>(() => ShadedText.Characters("abc", [1.0, 2.0])).Message);
        Assert.Contains("value 1 is NaN", Assert.Throws<ArgumentException>(() => ShadedText.Characters("ab", [1.0, double.NaN])).Message);
        Assert.Contains("ShadedText: the scale needs finite min < max, got min 1, max 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => ShadedText.Characters("ab", [1.0, 1.0], min: 1, max: 1)).Message);
    }
}
