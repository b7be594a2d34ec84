using System.Globalization;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Hosting;
using RnnNotebooks.Runner.Parameters;

namespace RnnNotebooks.Runner.Cli;

/// <summary><c>rnn-notebooks run</c>: executes notebooks, prints a line each and the summary.</summary>
public static class RunCommand
{
    /// <summary>Runs the command; returns the exit code (0 only when nothing failed).</summary>
    public static async Task<int> RunAsync(RunArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Paths.Count == 0)
        {
            throw new UsageException("name at least one notebook or folder, e.g. 'rnn-notebooks run notebooks'");
        }

        var notebooks = NotebookDiscovery.Find(arguments.Paths, allowMissing: arguments.AllowEmpty);
        if (notebooks.Count == 0)
        {
            // No summary line: "0 passed, 0 failed" would read as a test run that ran nothing.
            output.WriteLine($"No notebooks (*.ipynb) found in: {string.Join(", ", arguments.Paths)}{(arguments.AllowEmpty ? " (allowed by --allow-empty)" : "")}");
            return arguments.AllowEmpty ? 0 : 1;
        }
        var targets = NotebookDiscovery.Targets(notebooks, arguments.Output);
        OutputFolder.EnsureWritable(arguments.Output);
        CheckParameters(notebooks, arguments.Execution.Parameters);

        if (arguments.NoExecute)
        {
            return WriteParametrized(targets, arguments.Execution, arguments.Output, output);
        }
        var live = !arguments.Plain && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var summary = new RunSummary();
        foreach (var (name, _, _, result) in await ExecuteAsync(targets, arguments.Execution, output, live, arguments.Verbose, cancellationToken))
        {
            summary.Add(name, result);
        }

        output.WriteLine($"Executed copies: {Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(arguments.Output))}");
        foreach (var line in summary.ClosingLines())
        {
            output.WriteLine(line);
        }
        return summary.Failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Runs each (source, target) pair in its own process, printing a line per notebook (with the failure,
    /// notes and, when <paramref name="verbose"/>, cell times) as it ends. Returns the outcomes in order.
    /// </summary>
    internal static async Task<IReadOnlyList<(string Name, string Source, string Target, NotebookResult Result)>> ExecuteAsync(
        IReadOnlyList<(string Source, string Target)> targets, ExecutionOptions execution, TextWriter output, bool live, bool verbose, CancellationToken cancellationToken)
    {
        INotebookHost host = new ChildProcessHost();
        var view = new ProgressView(live);
        var results = new List<(string, string, string, NotebookResult)>();
        foreach (var (source, target) in targets)
        {
            var name = Path.GetFileName(source);
            var result = await view.TrackAsync(name, progress => host.RunAsync(source, target, execution, progress, cancellationToken));
            results.Add((name, source, target, result));
            output.WriteLine(ProgressView.ResultLine(name, result));
            if (result.Status == NotebookStatus.Failed && result.Message is not null)
            {
                foreach (var line in result.Message.Split('\n'))
                {
                    output.WriteLine($"        {line}");
                }
            }
            foreach (var note in result.Notes)
            {
                output.WriteLine($"        note: {note}");
            }
            if (verbose)
            {
                foreach (var timing in result.CellTimings)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        cell {timing.CellNumber}: {timing.Milliseconds:0.0} ms"));
                }
            }
        }
        return results;
    }

    // --no-execute: the copies another client (Jupyter's nbconvert) executes, with the parameters injected as this runner injects them.
    private static int WriteParametrized(IReadOnlyList<(string Source, string Target)> targets, ExecutionOptions execution, string folder, TextWriter output)
    {
        var failed = 0;
        foreach (var (source, target) in targets)
        {
            try
            {
                var notebook = Notebooks.NotebookFile.Read(source);
                foreach (var cell in notebook.Cells)
                {
                    cell.ClearOutputs();
                }
                var notes = ParameterInjector.Inject(notebook, execution.Parameters, execution.Quick);
                Notebooks.NotebookFile.Write(notebook, target);
                output.WriteLine($"written {Path.GetFileName(source)}");
                foreach (var note in notes)
                {
                    output.WriteLine($"        note: {note}");
                }
            }
            catch (Exception e) when (e is Notebooks.NotebookFormatException or FormatException)
            {
                failed++;
                output.WriteLine($"FAILED  {Path.GetFileName(source)}: {e.Message}");
            }
        }
        output.WriteLine($"Parametrized copies (not executed): {Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(folder))}");
        return failed == 0 ? 0 : 1;
    }

    // Every --param must be declared by some notebook's parameters cell and fit its type there, before anything runs.
    private static void CheckParameters(IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        var documents = new List<Notebooks.NotebookDocument>();
        foreach (var path in notebooks)
        {
            try
            {
                documents.Add(Notebooks.NotebookFile.Read(path));
            }
            catch (Notebooks.NotebookFormatException)
            {
                // Reported as that notebook's failure when it runs.
            }
        }
        try
        {
            ParameterInjector.Check(documents, values);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
