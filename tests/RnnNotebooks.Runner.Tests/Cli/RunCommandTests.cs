using RnnNotebooks.Runner.Cli;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Cli;

public class RunCommandTests
{
    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await RunCommand.RunAsync(RunArguments.Parse(args), output, CancellationToken.None);
        return (code, output.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task An_empty_folder_is_an_error_unless_allowed()
    {
        var folder = TempFolder.Create();

        var (code, output) = await Run(folder);
        var (allowedCode, _) = await Run(folder, "--allow-empty");

        Assert.Equal(1, code);
        Assert.Contains($"No notebooks (*.ipynb) found in: {folder}", output);
        Assert.Equal(0, allowedCode);
    }

    [Fact]
    public async Task A_missing_folder_counts_as_empty_when_empty_is_allowed()
    {
        var (code, output) = await Run("/no/such/notebooks", "--allow-empty");

        Assert.Equal(0, code);
        Assert.Equal(["No notebooks (*.ipynb) found in: /no/such/notebooks (allowed by --allow-empty)"], Lines(output));
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => Run("/no/such/notebooks"));

        Assert.Equal("/no/such/notebooks: no such notebook or folder", error.Message);
    }

    [Fact]
    public async Task The_output_folder_may_not_overwrite_the_sources()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("1").Write(folder, "a.ipynb");

        var error = await Assert.ThrowsAsync<UsageException>(() => Run(folder, "--output", folder));

        Assert.Contains("would overwrite the source", error.Message);
    }

    [Fact]
    public async Task Notebooks_run_in_file_name_order_in_their_own_processes_and_the_summary_counts_them()
    {
        var folder = TempFolder.Create();
        var output = Path.Combine(TempFolder.Create(), "executed");
        new TestNotebook().Code("int epochs = 10; // quick: 1", "parameters").Code("epochs").Write(folder, "02-quick.ipynb");
        new TestNotebook().Code("throw new Exception(\"broken on purpose\");").Write(folder, "03-fails.ipynb");
        new TestNotebook().Markdown("# Intro").Write(folder, "01-intro.ipynb");
        new TestNotebook().Code("#r \"nuget: RnnNotebooks.Tests.NoSuchPackage, 1.0.0\"").Write(folder, "04-torch.ipynb");
        File.WriteAllText(Path.Combine(folder, "05-broken.ipynb"), "{ not json");
        var sourceBefore = File.ReadAllText(Path.Combine(folder, "02-quick.ipynb"));

        var (code, text) = await Run(folder, "--quick", "--skip-unavailable", "--output", output, "--plain");
        var lines = Lines(text);

        Assert.Equal(1, code);
        Assert.Equal("2 passed, 2 failed, 1 skipped", lines[^1]);
        Assert.StartsWith("skipped 04-torch.ipynb: NuGet package RnnNotebooks.Tests.NoSuchPackage 1.0.0 is not restorable", lines[^2]);
        var order = lines.Where(l => l.StartsWith("passed") || l.StartsWith("FAILED") || l.StartsWith("skipped ")).Take(5).ToArray();
        Assert.Equal(["01-intro", "02-quick", "03-fails", "04-torch", "05-broken"], order.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1][..^6]));
        Assert.Contains(lines, l => l.Trim() == "cell 1: System.Exception: broken on purpose");
        Assert.Contains(lines, l => l.Contains("05-broken.ipynb: not valid JSON"));
        Assert.Contains("\"1\"", File.ReadAllText(Path.Combine(output, "02-quick.ipynb")));
        Assert.Equal(sourceBefore, File.ReadAllText(Path.Combine(folder, "02-quick.ipynb")));
    }

    [Fact]
    public async Task A_runaway_cell_is_stopped_by_the_timeout_and_its_process_ends()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("while (true) { }").Write(folder, "spin.ipynb");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, text) = await Run(folder, "--timeout", "1", "--output", Path.Combine(folder, "out"), "--plain");

        Assert.Equal(1, code);
        Assert.Contains("cell 1: Timeout: the cell ran longer than the cell timeout of 1 s", text);
        Assert.Equal("0 passed, 1 failed", Lines(text)[^1]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
