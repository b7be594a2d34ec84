namespace RnnNotebooks.Runner.Cli;

/// <summary>The text of <c>--help</c>.</summary>
public static class HelpText
{
    /// <summary>Top-level help.</summary>
    public const string Main = """
        rnn-notebooks: run .NET Interactive C# notebooks (.ipynb) headlessly.

        Usage:
          rnn-notebooks run <notebook-or-folder>... [options]
          rnn-notebooks prepare [<notebook-or-folder>...] [options]
          rnn-notebooks export <executed-notebook-or-folder>... [-o <site>]
          rnn-notebooks convert [<notebook-or-folder>...] [--check]
          rnn-notebooks compare <executed-notebook> <app-output>
          rnn-notebooks --help | --version

        'run' executes notebooks; 'prepare' readies a workshop (runs every notebook, checks the
        data, writes executed copies, an HTML site and a report); 'export' writes executed
        notebooks as the HTML site; 'convert' writes each notebook as a C# file-based app beside it.
        '<command> --help' gives the options.
        """;

    /// <summary>Help for <c>run</c>.</summary>
    public static readonly string Run = $"""
        Usage: rnn-notebooks run <notebook-or-folder>... [options]

        Executes each notebook (folders: their *.ipynb files) in file-name order, each in its own
        process hosting the .NET Interactive C# kernel with the notebook's folder as working
        directory, cells top to bottom, and writes executed copies with outputs. Prints one line per notebook and ends with
        'N passed, N failed' (', N skipped' when any were skipped). Exit code 0 only when
        nothing failed.

        Options:
          -o, --output <dir>          Folder for executed copies (default {RunArguments.DefaultOutput}).
                                      Sources are never overwritten.
          -p, --param <name=value>    Papermill-style parameter: a cell tagged 'injected-parameters'
                                      is inserted after the cell tagged 'parameters', redeclaring
                                      <name> with the type of its declaration there. Repeatable.
                                      A name no parameters cell declares, or a value that does not
                                      fit the declared type, is an error before anything runs.
          --quick                     Use the quick values of the parameters cell: a declaration
                                      ending with a comment '// quick: <C# expression>', e.g.
                                        int epochs = 10; // quick: 1
                                      runs with epochs = 1. An explicit --param wins.
          --timeout <seconds>         Per-cell time limit (default {RunArguments.DefaultCellTimeoutSeconds}; 0 = none).
          --notebook-timeout <sec>    Per-notebook time limit (default {RunArguments.DefaultNotebookTimeoutSeconds}; 0 = none).
                                      A cell that exceeds either fails the notebook.
          --skip-unavailable          A notebook whose '#r "nuget: ..."' package cannot be restored on
                                      this machine is reported as skipped (with the package), not failed.
          --allow-empty               Exit 0 when no notebook is found, even if a named folder
                                      does not exist (default: exit 1, or 2 for a missing path).
          --no-execute                Only write each notebook, with its parameters injected as above and
                                      no outputs, to the output folder (for Jupyter: run them with
                                      'jupyter nbconvert --execute' from the source notebook's folder).
          --plain                     Plain progress lines even on a terminal.
          -v, --verbose               Print each cell's time.
          -h, --help                  Show this help.
        """;

    /// <summary>Help for <c>prepare</c>.</summary>
    public static readonly string Prepare = $"""
        Usage: rnn-notebooks prepare [<notebook-or-folder>...] [options]

        Readies a workshop: runs every notebook (default: {PrepareArguments.DefaultNotebooks}/) with its default
        parameters, each in its own kernel process, with a static image of every chart; then writes
          <output>/notebooks/   the executed copies to hand out,
          <output>/site/        an HTML site that works offline (open site/index.html),
          <output>/report.md    the report, also printed: per notebook result, time and the data
                                it used (SAMPLE when a loader fell back to generated data, with
                                how to fetch the real data), the hardware, and the TorchSharp device.
        Exit code 0 only when every notebook passed on real data.

        Options: those of 'run' (--quick, --param, --timeout, --notebook-timeout,
        --skip-unavailable, --plain, --verbose), and
          -o, --output <dir>          Workshop folder (default {PrepareArguments.DefaultOutput}).
          --allow-samples             Exit 0 even when a notebook ran on sample data.
        """;

    /// <summary>Help for <c>export</c>.</summary>
    public static readonly string Export = $"""
        Usage: rnn-notebooks export <executed-notebook-or-folder>... [options]

        Writes executed notebooks as a self-contained HTML site: one page per notebook (markdown,
        math typeset by KaTeX, C# highlighted, outputs, interactive charts with a static image
        where JavaScript is off) and index.html with the contents across notebooks.

        Options:
          -o, --output <dir>          Site folder (default {ExportCommand.DefaultOutput}).
          --resources <dir>           Folder the notebooks' relative images (diagrams/*.svg) are
                                      read from (default notebooks).
        """;

    /// <summary>Help for <c>convert</c>.</summary>
    public static readonly string Convert = $"""
        Usage: rnn-notebooks convert [<notebook-or-folder>...] [--check]

        Writes each notebook (default: {string.Join(", ", ConvertCommand.DefaultPaths)}) as a C# file-based app
        beside it (03-bptt.ipynb -> 03-bptt.cs), which runs with only the .NET SDK:
          dotnet run notebooks/03-bptt.cs -- --quick
        Markdown becomes comments, code cells the program in order; a notebook that cannot be converted
        is an error naming the cell. Exit code 0 only when every notebook converted.

        Options:
          --check                     Write nothing; exit 1 when an app is missing or differs from its notebook.
          -h, --help                  Show this help.
        """;

    /// <summary>Help for <c>compare</c>.</summary>
    public const string Compare = """
        Usage: rnn-notebooks compare <executed-notebook> <app-output>

        Holds a notebook app's console output (dotnet run NN-topic.cs > out.txt) against the same notebook executed
        in the kernel with the same parameters: every line its cells printed and every row of its tables must appear
        in the app's output, in order and with the same numbers; a line may differ only in its timings. Prints the
        counts and every line that differs. Exit code 0 only when nothing but timings differs.
        """;
}
