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

    /// <summary>Parses the arguments that follow <c>prepare</c>; throws <see cref="UsageException"/> on bad input.</summary>
    public static PrepareArguments Parse(IReadOnlyList<string> args)
    {
        var allowSamples = args.Contains("--allow-samples");
        var run = RunArguments.Parse(args.Where(a => a != "--allow-samples").ToList());
        if (run.NoExecute)
        {
            throw new UsageException("prepare always executes the notebooks; --no-execute belongs to 'run'");
        }
        return new PrepareArguments
        {
            AllowSamples = allowSamples,
            Run = run with
            {
                Paths = run.Paths.Count > 0 ? run.Paths : [DefaultNotebooks],
                Output = args.Any(a => a is "-o" or "--output") ? run.Output : DefaultOutput,
            },
        };
    }
}
