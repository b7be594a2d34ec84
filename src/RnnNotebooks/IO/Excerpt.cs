using System.Globalization;
using System.Text;

namespace RnnNotebooks.IO;

/// <summary>
/// Cuts a value echoed in an error message to a readable length, so a 20 MB line or a huge JSON
/// value never becomes a 20-million-character message. Control characters are shown escaped.
/// </summary>
public static class Excerpt
{
    /// <summary>Characters kept by default.</summary>
    public const int DefaultLength = 80;

    /// <summary>
    /// <paramref name="value"/> itself when short, else its first <paramref name="maxLength"/>
    /// characters, "...", and the full length, e.g. <c>2020-01-02,0,0,... (20,000,035 characters)</c>.
    /// </summary>
    public static string Of(string? value, int maxLength = DefaultLength)
    {
        if (value is null) return "(null)";
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1.");
        bool cut = value.Length > maxLength;
        var head = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        var sb = new StringBuilder(head.Length + 32);
        foreach (char c in head)
        {
            switch (c)
            {
                case '\r': sb.Append("\\r"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append($"\\u{(int)c:X4}");
                    else sb.Append(c);
                    break;
            }
        }
        if (cut) sb.Append(CultureInfo.InvariantCulture, $"... ({value.Length:N0} characters)");
        return sb.ToString();
    }
}
