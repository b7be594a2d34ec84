using System.Globalization;
using System.Text;

namespace RnnNotebooks.Viz.Svg;

/// <summary>XML escaping and number formatting for SVG output.</summary>
internal static class SvgText
{
    /// <summary>Escapes text for XML content and attributes; drops characters XML 1.0 forbids.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\t' or '\n' or '\r': sb.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A coordinate with at most two decimals, invariant culture.</summary>
    public static string N(double v) => double.IsFinite(v) ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>Rough width in pixels of <paramref name="text"/> in a sans-serif font.</summary>
    public static double Width(string? text, double fontSize) => (text?.Length ?? 0) * fontSize * 0.58;
}
