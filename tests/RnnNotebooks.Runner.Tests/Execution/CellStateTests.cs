using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class CellStateTests
{
    [Fact]
    public async Task Variables_methods_types_and_usings_persist_across_cells()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("using System.Text.RegularExpressions;\nvar count = 3;")
            .Code("int Twice(int x) => 2 * x;\nrecord Point(int X, int Y);")
            .Code("Regex.IsMatch(\"ab\", \"b\") ? Twice(count) + new Point(1, 2).Y : -1")
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal("8", Outputs.Shown(Outputs.Single(notebook.Cells[2], "execute_result")));
    }

    [Fact]
    public async Task A_later_cell_may_redefine_a_name()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("int size = 5;\nstring Describe() => \"first\";")
            .Code("string size = \"large\";\nstring Describe() => \"second\";")
            .Code("$\"{size} {Describe()}\"")
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal("large second", Outputs.Shown(Outputs.Single(notebook.Cells[2], "execute_result")));
    }

    [Fact]
    public async Task Trailing_expression_becomes_the_execute_result_formatted_as_html_like_the_kernel()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("var values = new List<int> { 1, 2 };\nvalues.Sum()")
            .RunAsync();

        var output = Outputs.Single(notebook.Cells[0], "execute_result");
        Assert.Equal(1, output["execution_count"]!.GetValue<int>());
        // The kernel formats a number as HTML only; the runner no longer adds a text/plain copy.
        Assert.Equal(["text/html"], output["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("3", Outputs.Shown(output));
    }

    [Fact]
    public async Task A_statement_with_a_semicolon_or_a_void_call_has_no_result()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("var x = 1;\nx++;")
            .Code("Console.Write(\"\")")
            .RunAsync();

        Assert.Empty(Outputs.Of(notebook.Cells[0]));
        Assert.Empty(Outputs.Of(notebook.Cells[1]));
    }

    [Fact]
    public async Task A_null_result_is_shown()
    {
        var (_, notebook) = await new TestNotebook().Code("string? s = null;\ns").RunAsync();

        Assert.Equal("<null>", Outputs.Shown(Outputs.Single(notebook.Cells[0], "execute_result")));
    }

    [Fact]
    public async Task Top_level_await_works()
    {
        var (_, notebook) = await new TestNotebook().Code("await Task.Delay(1);\nawait Task.FromResult(41) + 1").RunAsync();

        Assert.Equal("42", Outputs.Shown(Outputs.Single(notebook.Cells[0], "execute_result")));
    }

    [Fact]
    public async Task Execution_counts_number_code_cells_in_order()
    {
        var (_, notebook) = await new TestNotebook().Code("1").Markdown("text").Code("2").RunAsync();

        Assert.Equal(1, notebook.Cells[0].Json["execution_count"]!.GetValue<int>());
        Assert.False(notebook.Cells[1].Json.ContainsKey("execution_count"));
        Assert.Equal(2, notebook.Cells[2].Json["execution_count"]!.GetValue<int>());
    }
}
