using System.Globalization;

namespace RnnNotebooks.Runner.Workshop;

/// <summary>
/// The run times in a document (the instructor guide): the text between <see cref="Begin"/> and <see cref="End"/> is
/// the report of the last <c>prepare --guide &lt;file&gt;</c>, written by the run, never by hand.
/// </summary>
public static class GuideTimes
{
    /// <summary>The line that opens the generated section.</summary>
    public const string Begin = "<!-- prepare-times: written by 'rnn-notebooks prepare --guide <this file>' from its run; not edited by hand -->";

    /// <summary>The line that closes it.</summary>
    public const string End = "<!-- /prepare-times -->";

    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="path"/> unless <paramref name="text"/> has one section to rewrite.</summary>
    public static void Check(string text, string path) => _ = Section(text, path);

    /// <summary>
    /// <paramref name="text"/> with its section replaced by <paramref name="report"/> (the table, parameters, hardware,
    /// load and total) under a line saying when <c>prepare</c> measured it.
    /// </summary>
    public static string Rewrite(string text, string path, WorkshopReport report, DateOnly measured)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (start, end) = Section(text, path);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var body = string.Create(CultureInfo.InvariantCulture, $"Measured by `prepare` on {measured:yyyy-MM-dd}:\n\n{report.ToMarkdown()}");
        return text[..start] + Begin + newline + body.ReplaceLineEndings(newline) + text[end..];
    }

    // From the start of the Begin line to the start of the End line.
    private static (int Start, int End) Section(string text, string path)
    {
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < 0 || end < start)
        {
            throw new FormatException($"{path} has no section for the run times: it needs the line '{Begin}' and, below it, '{End}'");
        }
        if (text.IndexOf(Begin, start + Begin.Length, StringComparison.Ordinal) >= 0)
        {
            throw new FormatException($"{path} has more than one section for the run times ('{Begin}')");
        }
        return (start, end);
    }
}
