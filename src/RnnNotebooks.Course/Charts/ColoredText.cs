using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// Text with one value per character, shown as the character on a background colour: blue at <see cref="Min"/>, white
/// half-way, red at <see cref="Max"/> (the diverging scale of the course's heatmaps), the value on hover. Karpathy's
/// way of showing what a hidden unit does while it reads. In a notebook it displays as HTML; as text (a notebook's app, a
/// console) each line of text is followed by a line of digits 0 … 9 (0 at <see cref="Min"/>, 9 at <see cref="Max"/>).
/// </summary>
public sealed class ColoredText
{
    private static readonly (double At, int R, int G, int B)[] Stops =
        [(0.0, 0x21, 0x66, 0xac), (0.25, 0x92, 0xc5, 0xde), (0.5, 0xf7, 0xf7, 0xf7), (0.75, 0xf4, 0xa5, 0x82), (1.0, 0xb2, 0x18, 0x2b)];

    private ColoredText(string text, double[] values, string title, double min, double max)
    {
        Text = text; Values = values; Title = title; Min = min; Max = max;
    }

    /// <summary>The characters shown.</summary>
    public string Text { get; }
    /// <summary>One value per character of <see cref="Text"/>.</summary>
    public IReadOnlyList<double> Values { get; }
    /// <summary>A heading above the text (may be empty).</summary>
    public string Title { get; }
    /// <summary>The value drawn blue (and below it, clamped).</summary>
    public double Min { get; }
    /// <summary>The value drawn red (and above it, clamped).</summary>
    public double Max { get; }

    /// <summary>
    /// <paramref name="text"/> coloured by <paramref name="values"/> (one finite value per character) on the scale
    /// [<paramref name="min"/>, <paramref name="max"/>] (finite, min &lt; max; values outside are clamped).
    /// </summary>
    public static ColoredText Of(string text, IReadOnlyList<double> values, string title = "", double min = -1, double max = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(title);
        if (values.Count != text.Length)
            throw new ArgumentException($"ColoredText: {values.Count} values for {text.Length} characters; give one value per character.", nameof(values));
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i])) throw new ArgumentException($"ColoredText: value {i} is {values[i]}.", nameof(values));
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
            throw new ArgumentOutOfRangeException(nameof(max), $"ColoredText: the scale needs finite min < max, got min {min}, max {max}.");
        return new ColoredText(text, values.ToArray(), title, min, max);
    }

    /// <summary>The background colour of <paramref name="value"/>, <c>#rrggbb</c>.</summary>
    public string ColorOf(double value)
    {
        double t = Math.Clamp((value - Min) / (Max - Min), 0, 1);
        int k = 1;
        while (k < Stops.Length - 1 && t > Stops[k].At) k++;
        var (a, b) = (Stops[k - 1], Stops[k]);
        double f = (t - a.At) / (b.At - a.At);
        int Mix(int x, int y) => (int)Math.Round(x + f * (y - x));
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    /// <summary>The digit 0 … 9 that <paramref name="value"/> maps to in the text rendering.</summary>
    public int DigitOf(double value) => (int)Math.Round(9 * Math.Clamp((value - Min) / (Max - Min), 0, 1));

    /// <summary>One <c>span</c> per character inside a <c>pre</c> block; a line break is shown as ↵ and then breaks the line.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"rnn-colored-text\">");
        if (Title.Length > 0) html.Append("<div><b>").Append(WebUtility.HtmlEncode(Title)).Append("</b></div>");
        html.Append("<pre style=\"line-height:1.5;font-size:13px;white-space:pre-wrap\">");
        for (int i = 0; i < Text.Length; i++)
        {
            char c = Text[i];
            string shown = c == '\n' ? "↵" : WebUtility.HtmlEncode(c.ToString());
            html.Append("<span style=\"background:").Append(ColorOf(Values[i])).Append("\" title=\"")
                .Append(Values[i].ToString("+0.000;-0.000", CultureInfo.InvariantCulture)).Append("\">").Append(shown).Append("</span>");
            if (c == '\n') html.Append('\n');
        }
        return html.Append("</pre>").Append(Legend()).Append("</div>").ToString();
    }

    /// <summary>The title, then each line of the text (a space shown as ␣) above a line of digits 0 … 9.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Title.Length > 0) text.AppendLine(Title);
        int start = 0;
        for (int i = 0; i <= Text.Length; i++)
        {
            if (i < Text.Length && Text[i] != '\n') continue;
            int end = Math.Min(i + 1, Text.Length);                      // the line break belongs to its line
            if (end > start)
            {
                text.Append("  ").AppendLine(string.Concat(Text[start..end].Select(c => c == '\n' ? '↵' : c == ' ' ? '␣' : c)));
                text.Append("  ").AppendLine(string.Concat(Enumerable.Range(start, end - start).Select(k => (char)('0' + DigitOf(Values[k])))));
            }
            start = end;
        }
        return text.ToString();
    }

    private string Legend()
    {
        string Swatch(double v) => $"<span style=\"background:{ColorOf(v)}\">&nbsp;{v.ToString("0.##", CultureInfo.InvariantCulture)}&nbsp;</span>";
        return $"<div style=\"font-size:12px\">{Swatch(Min)} {Swatch((Min + Max) / 2)} {Swatch(Max)}</div>";
    }

    /// <summary>Registers the HTML and plain-text renderings. Called by <c>Notebook.Setup()</c>.</summary>
    public static void Register()
    {
        Formatter.Register<ColoredText>((t, writer) => writer.Write(t.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<ColoredText>((t, writer) => writer.Write(t.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ColoredText), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
