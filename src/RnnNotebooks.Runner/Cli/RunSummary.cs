using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Cli;

/// <summary>Counts outcomes and renders the closing lines of a run.</summary>
public sealed class RunSummary
{
    private readonly List<(string Name, NotebookResult Result)> _results = [];

    /// <summary>Records one notebook's outcome.</summary>
    public void Add(string name, NotebookResult result) => _results.Add((name, result));

    /// <summary>Number of failed notebooks.</summary>
    public int Failed => _results.Count(r => r.Result.Status == NotebookStatus.Failed);

    /// <summary>The closing lines: one per skipped notebook with its reason, then "N passed, N failed[, N skipped]".</summary>
    public IReadOnlyList<string> ClosingLines()
    {
        var passed = _results.Count(r => r.Result.Status == NotebookStatus.Passed);
        var skipped = _results.Where(r => r.Result.Status == NotebookStatus.Skipped).ToList();
        var lines = skipped.Select(s => $"skipped {s.Name}: {s.Result.Message}").ToList();
        lines.Add($"{passed} passed, {Failed} failed" + (skipped.Count > 0 ? $", {skipped.Count} skipped" : ""));
        return lines;
    }
}
