using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class ErrorTests
{
    [Fact]
    public async Task A_compile_error_fails_the_cell_with_its_number_and_stops_the_run()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("var ok = 1;")
            .Markdown("between")
            .Code("var y = missing + 1;")
            .Code("Console.WriteLine(\"never\");")
            .RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal(3, result.FailedCell);
        Assert.StartsWith("cell 3: CompilationError: (1,9): error CS0103", result.Message);
        var error = Outputs.Single(notebook.Cells[2], "error");
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.StartsWith("Cell 3: ", error["traceback"]![0]!.GetValue<string>());
        Assert.Empty(Outputs.Of(notebook.Cells[3]));
        Assert.Null(notebook.Cells[3].Json["execution_count"]);
    }

    [Fact]
    public async Task A_runtime_exception_becomes_an_error_output_after_earlier_output()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");")
            .RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal("cell 1: System.InvalidOperationException: boom", result.Message);
        var outputs = Outputs.Of(notebook.Cells[0]);
        Assert.Equal(["stream", "error"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("boom", outputs[1]["evalue"]!.GetValue<string>());
        var traceback = outputs[1]["traceback"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        Assert.Equal("Cell 1: System.InvalidOperationException: boom", traceback[0]);
        Assert.Contains(traceback, l => l.Contains("Submission#"));
        Assert.DoesNotContain(traceback, l => l.Contains("Microsoft.CodeAnalysis.Scripting") || l.Contains("RnnNotebooks.Runner."));
    }

    [Fact]
    public async Task A_cell_that_exceeds_the_cell_timeout_fails_the_notebook()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("var fast = 1;")
            .Code("System.Threading.Thread.Sleep(60000);")
            .Code("fast")
            // Long enough for the first cell's compilation on a loaded machine, far shorter than the sleep.
            .RunAsync(new ExecutionOptions { CellTimeout = TimeSpan.FromSeconds(8) });

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal(2, result.FailedCell);
        Assert.Contains("cell timeout of 8", result.Message);
        Assert.Equal("Timeout", Outputs.Single(notebook.Cells[1], "error")["ename"]!.GetValue<string>());
        Assert.Empty(Outputs.Of(notebook.Cells[2]));
    }

    [Fact]
    public async Task The_notebook_timeout_bounds_the_sum_of_cells()
    {
        // Each cell is within the cell timeout; together they exceed the notebook timeout.
        var (result, notebook) = await new TestNotebook()
            .Code("System.Threading.Thread.Sleep(700);")
            .Code("System.Threading.Thread.Sleep(700);")
            .Code("System.Threading.Thread.Sleep(700);")
            .RunAsync(new ExecutionOptions { CellTimeout = TimeSpan.FromSeconds(10), NotebookTimeout = TimeSpan.FromMilliseconds(1500) });

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("notebook timeout of 1.5 s", result.Message);
        Assert.Equal("Timeout", Outputs.Single(notebook.Cells[result.FailedCell!.Value - 1], "error")["ename"]!.GetValue<string>());
    }
}
