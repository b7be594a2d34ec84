using RnnNotebooks.Course.Charts;

namespace RnnNotebooks.Course.Tests.Charts;

public class ColoredTextTests
{
    [Fact]
    public void Colours_run_blue_white_red_across_the_scale_and_clamp_outside_it()
    {
        var t = ColoredText.Of("abc", [0, 0, 0], min: 0, max: 4);
        Assert.Equal("#2166ac", t.ColorOf(0));
        Assert.Equal("#92c5de", t.ColorOf(1));
        Assert.Equal("#f7f7f7", t.ColorOf(2));
        Assert.Equal("#b2182b", t.ColorOf(4));
        Assert.Equal("#2166ac", t.ColorOf(-7));
        Assert.Equal("#b2182b", t.ColorOf(99));
        // Half-way between #f7f7f7 and #f4a582 (t = 0.625): (247+244)/2 = 245.5 → 246 = f6, (247+165)/2 = 206 = ce, (247+130)/2 = 188.5 → 188 = bc (banker's rounding of .5 to even).
        Assert.Equal("#f6cebc", t.ColorOf(2.5));
    }

    [Fact]
    public void Html_has_one_coloured_span_per_character_escaped_with_line_breaks_marked()
    {
        var t = ColoredText.Of("a<\nb", [-1, 0, 1, 1], title: "unit 7 & co");
        string html = t.ToHtml();
        Assert.Contains("<b>unit 7 &amp; co</b>", html);
        Assert.Contains("<span style=\"background:#2166ac\" title=\"-1.000\">a</span>", html);
        Assert.Contains("<span style=\"background:#f7f7f7\" title=\"+0.000\">&lt;</span>", html);
        Assert.Contains("<span style=\"background:#b2182b\" title=\"+1.000\">↵</span>\n", html);
        Assert.Contains("title=\"+1.000\">b</span>", html);
        Assert.Equal(4, html.Split("<span style=\"background:#").Length - 1 - 3);   // four characters, three legend swatches
    }

    [Fact]
    public void Text_puts_a_digit_line_under_each_line()
    {
        var t = ColoredText.Of("ab c\nde", [-1, -0.5, 0, 0.5, 1, 0.2, -0.2], title: "position");
        Assert.Equal("position\n  ab␣c↵\n  02479\n  de\n  54\n", t.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Contains("2 values for 3 characters", Assert.Throws<ArgumentException>(() => ColoredText.Of("abc", [1.0, 2.0])).Message);
        Assert.Contains("value 1 is NaN", Assert.Throws<ArgumentException>(() => ColoredText.Of("ab", [1.0, double.NaN])).Message);
        Assert.Contains("min 1, max 1", Assert.Throws<ArgumentOutOfRangeException>(() => ColoredText.Of("ab", [1.0, 1.0], min: 1, max: 1)).Message);
    }
}
