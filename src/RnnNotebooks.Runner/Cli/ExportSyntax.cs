using System.CommandLine;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The command line of <c>rnn-notebooks export</c>.</summary>
internal sealed class ExportSyntax : Command
{
    private readonly Argument<string[]> _paths;

    private readonly Option<string> _output = CliSymbols.Value("--output", "dir", ExportCommand.DefaultOutput, "Site folder.", "-o");

    private readonly Option<string> _resources = CliSymbols.Value("--resources", "dir", ExportCommand.DefaultResources,
        "Folder the notebooks' relative images (diagrams/*.svg) are read from.");

    public ExportSyntax() : base("export", CliSymbols.Prose("""
        Writes executed notebooks as the offline HTML site.

        Writes executed notebooks as a self-contained HTML site: one page per notebook (markdown, math typeset by KaTeX,
        C# highlighted, outputs, interactive charts with a static image where JavaScript is off) and index.html with
        the contents across notebooks.
        """))
    {
        _paths = CliSymbols.Paths(this, "executed-notebook-or-folder", "Executed notebooks, or folders of them.",
            "name the executed notebooks or their folder, e.g. 'rnn-notebooks export artifacts/notebooks'");
        Options.Add(_output);
        Options.Add(_resources);
        SetAction(result => ExportCommand.Run(
            result.GetValue(_paths) ?? [],
            result.GetValue(_output) ?? ExportCommand.DefaultOutput,
            result.GetValue(_resources) ?? ExportCommand.DefaultResources,
            result.InvocationConfiguration.Output));
    }
}
