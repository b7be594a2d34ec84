using RnnNotebooks.Runner.Cli;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Cli;

public class PrepareCommandTests
{
    private static async Task<(int ExitCode, string Output)> Prepare(params string[] args)
    {
        var output = new StringWriter();
        var code = await PrepareCommand.RunAsync(PrepareArguments.Parse(args), output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public void Prepare_defaults_to_the_course_notebooks_and_the_workshop_folder()
    {
        var arguments = PrepareArguments.Parse(["--quick", "--allow-samples"]);

        Assert.Equal(["notebooks"], arguments.Run.Paths);
        Assert.Equal("artifacts/workshop", arguments.Run.Output);
        Assert.True(arguments.Run.Execution.Quick);
        Assert.True(arguments.AllowSamples);
    }

    [Fact]
    public async Task Prepare_writes_executed_copies_the_site_and_a_report_that_names_notebooks_on_sample_data()
    {
        var folder = TempFolder.Create();
        var workshop = Path.Combine(TempFolder.Create(), "workshop");
        new TestNotebook().Markdown("# Real").Code("Console.WriteLine(\"25,000 reviews\");").Write(folder, "01-real.ipynb");
        new TestNotebook().Markdown("# Sampled")
            .Code("Console.WriteLine(\"[RnnNotebooks.Data] IMDB: real data not found (looked in /x).\\n[RnnNotebooks.Data] To get the real data: Downloader.Fetch(\\\"imdb-tarball\\\")\");")
            .Write(folder, "02-sample.ipynb");

        var (code, text) = await Prepare(folder, "-o", workshop, "--plain");
        var (allowed, allowedText) = await Prepare(folder, "-o", workshop, "--plain", "--allow-samples");

        Assert.Equal(1, code);
        Assert.True(allowed == 0, allowedText);
        Assert.Matches(@"\| 01-real\.ipynb \| passed \| \d+\.\d s \| \d+\.\d\d GB \| no samples \|", text);
        Assert.Matches(@"\| 02-sample\.ipynb \| passed \| \d+\.\d s \| \d+\.\d\d GB \| SAMPLE: IMDB \|", text);
        Assert.Contains("- SAMPLE data for IMDB in 02-sample.ipynb. To get the real data: Downloader.Fetch(\"imdb-tarball\")", text);
        Assert.Contains("- Parameters: default", text);
        Assert.Contains("- GPU: not checked", text);
        Assert.EndsWith("2 passed, 0 failed, 1 on sample data", text.TrimEnd());
        Assert.True(File.Exists(Path.Combine(workshop, "notebooks", "02-sample.ipynb")));
        Assert.Contains("| 02-sample.ipynb |", File.ReadAllText(Path.Combine(workshop, "report.md")));
        var index = File.ReadAllText(Path.Combine(workshop, "site", "index.html"));
        Assert.Contains("<a href=\"02-sample.html\">Sampled</a>", index);
        Assert.Contains("SAMPLE: IMDB", index);
        Assert.Contains("25,000 reviews", File.ReadAllText(Path.Combine(workshop, "site", "01-real.html")));
    }

    [Fact]
    public async Task Run_without_executing_writes_copies_with_the_quick_parameters_injected_and_no_outputs()
    {
        var folder = TempFolder.Create();
        var output = Path.Combine(TempFolder.Create(), "parametrized");
        new TestNotebook().Code("int epochs = 10; // quick: 1", "parameters").Code("File.WriteAllText(\"ran\", \"\");").Write(folder, "a.ipynb");

        var text = new StringWriter();
        var code = await RunCommand.RunAsync(RunArguments.Parse([folder, "--quick", "--no-execute", "-o", output]), text, CancellationToken.None);

        Assert.Equal(0, code);
        var copy = RnnNotebooks.Runner.Notebooks.NotebookFile.Read(Path.Combine(output, "a.ipynb"));
        Assert.Equal(3, copy.Cells.Count);
        Assert.Equal(["injected-parameters"], copy.Cells[1].Tags);
        Assert.Equal("// Injected parameters (--quick)\nint epochs = 1;", copy.Cells[1].Source);
        Assert.All(copy.Cells, c => Assert.Empty(c.Outputs));
        Assert.False(File.Exists(Path.Combine(folder, "ran")));
    }
}
