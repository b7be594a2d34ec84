using System.Net;
using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Apps;

/// <summary>
/// Holds an app's console output against the executed notebook it was made from: every line a cell printed and every
/// row of a displayed table must appear in the app's output, in order, with the same numbers. A line may differ only
/// in its timings (numbers in a line that speaks of seconds, elapsed time or speed). The app's own lines (progress
/// bars, chart paths) have no counterpart in the notebook and are skipped.
/// </summary>
public static partial class AppComparison
{
    /// <summary>The outcome: lines compared, equal, differing only in timings, and those that differ otherwise or are missing.</summary>
    public sealed record Result(int Compared, int Equal, IReadOnlyList<(string Kernel, string App)> Timings, IReadOnlyList<(string Kernel, string? App)> Different)
    {
        /// <summary>True when every line is equal or differs only in timings.</summary>
        public bool Same => Different.Count == 0;
    }

    /// <summary>Compares <paramref name="notebook"/>'s printed lines and table rows with <paramref name="appOutput"/>.</summary>
    public static Result Compare(NotebookDocument notebook, string appOutput)
    {
        // A line may differ in timings when it, or the header above it (the nearest line without digits, or a table's
        // header row), speaks of time.
        var kernel = new List<(string Line, bool Timing)>();
        var header = "";
        foreach (var (raw, isHeader) in Lines(notebook))
        {
            var line = Normalize(raw);
            if (line.Length == 0 || RulePattern().IsMatch(line)) continue;
            if (isHeader || !DigitPattern().IsMatch(line)) header = line;
            kernel.Add((line, IsTiming(line) || IsTiming(header)));
        }
        var app = appOutput.ReplaceLineEndings("\n").Split('\n').Where(l => !AppOnly(l)).Select(Normalize).Where(l => l.Length > 0).ToList();
        int at = 0, equal = 0;
        var timings = new List<(string, string)>();
        var different = new List<(string, string?)>();
        foreach (var (line, timing) in kernel)
        {
            var exact = app.IndexOf(line, at);
            if (exact >= 0)
            {
                equal++;
                at = exact + 1;
                continue;
            }
            var shape = Shape(line);
            var similar = app.FindIndex(at, l => Shape(l) == shape);
            if (similar >= 0 && timing)
            {
                timings.Add((line, app[similar]));
                at = similar + 1;
            }
            else
            {
                different.Add((line, similar >= 0 ? app[similar] : null));
                if (similar >= 0) at = similar + 1;
            }
        }
        return new Result(kernel.Count, equal, timings, different);
    }

    /// <summary>Lines the kernel run shows as text: stdout streams, and each row of a displayed course table (cells joined by two spaces).</summary>
    public static IEnumerable<string> KernelLines(NotebookDocument notebook) => Lines(notebook).Select(l => l.Line);

    // The kernel's lines, each marked when it is a table's header row (its cells are th).
    private static IEnumerable<(string Line, bool Header)> Lines(NotebookDocument notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            foreach (var output in cell.Outputs.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var type = output["output_type"]?.ToString();
                if (type == "stream" && output["name"]?.ToString() == "stdout")
                {
                    foreach (var line in MultilineText.Read(output["text"]).Split('\n')) yield return (line, false);
                }
                else if (type is "display_data" or "execute_result" && output["data"]?["text/html"] is { } html
                         && MultilineText.Read(html) is var table && table.Contains("rnn-table", StringComparison.Ordinal))
                {
                    foreach (Match row in RowPattern().Matches(table))
                    {
                        var cells = CellPattern().Matches(row.Value).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, ""))).ToList();
                        yield return (string.Join("  ", cells), row.Value.Contains("<th", StringComparison.Ordinal));
                    }
                }
                else if (type is "display_data" or "execute_result" && output["data"]?["text/html"] is null && output["data"]?["text/plain"] is { } plain)
                {
                    foreach (var line in MultilineText.Read(plain).Split('\n')) yield return (line, false);
                }
            }
        }
    }

    private static bool AppOnly(string line) =>
        BarPattern().IsMatch(line) || line.StartsWith("Chart", StringComparison.Ordinal) || line.StartsWith("  written to ", StringComparison.Ordinal)
        || RulePattern().IsMatch(line);

    private static string Normalize(string line) => SpacePattern().Replace(line.Trim(), " ");

    private static string Shape(string line) => NumberPattern().Replace(line, "#");

    private static bool IsTiming(string line) => TimingPattern().IsMatch(line);

    [GeneratedRegex(@"\[[#.]{20}\]")] private static partial Regex BarPattern();
    [GeneratedRegex(@"^[\s-]+$")] private static partial Regex RulePattern();
    [GeneratedRegex(@"\d")] private static partial Regex DigitPattern();
    [GeneratedRegex(@"\s+")] private static partial Regex SpacePattern();
    [GeneratedRegex(@"[-+]?\d[\d,]*(\.\d+)?([eE][-+]?\d+)?")] private static partial Regex NumberPattern();
    [GeneratedRegex(@"(?i)\bs\b|second|elapsed|\btime|speed|/s\b|\bms\b|per epoch|minute")] private static partial Regex TimingPattern();
    [GeneratedRegex(@"<tr>.*?</tr>", RegexOptions.Singleline)] private static partial Regex RowPattern();
    [GeneratedRegex(@"<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)] private static partial Regex CellPattern();
    [GeneratedRegex(@"<[^>]+>")] private static partial Regex TagPattern();
}
