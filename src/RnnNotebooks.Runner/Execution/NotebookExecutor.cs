using System.Diagnostics;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Packages;
using RnnNotebooks.Runner.Parameters;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// Runs a notebook's cells in order as chained C# script submissions and writes their outputs and
/// execution counts into the notebook, stopping at the first failing cell.
/// </summary>
public sealed class NotebookExecutor(ExecutionOptions options)
{
    /// <summary>Called before each code cell runs with (cell number, number of cells).</summary>
    public Action<int, int>? CellStarting { get; init; }

    /// <summary>Executes <paramref name="notebook"/> in place (outputs are replaced) and reports the outcome.</summary>
    public async Task<NotebookResult> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        ConsoleCapture.Install();
        Formatter.ResetToDefault();
        foreach (var cell in notebook.Cells)
        {
            cell.ClearOutputs();
        }

        IReadOnlyList<string> notes;
        try
        {
            notes = ParameterInjector.Inject(notebook, options.Parameters, options.Quick);
        }
        catch (FormatException e)
        {
            return new NotebookResult { Status = NotebookStatus.Failed, Message = e.Message, Duration = clock.Elapsed };
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var session = new ScriptSession(directory);
        using var restorer = new NugetRestorer(directory);
        var defaultLanguage = CellLanguage.NotebookDefault(notebook);
        var timings = new List<CellTiming>();
        var executionCount = 0;

        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            CellStarting?.Invoke(cell.Number, notebook.Cells.Count);
            var cellClock = Stopwatch.StartNew();
            executionCount++;
            cell.SetExecutionCount(executionCount);
            var outputs = new CellOutputs();
            var count = executionCount;

            var remaining = options.NotebookTimeout is { } limit ? limit - clock.Elapsed : (TimeSpan?)null;
            var timeout = Min(options.CellTimeout, remaining);
            var work = Task.Run(() =>
            {
                CellOutputs.Current = outputs;
                return RunCellAsync(cell, count, defaultLanguage, session, restorer, outputs, cancellationToken);
            }, cancellationToken);

            CellFailure? failure;
            if (timeout is { } wait && await Task.WhenAny(work, Task.Delay(Max(wait, TimeSpan.Zero), cancellationToken)) != work)
            {
                var which = options.CellTimeout is { } cellLimit && wait >= cellLimit ? $"the cell timeout of {Seconds(cellLimit)}" : $"the notebook timeout of {Seconds(options.NotebookTimeout!.Value)}";
                failure = new CellFailure("Timeout", $"the cell ran longer than {which}", []);
            }
            else
            {
                failure = await work;
            }
            timings.Add(new CellTiming(cell.Number, cellClock.Elapsed.TotalMilliseconds));

            foreach (var output in outputs.Outputs)
            {
                cell.Outputs.Add(output);
            }
            if (failure is null)
            {
                continue;
            }
            cell.Outputs.Add(failure.ToOutput(cell.Number));
            var skipped = options.SkipUnavailable && failure.UnavailablePackages is { Count: > 0 };
            return new NotebookResult
            {
                Status = skipped ? NotebookStatus.Skipped : NotebookStatus.Failed,
                Message = skipped
                    ? $"NuGet package {string.Join(", ", failure.UnavailablePackages!)} is not restorable on this machine ({failure.Details.FirstOrDefault() ?? failure.Value})"
                    : $"cell {cell.Number}: {failure.Name}: {failure.Value}",
                FailedCell = cell.Number,
                Duration = clock.Elapsed,
                CellTimings = timings,
                Notes = notes,
            };
        }
        return new NotebookResult { Status = NotebookStatus.Passed, Duration = clock.Elapsed, CellTimings = timings, Notes = notes };
    }

    private static async Task<CellFailure?> RunCellAsync(
        NotebookCell cell, int executionCount, string defaultLanguage, ScriptSession session,
        NugetRestorer restorer, CellOutputs outputs, CancellationToken cancellationToken)
    {
        CellSource source;
        try
        {
            source = CellSource.Parse(cell.Source, CellLanguage.ForCell(cell, defaultLanguage));
        }
        catch (FormatException e)
        {
            return new CellFailure("UnsupportedMagicCommand", e.Message, []);
        }

        if (source.Packages.Count > 0)
        {
            var restore = await restorer.RestoreAsync(source.Packages, source.RestoreSources, cancellationToken);
            if (!restore.Succeeded)
            {
                var names = source.Packages.Select(p => p.ToString()).ToList();
                return new CellFailure("NuGetRestoreFailed", $"could not restore {string.Join(", ", names)}", restore.Errors, names);
            }
            session.AddReferences(restore.Assemblies);
        }

        foreach (var segment in source.Segments)
        {
            switch (segment.Language)
            {
                case CellLanguage.Markdown:
                    break;
                case CellLanguage.Html:
                    outputs.Add(OutputJson.DisplayData(new System.Text.Json.Nodes.JsonObject { ["text/html"] = MultilineText.ToLines(segment.Code) }));
                    break;
                case CellLanguage.CSharp:
                    var outcome = await session.RunAsync(segment.Code, cancellationToken);
                    if (!outcome.CompileErrors.IsEmpty)
                    {
                        var diagnostics = outcome.CompileErrors.Select(d => d.ToString()).ToArray();
                        return new CellFailure("CompilationError", diagnostics[0], diagnostics.Skip(1).ToArray());
                    }
                    if (outcome.Exception is { } exception)
                    {
                        return CellFailure.FromException(exception);
                    }
                    if (outcome.HasReturnValue)
                    {
                        var value = outcome.ReturnValue;
                        outputs.Add(OutputJson.ExecuteResult(executionCount, MimeBundle.Format(value, MimeBundle.MimeTypesFor(value, null))));
                    }
                    break;
                default:
                    return new CellFailure("UnsupportedLanguage", $"the '{segment.Language}' kernel is not supported; this runner runs C# cells (markdown cells are kept)", []);
            }
        }
        return null;
    }

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}
