using System.CommandLine;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The command line of <c>rnn-notebooks convert</c>.</summary>
internal sealed class ConvertSyntax : Command
{
    private readonly Argument<string[]> _paths;

    private readonly Option<bool> _check = CliSymbols.Flag("--check", "Write nothing; exit 1 when an app is missing or differs from its notebook.");

    public ConvertSyntax() : base("convert", CliSymbols.Prose($"""
        Writes each notebook as a C# file-based app beside it.

        Writes each notebook (default: {string.Join(", ", ConvertCommand.DefaultPaths)}) as a C# file-based app beside it
        (03-bptt.ipynb -> 03-bptt.cs), which runs with only the .NET SDK:
          dotnet run notebooks/03-bptt.cs -- --quick
        Markdown becomes comments, code cells the program in order; a notebook that cannot be converted is an error
        naming the cell. Exit code 0 only when every notebook converted.
        """))
    {
        _paths = CliSymbols.Paths(this, "notebook-or-folder", $"Notebooks or folders to convert (default: {string.Join(", ", ConvertCommand.DefaultPaths)}).");
        Options.Add(_check);
        SetAction(result => ConvertCommand.Run(result.GetValue(_paths) ?? [], result.GetValue(_check), result.InvocationConfiguration.Output));
    }
}
