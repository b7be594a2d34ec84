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
        new TestNotebook().Code("int epochs = 10; // quick: 1", "parameters").Code("$\"epochs={epochs}\"").Write(folder, "02-quick.ipynb");
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
        Assert.Matches(@"^passed  02-quick\.ipynb  \d+\.\d s, peak memory 0\.[0-9][0-9] GB$", order[1]);   // the kernel process, well under 1 GB
        Assert.Contains(lines, l => l.Trim() == "cell 1: System.Exception: broken on purpose");
        Assert.Contains(lines, l => l.Contains("05-broken.ipynb: not valid JSON"));
        Assert.Contains("epochs=1", File.ReadAllText(Path.Combine(output, "02-quick.ipynb")));
        Assert.Equal(sourceBefore, File.ReadAllText(Path.Combine(folder, "02-quick.ipynb")));
    }

    [Fact]
    public async Task A_runaway_cell_is_stopped_by_the_cell_timeout_and_its_process_ends()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("while (true) { }").Write(folder, "spin.ipynb");

        var (code, text) = await Run(folder, "--timeout", "1", "--output", Path.Combine(folder, "out"), "--plain");

        Assert.Equal(1, code);
        Assert.Contains("cell 1: Timeout: the cell ran longer than the cell timeout of 1 s", text);
        Assert.Equal("0 passed, 1 failed", Lines(text)[^1]);
        Assert.Contains("\"Timeout\"", File.ReadAllText(Path.Combine(folder, "out", "spin.ipynb")));
    }

    [Fact]
    public async Task The_notebook_timeout_fails_a_notebook_whose_cells_together_run_longer()
    {
        // Each cell is far within the cell timeout; the sleeps alone exceed the notebook timeout, however fast the machine.
        var folder = TempFolder.Create();
        new TestNotebook()
            .Code("System.Threading.Thread.Sleep(700);")
            .Code("System.Threading.Thread.Sleep(700);")
            .Code("System.Threading.Thread.Sleep(700);")
            .Code("System.IO.File.WriteAllText(\"finished\", \"\");")
            .Write(folder, "slow.ipynb");

        var (code, text) = await Run(folder, "--timeout", "600", "--notebook-timeout", "1", "--output", Path.Combine(folder, "out"), "--plain");

        Assert.Equal(1, code);
        Assert.Contains("Timeout: the ", text);
        Assert.Contains("notebook timeout of 1 s", text);
        Assert.False(File.Exists(Path.Combine(folder, "finished")));
    }

    [Fact]
    public async Task A_cell_that_calls_Environment_Exit_is_reported_with_its_number()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("Console.WriteLine(\"before\");").Code("Environment.Exit(3);").Code("var never = 1;").Write(folder, "exits.ipynb");

        var (code, text) = await Run(folder, "--output", Path.Combine(folder, "out"), "--plain");

        Assert.Equal(1, code);
        Assert.Contains("cell 2: EnvironmentExit: the cell ended the kernel process with Environment.Exit(3)", text);
        var executed = RnnNotebooks.Runner.Notebooks.NotebookFile.Read(Path.Combine(folder, "out", "exits.ipynb"));
        Assert.Equal("EnvironmentExit", Outputs.Single(executed.Cells[1], "error")["ename"]!.GetValue<string>());
        Assert.Equal("before\n", Outputs.StreamText(executed.Cells[0], "stdout"));
    }

    [Fact]
    public async Task A_cell_that_overflows_the_stack_is_reported_with_its_number()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("var ok = 1;").Code("int Down(int n) => Down(n + 1) + 1;\nDown(0)").Write(folder, "deep.ipynb");

        var (code, text) = await Run(folder, "--output", Path.Combine(folder, "out"), "--plain");

        Assert.Equal(1, code);
        Assert.Contains("cell 2: stack overflow", text);
        Assert.Equal("0 passed, 1 failed", Lines(text)[^1]);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_is_refused_before_any_notebook_runs()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("System.IO.File.WriteAllText(\"ran\", \"\");").Write(folder, "a.ipynb");
        var file = Path.Combine(folder, "a-file");
        File.WriteAllText(file, "");

        var error = await Assert.ThrowsAsync<UsageException>(() => Run(folder, "--output", Path.Combine(file, "out")));

        Assert.Contains($"the output folder {Path.Combine(file, "out")} cannot be written", error.Message);
        Assert.False(File.Exists(Path.Combine(folder, "ran")));
    }

    [Fact]
    public async Task A_param_that_no_parameters_cell_declares_is_an_error()
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("int epochs = 10;", "parameters").Write(folder, "a.ipynb");

        var error = await Assert.ThrowsAsync<UsageException>(() => Run(folder, "--param", "epocs=2"));

        Assert.StartsWith("--param epocs: no parameters cell declares it", error.Message);
    }

    [Theory]
    [InlineData("epochs=99999999999", "--param epochs: '99999999999' is not a valid int")]
    [InlineData("lr=NaN", "--param lr: 'NaN' is not a valid double")]
    [InlineData("lr=fast", "--param lr: 'fast' is not a valid double")]
    public async Task A_param_value_that_does_not_fit_the_declared_type_is_refused_naming_it(string param, string expected)
    {
        var folder = TempFolder.Create();
        new TestNotebook().Code("int epochs = 10;\ndouble lr = 0.01;", "parameters").Write(folder, "a.ipynb");

        var error = await Assert.ThrowsAsync<UsageException>(() => Run(folder, "--param", param));

        Assert.StartsWith(expected, error.Message);
        Assert.Contains("a.ipynb, cell 1", error.Message);
    }

    [Fact]
    public async Task SIGTERM_to_the_runner_ends_the_notebook_process_too()
    {
        var folder = TempFolder.Create();
        var pidFile = Path.Combine(folder, "kernel.pid");
        new TestNotebook()
            .Code("System.IO.File.WriteAllText(\"kernel.pid\", Environment.ProcessId.ToString());\nwhile (true) System.Threading.Thread.Sleep(50);")
            .Write(folder, "forever.ipynb");
        var runner = new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rnn-notebooks"))
        {
            ArgumentList = { "run", folder, "--output", Path.Combine(folder, "out"), "--plain" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(runner)!;
        var kernelPid = await WaitForAsync(() => File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile), out var pid) ? pid : (int?)null);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        var gone = await WaitForAsync(() => Directory.Exists($"/proc/{kernelPid}") && !File.ReadAllText($"/proc/{kernelPid}/stat").Contains(") Z ") ? null : (bool?)true);

        Assert.NotEqual(0, process.ExitCode);
        Assert.True(gone);
    }

    // Polls until the probe returns a value; the bound only stops a test that would otherwise hang.
    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : struct
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (probe() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the condition did not hold within 3 minutes");
    }
}
