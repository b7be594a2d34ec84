using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// Text on backgrounds coloured by one value per word or per character: what a model did at each word of a review,
/// what a hidden unit does at each character it reads. In a notebook it displays as HTML (the value on hover); in a
/// file-based app and as plain text, words print with the <see cref="Marked"/> largest values written beside them,
/// characters print line by line, each line above a line of digits 0 … 9.
/// <code>
/// display(new ShadedText(words, change, "occlusion: Δ p(positive)"))
/// display(ShadedText.Characters(excerpt, unitValues, "unit 17", min: -1, max: 1))
/// </code>
/// </summary>
public sealed class ShadedText
{
    private static readonly (double At, int R, int G, int B)[] DivergingStops =
        [(0, 0x21, 0x66, 0xac), (0.25, 0x92, 0xc5, 0xde), (0.5, 0xf7, 0xf7, 0xf7), (0.75, 0xf4, 0xa5, 0x82), (1, 0xb2, 0x18, 0x2b)];
    private static readonly (double At, int R, int G, int B)[] SequentialStops =
        [(0, 0xf7, 0xfb, 0xff), (0.5, 0x6b, 0xae, 0xd6), (1, 0x08, 0x30, 0x6b)];

    /// <summary>Words (or other tokens) with one value each; NaN leaves a token unshaded.</summary>
    /// <param name="tokens">The words, in reading order.</param>
    /// <param name="values">One value per token: finite, or NaN for none.</param>
    /// <param name="title">A line above the text (what the colour means), or null.</param>
    /// <param name="scale">Diverging (blue, white half-way, red), sequential (light to dark blue), or diverging when the scale's ends have both signs.</param>
    /// <param name="min">Value of the lowest colour, or null (the minimum, or −max|v| on a diverging scale).</param>
    /// <param name="max">Value of the highest colour, or null (the maximum, or +max|v| on a diverging scale).</param>
    /// <param name="separator">Written between tokens.</param>
    public ShadedText(IEnumerable<string> tokens, IEnumerable<double> values, string? title = null,
        ColorScale scale = ColorScale.Auto, double? min = null, double? max = null, string separator = " ")
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(separator);
        Tokens = tokens.Select(t => t ?? "").ToArray();
        Values = values.ToArray();
        if (Tokens.Count != Values.Count)
            throw new ArgumentException($"ShadedText: {Tokens.Count} tokens but {Values.Count} values; give one value per token.", nameof(values));
        for (int i = 0; i < Values.Count; i++)
            if (double.IsInfinity(Values[i]))
                throw new ArgumentException($"ShadedText: value {i} is {Values[i].ToString(CultureInfo.InvariantCulture)}; give finite values (NaN leaves a token unshaded).", nameof(values));
        Title = title;
        Separator = separator;
        (Diverging, Min, Max) = ScaleOf(Values, scale, min, max);
    }

    private ShadedText(string text, double[] values, string? title, (bool Diverging, double Min, double Max) scale)
    {
        Tokens = text.Select(c => c.ToString()).ToArray();
        Values = values;
        Title = title;
        Separator = "";
        PerCharacter = true;
        (Diverging, Min, Max) = scale;
    }

    /// <summary>
    /// <paramref name="text"/> with one finite value per character (per <c>char</c>). The HTML keeps the text's spaces
    /// and line breaks (a line break shows as ↵ and then breaks the line); the plain text puts a line of digits
    /// 0 … 9 (0 at <see cref="Min"/>, 9 at <see cref="Max"/>) under each line.
    /// </summary>
    /// <param name="text">The characters, line breaks included.</param>
    /// <param name="values">One finite value per character.</param>
    /// <param name="title">A line above the text, or null.</param>
    /// <param name="scale">As for words; diverging by default, so that <paramref name="min"/> and <paramref name="max"/> are blue and red whatever their signs.</param>
    /// <param name="min">Value of the lowest colour, or null (as for words).</param>
    /// <param name="max">Value of the highest colour, or null (as for words).</param>
    public static ShadedText Characters(string text, IReadOnlyList<double> values, string? title = null,
        ColorScale scale = ColorScale.Diverging, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != text.Length)
            throw new ArgumentException($"ShadedText.Characters: {values.Count} values for {text.Length} characters; give one value per character.", nameof(values));
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"ShadedText.Characters: value {i} is {values[i].ToString(CultureInfo.InvariantCulture)}; every character needs a finite value.", nameof(values));
        return new ShadedText(text, values.ToArray(), title, ScaleOf(values, scale, min, max));
    }

    /// <summary>The tokens, in reading order: words, or one string per character.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>One value per token.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The line above the text, or null.</summary>
    public string? Title { get; }

    /// <summary>What is written between tokens ("" for characters).</summary>
    public string Separator { get; }

    /// <summary>True when made by <see cref="Characters"/>: one token per character, shown as text with its line breaks.</summary>
    public bool PerCharacter { get; }

    /// <summary>True for the blue–white–red scale (white half-way between <see cref="Min"/> and <see cref="Max"/>); false for light to dark blue.</summary>
    public bool Diverging { get; }

    /// <summary>The value of the lowest colour (lower values get it too).</summary>
    public double Min { get; }

    /// <summary>The value of the highest colour (higher values get it too).</summary>
    public double Max { get; }

    /// <summary>For words: how many tokens the plain text marks with their value, the largest |value| (diverging) or the largest values.</summary>
    public int Marked { get; init; } = 8;

    /// <summary>The background of <paramref name="value"/> as a CSS colour (#rrggbb), or null for NaN.</summary>
    public string? ColorOf(double value)
    {
        if (!double.IsFinite(value)) return null;
        var stops = Diverging ? DivergingStops : SequentialStops;
        double u = Math.Clamp((value - Min) / (Max - Min), 0, 1);
        int k = 1;
        while (k < stops.Length - 1 && u > stops[k].At) k++;
        var (a, b) = (stops[k - 1], stops[k]);
        double s = (u - a.At) / (b.At - a.At);
        int Mix(int x, int y) => (int)Math.Round(x + (y - x) * s);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    /// <summary>The digit the plain text of <see cref="Characters"/> writes for <paramref name="value"/>: 0 at <see cref="Min"/> (and below) to 9 at <see cref="Max"/> (and above).</summary>
    public int DigitOf(double value) => (int)Math.Round(9 * Math.Clamp((value - Min) / (Max - Min), 0, 1));

    /// <summary>
    /// The text as HTML, all of it escaped: one span per token, its background from <see cref="ColorOf"/>, its value on
    /// hover; characters inside a <c>pre</c> block. Then the colour scale.
    /// </summary>
    public string Html()
    {
        var sb = new StringBuilder("<div class=\"rnn-shaded-text\" style=\"font-size:14px;line-height:1.9;max-width:900px\">");
        if (Title is not null) sb.Append("<div style=\"font-weight:bold\">").Append(E(Title)).Append("</div>");
        sb.Append(PerCharacter ? "<pre style=\"font-size:13px;line-height:1.5;white-space:pre-wrap;margin:4px 0\">" : "<div>");
        for (int t = 0; t < Tokens.Count; t++)
        {
            if (t > 0 && Separator.Length > 0) sb.Append(E(Separator));
            bool lineBreak = PerCharacter && Tokens[t] == "\n";
            var color = ColorOf(Values[t]);
            sb.Append("<span title=\"").Append(E(Number(Values[t]))).Append('"');
            if (color is not null)
                sb.Append(" style=\"background:").Append(color).Append(";color:").Append(Dark(color) ? "#fff" : "#000")
                  .Append(PerCharacter ? "" : ";padding:1px 2px;border-radius:2px").Append('"');
            sb.Append('>').Append(lineBreak ? "↵" : E(Tokens[t])).Append("</span>");
            if (lineBreak) sb.Append('\n');
        }
        sb.Append(PerCharacter ? "</pre>" : "</div>").Append("<div style=\"font-size:12px;color:#555\">colour scale: ");
        foreach (var v in new[] { Min, (Min + Max) / 2, Max })
            sb.Append("<span style=\"background:").Append(ColorOf(v)).Append(";color:").Append(Dark(ColorOf(v)!) ? "#fff" : "#000")
              .Append(";padding:1px 6px;margin-right:4px\">").Append(E(Number(v))).Append("</span>");
        sb.Append("</div></div>");
        return sb.ToString();
    }

    /// <summary>
    /// The text as plain text, after the title. Words: the <see cref="Marked"/> most extreme written as
    /// <c>[token +0.123]</c>. Characters: each line (a space shown as ␣, a line break as ↵) above its digits
    /// (<see cref="DigitOf"/>). Then the scale in one line.
    /// </summary>
    public string Text()
    {
        var sb = new StringBuilder();
        if (Title is not null) sb.AppendLine(Title);
        if (PerCharacter)
        {
            for (int start = 0; start < Tokens.Count;)
            {
                int end = start;
                while (end < Tokens.Count && Tokens[end] != "\n") end++;
                end = Math.Min(end + 1, Tokens.Count);                  // the line break belongs to its line
                sb.Append("  ").AppendLine(string.Concat(Tokens.Skip(start).Take(end - start).Select(c => c == "\n" ? "↵" : c == " " ? "␣" : c)));
                sb.Append("  ").AppendLine(string.Concat(Values.Skip(start).Take(end - start).Select(v => (char)('0' + DigitOf(v)))));
                start = end;
            }
            sb.Append($"(under each character a digit: 0 at {Number(Min)} to 9 at {Number(Max)})");
            return sb.ToString();
        }
        var marked = Enumerable.Range(0, Tokens.Count).Where(t => double.IsFinite(Values[t]))
            .OrderByDescending(t => Diverging ? Math.Abs(Values[t]) : Values[t]).Take(Math.Max(0, Marked)).ToHashSet();
        for (int t = 0; t < Tokens.Count; t++)
        {
            if (t > 0) sb.Append(Separator);
            sb.Append(marked.Contains(t) ? $"[{Tokens[t]} {Number(Values[t])}]" : Tokens[t]);
        }
        sb.AppendLine();
        sb.Append($"(in brackets: the {marked.Count} {(Diverging ? "largest |values|" : "largest values")}; colour scale {Number(Min)} to {Number(Max)})");
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text();

    /// <summary>Registers the HTML and plain-text rendering. Called by <c>Notebook.Setup()</c>.</summary>
    public static void Register()
    {
        Formatter.Register<ShadedText>((s, writer) => writer.Write(s.Html()), HtmlFormatter.MimeType);
        Formatter.Register<ShadedText>((s, writer) => writer.Write(s.Text()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ShadedText), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }

    private static (bool Diverging, double Min, double Max) ScaleOf(IReadOnlyList<double> values, ColorScale scale, double? min, double? max)
    {
        if (min is { } l && !double.IsFinite(l) || max is { } h && !double.IsFinite(h) || min is { } lo && max is { } hi && !(lo < hi))
            throw new ArgumentOutOfRangeException(nameof(max),
                $"ShadedText: the scale needs finite min < max, got min {min?.ToString(CultureInfo.InvariantCulture) ?? "from the values"}, max {max?.ToString(CultureInfo.InvariantCulture) ?? "from the values"}.");
        var finite = values.Where(double.IsFinite).ToArray();
        double vMin = finite.Length > 0 ? finite.Min() : 0, vMax = finite.Length > 0 ? finite.Max() : 1;
        bool diverging = ColorScales.IsDiverging(scale, min ?? vMin, max ?? vMax);
        double extent = Math.Max(Math.Abs(min ?? vMin), Math.Abs(max ?? vMax));
        if (extent == 0) extent = 1;
        var (from, to) = diverging ? (min ?? -extent, max ?? extent) : (min ?? vMin, max ?? vMax);
        if (to <= from)                                                 // one end from the values and beyond the other
        {
            if (max is null) to = from + 1; else from = to - 1;
        }
        return (diverging, from, to);
    }

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "NaN";

    private static bool Dark(string hex)
    {
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return 0.299 * r + 0.587 * g + 0.114 * b < 140;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
