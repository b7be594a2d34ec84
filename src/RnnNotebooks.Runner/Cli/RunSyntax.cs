using System.CommandLine;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The command line of <c>rnn-notebooks run</c>: its help text, arguments and options, bound to <see cref="RunArguments"/>.</summary>
internal sealed class RunSyntax : Command
{
    private readonly RunOptions _shared;

    private readonly Option<bool> _allowEmpty = CliSymbols.Flag("--allow-empty",
        "Exit 0 when no notebook is found, even if a named folder does not exist (default: exit 1, or 2 for a missing path).");

    private readonly Option<bool> _noExecute = CliSymbols.Flag("--no-execute", """
        Only write each notebook, with its parameters injected as above and no outputs, to the output folder
        (for Jupyter: run them with 'jupyter nbconvert --execute' from the source notebook's folder).
        """);

    public RunSyntax() : base("run", CliSymbols.Prose("""
        Executes notebooks in the .NET Interactive C# kernel and writes executed copies.

        Executes each notebook (folders: their *.ipynb files) in file-name order, each in its own process hosting the
        .NET Interactive C# kernel with the notebook's folder as working directory, cells top to bottom, and writes
        executed copies with outputs. Prints one line per notebook and ends with 'N passed, N failed'
        (', N skipped' when any were skipped). Exit code 0 only when nothing failed.
        """))
    {
        _shared = new RunOptions(this, "Notebooks, or folders whose *.ipynb files run in file-name order.",
            "name at least one notebook or folder, e.g. 'rnn-notebooks run notebooks'",
            RunArguments.DefaultOutput, "Folder for executed copies. Sources are never overwritten.");
        Options.Add(_allowEmpty);
        Options.Add(_noExecute);
        SetAction((result, cancel) => RunCommand.RunAsync(Bind(result), result.InvocationConfiguration.Output, cancel));
    }

    /// <summary>The parsed arguments.</summary>
    public RunArguments Bind(ParseResult result) => _shared.Bind(result) with
    {
        AllowEmpty = result.GetValue(_allowEmpty),
        NoExecute = result.GetValue(_noExecute),
    };
}
