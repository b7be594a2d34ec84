using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

/// <summary>The runner behaves like the kernel VS Code and Jupyter start: same folder, same language, no extras.</summary>
public class KernelTests
{
    [Fact]
    public async Task The_working_directory_is_the_notebook_folder()
    {
        var folder = TempFolder.Create();
        var (result, notebook) = await new TestNotebook()
            .Code("System.IO.File.WriteAllText(\"out.txt\", \"written\");\nSystem.IO.Directory.GetCurrentDirectory()")
            .RunAsync(folder: folder);

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("written", File.ReadAllText(Path.Combine(folder, "out.txt")));
        Assert.Contains(folder, Outputs.Shown(Outputs.Single(notebook.Cells[0], "execute_result")));
    }

    [Fact]
    public async Task Cells_compile_with_the_kernels_latest_language_version()
    {
        // The '\e' escape is C# 13; the runner used to pin C# 12.
        var (result, notebook) = await new TestNotebook().Code("(int)\"\\e\"[0]").RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("27", Outputs.Shown(Outputs.Single(notebook.Cells[0], "execute_result")));
    }

    [Fact]
    public async Task Cells_get_the_kernels_imports_and_nothing_more()
    {
        // The kernel imports neither Formatting nor PocketView into cells; the runner used to.
        var (result, _) = await new TestNotebook().Code("var tag = div(\"x\");").RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("CS0103", result.Message);
    }

    [Fact]
    public async Task A_return_value_carries_the_execution_count()
    {
        var (_, notebook) = await new TestNotebook().Code("var a = 1;").Code("\"text\"").RunAsync();

        var output = Outputs.Single(notebook.Cells[1], "execute_result");
        Assert.Equal(2, output["execution_count"]!.GetValue<int>());
        Assert.Equal("text", Outputs.Text(output, "text/plain"));
    }
}
