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
        Assert.DoesNotContain(traceback, l => l.Contains("Microsoft.CodeAnalysis.Scripting") || l.Contains("Microsoft.DotNet.Interactive.") || l.Contains("RnnNotebooks.Runner."));
    }
}
