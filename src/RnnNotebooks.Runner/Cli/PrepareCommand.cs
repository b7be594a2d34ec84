using System.Globalization;
using System.Text;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Export;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Workshop;

namespace RnnNotebooks.Runner.Cli;

/// <summary>
/// <c>rnn-notebooks prepare</c>: runs every notebook for a workshop, checks which ran on real data,
/// writes the executed copies, the HTML site and a report, and prints the report.
/// </summary>
public static class PrepareCommand
{
    /// <summary>Runs the command; returns 0 only when every notebook passed on real data (or <c>--allow-samples</c>).</summary>
    public static async Task<int> RunAsync(PrepareArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var run = arguments.Run;
        if (arguments.Guide is { } guide)
        {
            try
            {
                GuideTimes.Check(File.ReadAllText(guide), guide);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new UsageException($"--guide {guide}: {(e is FormatException ? e.Message : $"cannot be read ({e.Message})")}");
            }
        }
        var notebooks = NotebookDiscovery.Find(run.Paths);
        if (notebooks.Count == 0)
        {
            output.WriteLine($"No notebooks (*.ipynb) found in: {string.Join(", ", run.Paths)}");
            return 1;
        }
        var executedFolder = Path.Combine(run.Output, "notebooks");
        var siteFolder = Path.Combine(run.Output, "site");
        var targets = NotebookDiscovery.Targets(notebooks, executedFolder);
        OutputFolder.EnsureWritable(executedFolder);
        // Executed copies carry a PNG of every chart (drawn by headless Chromium), shown where scripts do not run.
        Environment.SetEnvironmentVariable("RNN_NOTEBOOKS_STATIC_IMAGES", "1");

        var loadAtStart = Hardware.LoadAverage();
        var live = !run.Plain && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var results = await RunCommand.ExecuteAsync(targets, run.Execution, output, live, run.Verbose, cancellationToken);
        var rows = results.Select(r => new WorkshopReport.Row(r.Name, r.Result, File.Exists(r.Target) ? DataUse.Of(NotebookFile.Read(r.Target)) : null)).ToList();
        var report = new WorkshopReport(rows, run.Execution.Quick || run.Execution.Parameters.Count > 0 ? Describe(run.Execution) : "default", Hardware.Describe())
        {
            Load = (loadAtStart, Hardware.LoadAverage()),
        };

        var entries = results.Where(r => File.Exists(r.Target))
            .Select(r => new SiteEntry(r.Target, Path.GetDirectoryName(r.Source)!, WorkshopReport.Note(rows.First(x => x.Name == r.Name))))
            .ToList();
        var intro = MarkdownRenderer.Render(report.ToMarkdown()).Html;
        IReadOnlyList<string> siteNotes;
        try
        {
            siteNotes = SiteExporter.Export(entries, siteFolder, "RnnNotebooks: recurrent neural networks in C#", intro);
        }
        catch (ExportException e)
        {
            output.WriteLine($"error: the HTML site was not written: {e.Message}");
            return 1;
        }
        File.WriteAllText(Path.Combine(run.Output, "report.md"), report.ToMarkdown(), new UTF8Encoding(false));

        output.WriteLine();
        output.Write(report.ToMarkdown());
        foreach (var note in siteNotes)
        {
            output.WriteLine($"note: {note}");
        }
        output.WriteLine($"Executed notebooks: {Relative(executedFolder)}");
        output.WriteLine($"HTML site: {Relative(Path.Combine(siteFolder, "index.html"))}");
        output.WriteLine($"Report: {Relative(Path.Combine(run.Output, "report.md"))}");
        if (arguments.Guide is { } guidePath)
        {
            File.WriteAllText(guidePath, GuideTimes.Rewrite(File.ReadAllText(guidePath), guidePath, report, DateOnly.FromDateTime(DateTime.UtcNow)), new UTF8Encoding(false));
            output.WriteLine($"Run times written to: {Relative(guidePath)}");
        }
        var failed = rows.Count(r => r.Result.Status == NotebookStatus.Failed);
        var onSamples = rows.Count(r => r.Data is { RealDataOnly: false });
        output.WriteLine($"{rows.Count(r => r.Result.Status == NotebookStatus.Passed)} passed, {failed} failed, {onSamples} on sample data");
        return failed > 0 || (onSamples > 0 && !arguments.AllowSamples) ? 1 : 0;
    }

    private static string Describe(ExecutionOptions execution)
    {
        var parts = new List<string>();
        if (execution.Quick)
        {
            parts.Add("quick (--quick): the CI values, not the workshop's");
        }
        parts.AddRange(execution.Parameters.Select(p => $"{p.Key}={p.Value}"));
        return string.Join(", ", parts);
    }

    private static string Relative(string path) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path)).ToString(CultureInfo.InvariantCulture);
}
