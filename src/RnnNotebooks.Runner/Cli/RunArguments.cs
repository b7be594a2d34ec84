using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The parsed arguments of <c>rnn-notebooks run</c>.</summary>
public sealed record RunArguments
{
    /// <summary>Default folder for executed copies.</summary>
    public const string DefaultOutput = "artifacts/notebooks";

    /// <summary>Default per-cell timeout in seconds.</summary>
    public const int DefaultCellTimeoutSeconds = 1800;

    /// <summary>Default per-notebook timeout in seconds.</summary>
    public const int DefaultNotebookTimeoutSeconds = 7200;

    /// <summary>Notebook files and folders as given.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Folder for executed copies.</summary>
    public string Output { get; init; } = DefaultOutput;

    /// <summary>Execution settings passed to each notebook.</summary>
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>Exit 0 when no notebook is found.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Plain progress output even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary>Print per-cell times.</summary>
    public bool Verbose { get; init; }

    /// <summary>Write the copies with their parameters injected, without executing them.</summary>
    public bool NoExecute { get; init; }

    /// <summary>Parses the arguments that follow <c>run</c> (see <see cref="RunSyntax"/>); throws <see cref="UsageException"/> naming the argument at fault.</summary>
    public static RunArguments Parse(IReadOnlyList<string> args)
    {
        var result = CommandLine.ParseOrThrow(["run", .. args]);
        return ((RunSyntax)result.CommandResult.Command).Bind(result);
    }
}
