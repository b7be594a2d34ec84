using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>Why a cell failed; becomes the cell's nbformat error output.</summary>
/// <param name="Name">Error name (exception type, "CompilationError", "Timeout", ...).</param>
/// <param name="Value">The message.</param>
/// <param name="Details">Further lines (stack trace, diagnostics).</param>
/// <param name="UnavailablePackages">Set when restoring these packages failed.</param>
public sealed record CellFailure(string Name, string Value, IReadOnlyList<string> Details, IReadOnlyList<string>? UnavailablePackages = null)
{
    /// <summary>The error output for cell <paramref name="cellNumber"/>: traceback starts with the cell number and message.</summary>
    public System.Text.Json.Nodes.JsonObject ToOutput(int cellNumber) =>
        OutputJson.Error(Name, Value, [$"Cell {cellNumber}: {Name}: {Value}", .. Details]);

    /// <summary>Builds a failure from an exception thrown by cell code.</summary>
    public static CellFailure FromException(Exception exception)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        var lines = exception.ToString().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Skip(1)
            .Where(l => !IsRunnerFrame(l))
            .ToArray();
        return new CellFailure(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, lines);
    }

    // Frames of the script host and this runner say nothing about the notebook's code.
    private static bool IsRunnerFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
            || trimmed.StartsWith("at RnnNotebooks.Runner.", StringComparison.Ordinal)
            || trimmed.StartsWith("at System.Runtime.CompilerServices.", StringComparison.Ordinal)
            || trimmed.StartsWith("at System.Threading.", StringComparison.Ordinal)
            || trimmed.StartsWith("--- End of stack trace", StringComparison.Ordinal);
    }
}
