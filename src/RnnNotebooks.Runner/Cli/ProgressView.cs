using System.Globalization;
using System.Diagnostics;
using Spectre.Console;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Cli;

/// <summary>Shows a notebook's progress: a live status line on a terminal, nothing until it ends otherwise.</summary>
public sealed class ProgressView(bool live)
{
    /// <summary>Runs <paramref name="run"/>, showing "name  cell i/n  elapsed" live when on a terminal.</summary>
    public async Task<NotebookResult> TrackAsync(string name, Func<Action<int, int>, Task<NotebookResult>> run)
    {
        if (!live)
        {
            return await run((_, _) => { });
        }
        var clock = Stopwatch.StartNew();
        var cell = 0;
        var total = 0;
        return await AnsiConsole.Status().StartAsync($"{Markup.Escape(name)} starting", async context =>
        {
            var task = run((c, t) => { cell = c; total = t; });
            while (await Task.WhenAny(task, Task.Delay(200)) != task)
            {
                var where = cell > 0 ? $"cell {cell}/{total}" : "starting";
                context.Status($"{Markup.Escape(name)}  {where}  {clock.Elapsed.TotalSeconds:0} s");
            }
            return await task;
        });
    }

    /// <summary>The line printed when a notebook ends.</summary>
    public static string ResultLine(string name, NotebookResult result)
    {
        var status = result.Status switch
        {
            NotebookStatus.Passed => "passed ",
            NotebookStatus.Failed => "FAILED ",
            _ => "skipped",
        };
        var memory = result.PeakMemoryBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", peak memory {bytes / 1e9:0.00} GB") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{status} {name}  {result.Duration.TotalSeconds:0.0} s{memory}");
    }
}
