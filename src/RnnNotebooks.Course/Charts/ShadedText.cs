using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// Text whose tokens (words, characters) sit on a background coloured by one value each: what a model did at each
/// word of a review, a gate's value at each step. In a notebook it displays as HTML (the value on hover); in a
/// file-based app and as plain text it prints the text with the <see cref="Marked"/> largest values written beside
/// their tokens.
/// <code>
/// display(new ShadedText(words, change, "occlusion: Δ p(positive)"))
/// </code>
/// </summary>
public sealed class ShadedText
{
    private static readonly (double At, int R, int G, int B)[] DivergingStops =
        [(0, 0x21, 0x66, 0xac), (0.25, 0x92, 0xc5, 0xde), (0.5, 0xf7, 0xf7, 0xf7), (0.75, 0xf4, 0xa5, 0x82), (1, 0xb2, 0x18, 0x2b)];
    private static readonly (double At, int R, int G, int B)[] SequentialStops =
        [(0, 0xf7, 0xfb, 0xff), (0.5, 0x6b, 0xae, 0xd6), (1, 0x08, 0x30, 0x6b)];

    /// <summary>One value per token; NaN leaves a token unshaded.</summary>
    /// <param name="tokens">The words or characters, in reading order.</param>
    /// <param name="values">One value per token.</param>
    /// <param name="title">A line above the text (what the colour means), or null.</param>
    /// <param name="scale">Diverging (blue below 0, white at 0, red above), sequential (light to dark blue), or chosen from the signs.</param>
    /// <param name="min">Value of the lowest colour, or null (the minimum, or −max|v| on a diverging scale).</param>
    /// <param name="max">Value of the highest colour, or null (the maximum, or +max|v| on a diverging scale).</param>
    /// <param name="separator">Written between tokens: a space for words, "" for characters.</param>
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
        if (min is { } lo && max is { } hi && hi <= lo)
            throw new ArgumentException($"ShadedText: 'max' ({hi}) must be greater than 'min' ({lo}).", nameof(max));
        Title = title;
        Separator = separator;
        var finite = Values.Where(double.IsFinite).ToArray();
        double vMin = finite.Length > 0 ? finite.Min() : 0, vMax = finite.Length > 0 ? finite.Max() : 1;
        Diverging = ColorScales.IsDiverging(scale, min ?? vMin, max ?? vMax);
        if (Diverging)
        {
            double extent = Math.Max(Math.Abs(min ?? vMin), Math.Abs(max ?? vMax));
            if (extent == 0) extent = 1;
            (Min, Max) = (min ?? -extent, max ?? extent);
        }
        else
        {
            (Min, Max) = (min ?? vMin, max ?? vMax);
            if (Max <= Min) Max = Min + 1;
        }
    }

    /// <summary>The tokens, in reading order.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>One value per token.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The line above the text, or null.</summary>
    public string? Title { get; }

    /// <summary>What is written between tokens.</summary>
    public string Separator { get; }

    /// <summary>True for the blue–white–red scale centred on 0; false for light to dark blue.</summary>
    public bool Diverging { get; }

    /// <summary>The value of the lowest colour.</summary>
    public double Min { get; }

    /// <summary>The value of the highest colour.</summary>
    public double Max { get; }

    /// <summary>How many tokens the plain text marks with their value: the largest |value| (diverging) or the largest values.</summary>
    public int Marked { get; init; } = 8;

    /// <summary>The background of <paramref name="value"/> as a CSS colour (#rrggbb), or null for NaN.</summary>
    public string? ColorOf(double value)
    {
        if (!double.IsFinite(value)) return null;
        double u = Math.Clamp((value - Min) / (Max - Min), 0, 1);
        var stops = Diverging ? DivergingStops : SequentialStops;
        int k = 1;
        while (k < stops.Length - 1 && u > stops[k].At) k++;
        var (a, b) = (stops[k - 1], stops[k]);
        double s = (u - a.At) / (b.At - a.At);
        int Mix(int x, int y) => (int)Math.Round(x + (y - x) * s);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    /// <summary>The text as HTML: one span per token, its background from <see cref="ColorOf"/>, its value on hover, all text escaped.</summary>
    public string Html()
    {
        var sb = new StringBuilder("<div class=\"rnn-shaded-text\" style=\"font-size:14px;line-height:1.9;max-width:900px\">");
        if (Title is not null) sb.Append("<div style=\"font-weight:bold\">").Append(E(Title)).Append("</div>");
        sb.Append("<div>");
        for (int t = 0; t < Tokens.Count; t++)
        {
            if (t > 0 && Separator.Length > 0) sb.Append(E(Separator));
            var color = ColorOf(Values[t]);
            sb.Append("<span title=\"").Append(E(Number(Values[t]))).Append('"');
            if (color is not null)
                sb.Append(" style=\"background:").Append(color).Append(";color:").Append(Dark(color) ? "#fff" : "#000").Append(";padding:1px 2px;border-radius:2px\"");
            sb.Append('>').Append(E(Tokens[t])).Append("</span>");
        }
        sb.Append("</div><div style=\"font-size:12px;color:#555\">colour scale: ");
        foreach (var v in new[] { Min, (Min + Max) / 2, Max })
            sb.Append("<span style=\"background:").Append(ColorOf(v)).Append(";color:").Append(Dark(ColorOf(v)!) ? "#fff" : "#000")
              .Append(";padding:1px 6px;margin-right:4px\">").Append(E(Number(v))).Append("</span>");
        sb.Append("</div></div>");
        return sb.ToString();
    }

    /// <summary>
    /// The text as plain text: the tokens, with the <see cref="Marked"/> most extreme written as <c>[token +0.123]</c>,
    /// then the scale in one line.
    /// </summary>
    public string Text()
    {
        var marked = Enumerable.Range(0, Tokens.Count).Where(t => double.IsFinite(Values[t]))
            .OrderByDescending(t => Diverging ? Math.Abs(Values[t]) : Values[t]).Take(Math.Max(0, Marked)).ToHashSet();
        var sb = new StringBuilder();
        if (Title is not null) sb.AppendLine(Title);
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

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "NaN";

    private static bool Dark(string hex)
    {
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return 0.299 * r + 0.587 * g + 0.114 * b < 140;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
