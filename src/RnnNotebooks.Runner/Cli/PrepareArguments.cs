namespace RnnNotebooks.Runner.Cli;

/// <summary>The parsed arguments of <c>rnn-notebooks prepare</c>: those of <c>run</c>, other defaults, and <c>--allow-samples</c>.</summary>
public sealed record PrepareArguments
{
    /// <summary>Default folder for the executed notebooks, the site and the report.</summary>
    public const string DefaultOutput = "artifacts/workshop";

    /// <summary>Notebooks prepared when none are named.</summary>
    public const string DefaultNotebooks = "notebooks";

    /// <summary>The run options (paths, parameters, timeouts); <see cref="RunArguments.Output"/> is the workshop folder.</summary>
    public required RunArguments Run { get; init; }

    /// <summary>Exit 0 even when a notebook ran on generated sample data.</summary>
    public bool AllowSamples { get; init; }

    /// <summary>A document (the instructor guide) whose run-time section this run rewrites (<see cref="Workshop.GuideTimes"/>), or null.</summary>
    public string? Guide { get; init; }

    /// <summary>Parses the arguments that follow <c>prepare</c> (see <see cref="PrepareSyntax"/>); throws <see cref="UsageException"/> naming the argument at fault.</summary>
    public static PrepareArguments Parse(IReadOnlyList<string> args)
    {
        var result = CommandLine.ParseOrThrow(["prepare", .. args]);
        return ((PrepareSyntax)result.CommandResult.Command).Bind(result);
    }
}
