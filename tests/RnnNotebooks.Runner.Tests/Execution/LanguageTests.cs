using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class LanguageTests
{
    [Fact]
    public async Task A_markdown_only_notebook_passes_and_keeps_its_cells()
    {
        var (result, notebook) = await new TestNotebook().Markdown("# Title").Markdown("text").RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal(2, notebook.Cells.Count);
        Assert.Empty(result.CellTimings);
    }

    [Fact]
    public async Task Markdown_magic_and_markdown_metadata_cells_are_not_run()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("#!markdown\nThis is *not* C#.")
            .CodeWithMetadata("not C# either", new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "markdown" } })
            .CodeWithMetadata("still not C#", new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "markdown" } })
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.All(notebook.Cells, cell => Assert.Empty(Outputs.Of(cell)));
    }

    [Fact]
    public async Task Csharp_magic_selects_CSharp_even_when_metadata_says_otherwise()
    {
        var (result, notebook) = await new TestNotebook()
            .CodeWithMetadata("#!csharp\n1 + 1", new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "markdown" } })
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal("2", Outputs.Text(Outputs.Single(notebook.Cells[0], "execute_result"), "text/plain"));
    }

    [Fact]
    public async Task A_compile_error_after_a_magic_line_reports_the_cell_line()
    {
        var (result, _) = await new TestNotebook().Code("#!csharp\nvar a = nope;").RunAsync();

        Assert.Contains("(2,9): error CS0103", result.Message);
    }

    [Fact]
    public async Task An_FSharp_cell_fails_with_a_clear_message()
    {
        var (result, _) = await new TestNotebook().Code("#!fsharp\nlet x = 1").RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("'fsharp' kernel is not supported", result.Message);
    }

    [Fact]
    public async Task An_unsupported_magic_command_fails_naming_it()
    {
        var (result, _) = await new TestNotebook().Code("#!time\n1").RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("'#!time' is not supported", result.Message);
    }
}
