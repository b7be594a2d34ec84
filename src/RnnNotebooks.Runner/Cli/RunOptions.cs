using System.CommandLine;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The arguments and options that <c>run</c> and <c>prepare</c> share, and how a parse of them becomes <see cref="RunArguments"/>.</summary>
internal sealed class RunOptions
{
    /// <summary>Adds the paths (at least one when <paramref name="missingPaths"/> says what to do without) and every option to <paramref name="command"/>.</summary>
    public RunOptions(Command command, string pathsDescription, string? missingPaths, string outputDefault, string outputDescription)
    {
        Paths = CliSymbols.Paths(command, "notebook-or-folder", pathsDescription, missingPaths);
        Output = CliSymbols.Value("--output", "dir", outputDefault, outputDescription, "-o");
        foreach (var option in new Option[] { Output, Param, Quick, Timeout, NotebookTimeout, SkipUnavailable, Plain, Verbose })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Notebook files and folders.</summary>
    public Argument<string[]> Paths { get; }

    /// <summary><c>-o, --output &lt;dir&gt;</c>.</summary>
    public Option<string> Output { get; }

    /// <summary><c>-p, --param &lt;name=value&gt;</c>, repeatable.</summary>
    public Option<string[]> Param { get; } = CliSymbols.Pairs("--param", "name=value", """
        Papermill-style parameter: a cell tagged 'injected-parameters' is inserted after the cell tagged 'parameters',
        redeclaring <name> with the type of its declaration there. Repeatable. A name no parameters cell declares,
        or a value that does not fit the declared type, is an error before anything runs. An array takes
        comma-separated elements: --param testYears=2019,2020 (braces optional: {2019, 2020}).
        """, "-p");

    /// <summary><c>--quick</c>.</summary>
    public Option<bool> Quick { get; } = CliSymbols.Flag("--quick", """
        Use the quick values of the parameters cell: a declaration ending with a comment '// quick: <C# expression>', e.g.
          int epochs = 10; // quick: 1
        runs with epochs = 1. An explicit --param wins.
        """);

    /// <summary><c>--timeout &lt;seconds&gt;</c>.</summary>
    public Option<int> Timeout { get; } = CliSymbols.Seconds("--timeout", "seconds", RunArguments.DefaultCellTimeoutSeconds,
        "Per-cell time limit in seconds (0 = none).");

    /// <summary><c>--notebook-timeout &lt;sec&gt;</c>.</summary>
    public Option<int> NotebookTimeout { get; } = CliSymbols.Seconds("--notebook-timeout", "sec", RunArguments.DefaultNotebookTimeoutSeconds,
        "Per-notebook time limit in seconds (0 = none). A cell that exceeds either limit fails the notebook.");

    /// <summary><c>--skip-unavailable</c>.</summary>
    public Option<bool> SkipUnavailable { get; } = CliSymbols.Flag("--skip-unavailable",
        "A notebook whose '#r \"nuget: ...\"' package cannot be restored on this machine is reported as skipped (with the package), not failed.");

    /// <summary><c>--plain</c>.</summary>
    public Option<bool> Plain { get; } = CliSymbols.Flag("--plain", "Plain progress lines even on a terminal.");

    /// <summary><c>-v, --verbose</c>.</summary>
    public Option<bool> Verbose { get; } = CliSymbols.Flag("--verbose", "Print each cell's time.", "-v");

    /// <summary>The parsed values; the command's own options are left at their defaults.</summary>
    public RunArguments Bind(ParseResult result)
    {
        var cellTimeout = result.GetValue(Timeout);
        var notebookTimeout = result.GetValue(NotebookTimeout);
        return new RunArguments
        {
            Paths = result.GetValue(Paths) ?? [],
            Output = result.GetValue(Output) ?? RunArguments.DefaultOutput,
            Plain = result.GetValue(Plain),
            Verbose = result.GetValue(Verbose),
            Execution = new ExecutionOptions
            {
                Parameters = CliSymbols.ToDictionary(result.GetValue(Param)),
                Quick = result.GetValue(Quick),
                SkipUnavailable = result.GetValue(SkipUnavailable),
                CellTimeout = cellTimeout > 0 ? TimeSpan.FromSeconds(cellTimeout) : null,
                NotebookTimeout = notebookTimeout > 0 ? TimeSpan.FromSeconds(notebookTimeout) : null,
            },
        };
    }
}
