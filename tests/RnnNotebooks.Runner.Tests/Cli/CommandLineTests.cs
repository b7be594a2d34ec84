using System.Diagnostics;
using RnnNotebooks.Runner.Cli;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Cli;

/// <summary>The command line as a user meets it: help, usage errors that name the argument, exit codes.</summary>
public class CommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_tools_help_has_a_usage_line_and_a_summary_for_every_command()
    {
        var (code, output, _) = await Invoke("--help");

        Assert.Equal(0, code);
        Assert.Contains("rnn-notebooks run <notebook-or-folder>... [options]", output);
        Assert.Contains("rnn-notebooks prepare [<notebook-or-folder>...] [options]", output);
        Assert.Contains("rnn-notebooks export <executed-notebook-or-folder>... [options]", output);
        Assert.Contains("rnn-notebooks convert [<notebook-or-folder>...] [options]", output);
        Assert.Contains("rnn-notebooks compare <executed-notebook> <app-output>", output);
        Assert.Contains("rnn-notebooks --help | --version", output);
        Assert.Contains("convert  Writes each notebook as a C# file-based app beside it.", output);
    }

    [Fact]
    public async Task No_arguments_prints_the_help_and_is_a_usage_error()
    {
        var (code, output, _) = await Invoke();

        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("rnn-notebooks compare <executed-notebook> <app-output>", output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("prepare")]
    [InlineData("export")]
    [InlineData("convert")]
    [InlineData("compare")]
    public async Task Each_commands_help_shows_its_description_usage_and_options(string command)
    {
        var (code, output, _) = await Invoke(command, "--help");
        var (wordCode, word, _) = await Invoke("help", command);

        Assert.Equal(0, code);
        Assert.Equal(0, wordCode);
        Assert.Equal(output, word);
        Assert.Contains($"rnn-notebooks {command}", output);
        Assert.Contains(RunnerHelpSummary(command), output);
        Assert.Contains("-?, -h, --help", output);
    }

    [Fact]
    public async Task Run_help_shows_the_defaults_and_prepare_help_its_own()
    {
        // The help wraps to the terminal's width: compare with runs of white space made one space.
        var run = string.Join(' ', (await Invoke("run", "--help")).Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var prepare = string.Join(' ', (await Invoke("prepare", "--help")).Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("-o, --output <dir>", run);
        Assert.Contains("[default: artifacts/notebooks]", run);
        Assert.Contains($"[default: {RunArguments.DefaultCellTimeoutSeconds}]", run);
        Assert.Contains("--no-execute", run);
        Assert.Contains("[default: artifacts/workshop]", prepare);
        Assert.Contains("--allow-samples", prepare);
        Assert.DoesNotContain("--no-execute", prepare);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "error: unknown command 'frobnicate'", "Run 'rnn-notebooks --help' for usage.")]
    [InlineData(new[] { "--frobnicate" }, "error: unknown option '--frobnicate'", "Run 'rnn-notebooks --help' for usage.")]
    [InlineData(new[] { "run", "nb", "--frobnicate" }, "error: unknown option '--frobnicate'", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "run" }, "error: name at least one notebook or folder, e.g. 'rnn-notebooks run notebooks'", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "run", "nb", "-o" }, "error: -o needs a value", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "run", "nb", "--timeout", "--quick" }, "error: --timeout needs a value", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "run", "nb", "--notebook-timeout", "-5" }, "error: --notebook-timeout expects a whole number of seconds, got '-5'", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "run", "nb", "-p", "=1" }, "error: --param expects name=value, got '=1'", "Run 'rnn-notebooks run --help' for usage.")]
    [InlineData(new[] { "prepare", "--no-execute" }, "error: prepare always executes the notebooks; --no-execute belongs to 'run'", "Run 'rnn-notebooks prepare --help' for usage.")]
    [InlineData(new[] { "export" }, "error: name the executed notebooks or their folder, e.g. 'rnn-notebooks export artifacts/notebooks'", "Run 'rnn-notebooks export --help' for usage.")]
    [InlineData(new[] { "export", "x", "--resources" }, "error: --resources needs a value", "Run 'rnn-notebooks export --help' for usage.")]
    [InlineData(new[] { "convert", "--chek" }, "error: unknown option '--chek'", "Run 'rnn-notebooks convert --help' for usage.")]
    [InlineData(new[] { "compare" }, "error: compare needs <executed-notebook> and <app-output>", "Run 'rnn-notebooks compare --help' for usage.")]
    [InlineData(new[] { "compare", "a.ipynb" }, "error: compare needs <app-output>", "Run 'rnn-notebooks compare --help' for usage.")]
    [InlineData(new[] { "compare", "a.ipynb", "b.txt", "c.txt" }, "error: unexpected argument 'c.txt'", "Run 'rnn-notebooks compare --help' for usage.")]
    [InlineData(new[] { "compare", "a.ipynb", "--strict" }, "error: unknown option '--strict'", "Run 'rnn-notebooks compare --help' for usage.")]
    public async Task A_usage_error_names_the_argument_and_exits_with_2(string[] args, string expected, string hint)
    {
        var (code, output, error) = await Invoke(args);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(CommandLine.UsageError, code);
        Assert.StartsWith(expected, lines[0]);
        Assert.Equal(hint, lines[^1]);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_missing_file_for_compare_is_named()
    {
        var folder = TempFolder.Create();

        var (code, _, error) = await Invoke("compare", Path.Combine(folder, "gone.ipynb"), Path.Combine(folder, "out.txt"));

        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains($"error: {Path.Combine(folder, "gone.ipynb")}: no such executed notebook", error);
    }

    [Fact]
    public async Task Convert_check_reports_a_missing_app_and_exits_1()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("#r \"../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll\"\nvar x = 1;").Write(folder, "01-a.ipynb");

        var (code, output, _) = await Invoke("convert", folder, "--check");

        Assert.Equal(1, code);
        Assert.Contains("missing: ", output);
        Assert.False(File.Exists(Path.Combine(folder, "01-a.cs")));
    }

    [Fact]
    public async Task The_executable_prints_its_version_and_exits_2_on_bad_usage()
    {
        var (versionCode, version, _) = await Start("--version");
        var (badCode, _, bad) = await Start("run", "nb", "--timeout", "soon");

        Assert.Equal(0, versionCode);
        Assert.StartsWith("0.2.0", version.Trim());
        Assert.Equal(CommandLine.UsageError, badCode);
        Assert.StartsWith("error: --timeout expects a whole number of seconds, got 'soon'", bad);
    }

    private static string RunnerHelpSummary(string command) => command switch
    {
        "run" => "Executes notebooks in the .NET Interactive C# kernel and writes executed copies.",
        "prepare" => "Readies a workshop: runs every notebook, checks the data, writes executed copies, an HTML site and a report.",
        "export" => "Writes executed notebooks as the offline HTML site.",
        "convert" => "Writes each notebook as a C# file-based app beside it.",
        _ => "Holds a notebook app's printed numbers against the same notebook run in the kernel.",
    };

    private static async Task<(int ExitCode, string Output, string Error)> Start(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rnn-notebooks"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
