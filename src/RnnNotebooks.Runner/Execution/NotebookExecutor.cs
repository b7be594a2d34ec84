using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using RnnNotebooks.Runner.Interactive;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Parameters;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// Runs a notebook's code cells in order in the .NET Interactive C# kernel, with the notebook's folder
/// as working directory, writes their outputs and execution counts into the notebook, and stops at
/// the first failing cell.
/// </summary>
public sealed partial class NotebookExecutor(ExecutionOptions options)
{
    private readonly object _gate = new();
    private readonly OutputRecorder _recorder = new();
    private readonly Stopwatch _clock = new();
    private readonly List<CellTiming> _timings = [];
    private IReadOnlyList<string> _notes = [];
    private NotebookCell? _running;
    private NotebookResult? _final;

    /// <summary>Called before each code cell runs with (cell number, number of cells).</summary>
    public Action<int, int>? CellStarting { get; init; }

    /// <summary>Executes <paramref name="notebook"/> in place (outputs are replaced) and reports the outcome.</summary>
    public async Task<NotebookResult> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        _clock.Restart();
        foreach (var cell in notebook.Cells)
        {
            cell.ClearOutputs();
        }
        try
        {
            _notes = ParameterInjector.Inject(notebook, options.Parameters, options.Quick);
        }
        catch (FormatException e)
        {
            return Finish(new NotebookResult { Status = NotebookStatus.Failed, Message = e.Message, Duration = _clock.Elapsed });
        }

        var previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!);
        var kernel = NotebookKernel.Create();
        using var subscription = kernel.KernelEvents.Subscribe(_recorder.Record);
        var stillRunning = false;
        try
        {
            var defaultLanguage = CellLanguage.NotebookDefault(notebook);
            var executionCount = 0;
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                CellStarting?.Invoke(cell.Number, notebook.Cells.Count);
                var cellClock = Stopwatch.StartNew();
                executionCount++;
                cell.SetExecutionCount(executionCount);
                lock (_gate)
                {
                    _running = cell;
                    _recorder.BeginCell(executionCount);
                }

                var (failure, finished) = await RunCellAsync(kernel, cell, defaultLanguage, cancellationToken);
                if (failure is null && options.NotebookTimeout is { } limit && _clock.Elapsed > limit)
                {
                    // Checked after every cell as well: a starved timer must not let a slow notebook pass.
                    failure = CellFailure.Timeout($"the notebook ran longer than the notebook timeout of {Seconds(limit)}");
                }
                stillRunning = !finished;
                lock (_gate)
                {
                    if (_final is not null)
                    {
                        return _final;
                    }
                    _timings.Add(new CellTiming(cell.Number, cellClock.Elapsed.TotalMilliseconds));
                    if (failure is not null)
                    {
                        return FailRunningCell(failure);
                    }
                    AddOutputs(cell);
                    _running = null;
                }
            }
            return Finish(new NotebookResult { Status = NotebookStatus.Passed, Duration = _clock.Elapsed, CellTimings = _timings.ToArray(), Notes = _notes });
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            if (!stillRunning)
            {
                kernel.Dispose();
            }
        }
    }

    /// <summary>
    /// Ends the run from outside (for example when a cell calls <c>Environment.Exit</c>): the running cell
    /// gets an error output with <paramref name="failure"/> and the notebook fails. Returns the final result.
    /// </summary>
    public NotebookResult Interrupt(CellFailure failure)
    {
        lock (_gate)
        {
            if (_final is not null)
            {
                return _final;
            }
            return _running is null
                ? Finish(new NotebookResult { Status = NotebookStatus.Failed, Message = $"{failure.Name}: {failure.Value}", Duration = _clock.Elapsed, CellTimings = _timings.ToArray(), Notes = _notes })
                : FailRunningCell(failure);
        }
    }

    private async Task<(CellFailure? Failure, bool Finished)> RunCellAsync(CompositeKernel kernel, NotebookCell cell, string defaultLanguage, CancellationToken cancellationToken)
    {
        var language = CellLanguage.ForCell(cell, defaultLanguage);
        if (language != CellLanguage.CSharp)
        {
            return (new CellFailure("UnsupportedLanguage", $"the '{language}' kernel is not hosted by this runner; it runs C# cells (markdown cells are kept)", []), true);
        }
        var command = new SubmitCode(cell.Source, kernel.DefaultKernelName);
        var work = Task.Run(() => kernel.SendAsync(command, cancellationToken), cancellationToken);

        var remaining = options.NotebookTimeout is { } limit ? limit - _clock.Elapsed : (TimeSpan?)null;
        if (Min(options.CellTimeout, remaining) is { } wait
            && await Task.WhenAny(work, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken)) != work)
        {
            var which = options.CellTimeout is { } cellLimit && wait >= cellLimit
                ? $"the cell timeout of {Seconds(cellLimit)}"
                : $"the notebook timeout of {Seconds(options.NotebookTimeout!.Value)}";
            return (CellFailure.Timeout($"the cell ran longer than {which}"), false);
        }
        var result = await work;
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == command)
                     ?? result.Events.OfType<CommandFailed>().FirstOrDefault();
        return (failed is null ? null : FailureOf(failed, cell), true);
    }

    private CellFailure FailureOf(CommandFailed failed, NotebookCell cell)
    {
        var failure = CellFailure.FromKernel(failed.Exception, failed.Message);
        if (IsRestoreFailure(failed.Message))
        {
            var packages = NugetReference().Matches(cell.Source).Select(m => string.Join(" ", m.Groups["spec"].Value.Split(',', StringSplitOptions.TrimEntries))).ToArray();
            failure = failure with { UnavailablePackages = packages.Length > 0 ? packages : ["(unknown)"] };
        }
        return failure;
    }

    // NU1101 no such package, NU1102 no such version, NU1301 the source cannot be reached.
    private static bool IsRestoreFailure(string? message) =>
        message is not null && (message.Contains("NU1101", StringComparison.Ordinal) || message.Contains("NU1102", StringComparison.Ordinal) || message.Contains("NU1301", StringComparison.Ordinal));

    private NotebookResult FailRunningCell(CellFailure failure)
    {
        var cell = _running!;
        AddOutputs(cell);
        cell.Outputs.Add(failure.ToOutput(cell.Number));
        _running = null;
        var skipped = options.SkipUnavailable && failure.UnavailablePackages is { Count: > 0 };
        return Finish(new NotebookResult
        {
            Status = skipped ? NotebookStatus.Skipped : NotebookStatus.Failed,
            Message = skipped
                ? $"NuGet package {string.Join(", ", failure.UnavailablePackages!)} is not restorable on this machine ({FirstLine(failure.Value)})"
                : $"cell {cell.Number}: {failure.Name}: {failure.Value}",
            FailedCell = cell.Number,
            Duration = _clock.Elapsed,
            CellTimings = _timings.ToArray(),
            Notes = _notes,
        });
    }

    private void AddOutputs(NotebookCell cell)
    {
        foreach (var output in _recorder.EndCell())
        {
            cell.Outputs.Add(output);
        }
    }

    private NotebookResult Finish(NotebookResult result)
    {
        lock (_gate)
        {
            return _final ??= result;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";

    [GeneratedRegex("""#r\s+"nuget:\s*(?<spec>[^"]+)""")]
    private static partial Regex NugetReference();
}
