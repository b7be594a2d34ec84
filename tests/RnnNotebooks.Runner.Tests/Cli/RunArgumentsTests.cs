using RnnNotebooks.Runner.Cli;

namespace RnnNotebooks.Runner.Tests.Cli;

public class RunArgumentsTests
{
    [Fact]
    public void Options_are_parsed()
    {
        var parsed = RunArguments.Parse(["notebooks", "--param", "epochs=1", "-p", "name=a=b", "--quick", "--timeout", "60", "--notebook-timeout", "0", "--skip-unavailable", "-o", "out"]);

        Assert.Equal(["notebooks"], parsed.Paths);
        Assert.Equal("out", parsed.Output);
        Assert.Equal("1", parsed.Execution.Parameters["epochs"]);
        Assert.Equal("a=b", parsed.Execution.Parameters["name"]);
        Assert.True(parsed.Execution.Quick);
        Assert.True(parsed.Execution.SkipUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(60), parsed.Execution.CellTimeout);
        Assert.Null(parsed.Execution.NotebookTimeout);
    }

    [Fact]
    public void Defaults_write_to_artifacts_with_timeouts()
    {
        var parsed = RunArguments.Parse(["x.ipynb"]);

        Assert.Equal("artifacts/notebooks", parsed.Output);
        Assert.Equal(TimeSpan.FromSeconds(RunArguments.DefaultCellTimeoutSeconds), parsed.Execution.CellTimeout);
        Assert.Equal(TimeSpan.FromSeconds(RunArguments.DefaultNotebookTimeoutSeconds), parsed.Execution.NotebookTimeout);
    }

    [Theory]
    [InlineData("--param", "novalue", "--param expects name=value")]
    [InlineData("--timeout", "soon", "--timeout expects a whole number of seconds")]
    [InlineData("--frobnicate", null, "unknown option '--frobnicate'")]
    [InlineData("--output", null, "--output needs a value")]
    public void Bad_options_are_explained(string option, string? value, string expected)
    {
        string[] args = value is null ? ["nb", option] : ["nb", option, value];

        var error = Assert.Throws<UsageException>(() => RunArguments.Parse(args));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Help_documents_quick_and_param()
    {
        var output = new StringWriter();

        var code = await CommandLine.RunAsync(["run", "--help"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("// quick: <C# expression>", output.ToString());
        Assert.Contains("--param <name=value>", output.ToString());
        Assert.Contains("--skip-unavailable", output.ToString());
    }
}
