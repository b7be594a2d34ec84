using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>Why a cell failed; becomes the cell's nbformat error output.</summary>
/// <param name="Name">Error name (exception type, "CompilationError", "Timeout", ...).</param>
/// <param name="Value">The message.</param>
/// <param name="Details">Further lines (stack trace, diagnostics).</param>
/// <param name="UnavailablePackages">Set when restoring these packages failed.</param>
public sealed partial record CellFailure(string Name, string Value, IReadOnlyList<string> Details, IReadOnlyList<string>? UnavailablePackages = null)
{
    /// <summary>The error output for cell <paramref name="cellNumber"/>: traceback starts with the cell number and message.</summary>
    public System.Text.Json.Nodes.JsonObject ToOutput(int cellNumber) =>
        OutputJson.Error(Name, Value, [$"Cell {cellNumber}: {Name}: {Value}", .. Details]);

    /// <summary>A cell or notebook time limit was exceeded.</summary>
    public static CellFailure Timeout(string message) => new("Timeout", message, []);

    /// <summary>
    /// Builds a failure from the kernel's <c>CommandFailed</c>: the exception a cell threw, or the
    /// compiler's diagnostics (<c>(3,1): error CS0103: ...</c>) when it did not compile.
    /// </summary>
    public static CellFailure FromKernel(Exception? exception, string? message)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        if (exception is CodeSubmissionCompilationErrorException)
        {
            message = exception.Message;
            exception = null;
        }
        if (exception is not null)
        {
            var lines = exception.ToString().Split('\n')
                .Select(l => l.TrimEnd('\r'))
                .Skip(1)
                .Where(l => !IsHostFrame(l))
                .ToArray();
            return new CellFailure(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, lines);
        }
        var text = (message ?? "the kernel reported a failure without a message").Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var name = text.Any(l => CompilerError().IsMatch(l)) ? "CompilationError" : "Error";
        return new CellFailure(name, text[0], text[1..]);
    }

    // Frames of the kernel, the script host and this runner say nothing about the notebook's code.
    private static bool IsHostFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
            || trimmed.StartsWith("at Microsoft.DotNet.Interactive.", StringComparison.Ordinal)
            || trimmed.StartsWith("at RnnNotebooks.Runner.", StringComparison.Ordinal)
            || trimmed.StartsWith("at System.Runtime.CompilerServices.", StringComparison.Ordinal)
            || trimmed.StartsWith("at System.Threading.", StringComparison.Ordinal)
            || trimmed.StartsWith("--- End of stack trace", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"error CS\d{4}")]
    private static partial Regex CompilerError();
}
