using System.Diagnostics;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class OutputTests
{
    private const string ContextDisplay = "Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.Display(Microsoft.DotNet.Interactive.KernelInvocationContext.Current, ";

    [Fact]
    public async Task Console_out_and_error_become_stream_outputs_in_order()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"!\");")
            .RunAsync();

        var outputs = Outputs.Of(notebook.Cells[0]);
        Assert.Equal(["stdout", "stderr", "stdout"], outputs.Select(o => o["name"]!.GetValue<string>()));
        Assert.Equal("one\ntwo", MultilineText.Read(outputs[0]["text"]));
        Assert.Equal("oops\n", MultilineText.Read(outputs[1]["text"]));
        Assert.Equal("!\n", MultilineText.Read(outputs[2]["text"]));
    }

    [Fact]
    public async Task Output_of_a_background_task_awaited_in_the_cell_is_captured()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("await Task.Run(() => Console.WriteLine(\"from the pool\"));")
            .RunAsync();

        Assert.Equal("from the pool\n", Outputs.StreamText(notebook.Cells[0], "stdout"));
    }

    [Fact]
    public async Task A_display_updated_through_its_id_is_one_output_showing_the_last_value()
    {
        var (result, notebook) = await new TestNotebook()
            .Code(ContextDisplay + "\"epoch 0\");\nConsole.WriteLine(\"training\");")
            .Code("var progress = " + ContextDisplay + "\"epoch 0/3\");\nfor (var e = 1; e <= 3; e++) progress.Update($\"epoch {e}/3\");")
            .RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal(["display_data", "stream"], Outputs.Of(notebook.Cells[0]).Select(o => o["output_type"]!.GetValue<string>()));
        var progress = Outputs.Single(notebook.Cells[1], "display_data");
        Assert.Equal("epoch 3/3", Outputs.Text(progress, "text/plain"));
    }

    [Fact]
    public async Task An_update_in_a_later_cell_replaces_the_output_of_the_cell_that_displayed_it()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("var shown = " + ContextDisplay + "\"first\");")
            .Code("shown.Update(\"second\");")
            .RunAsync();

        Assert.Equal("second", Outputs.Text(Outputs.Single(notebook.Cells[0], "display_data"), "text/plain"));
        Assert.Empty(Outputs.Of(notebook.Cells[1]));
    }

    [Fact]
    public async Task The_handle_of_the_display_helper_updates_under_another_id_which_Jupyter_drops()
    {
        // This kernel version's display(x) handle sends updates under a different display id: VS Code shows a
        // second box, Jupyter drops the update. The runner behaves like Jupyter, so the first value stays.
        var (result, notebook) = await new TestNotebook()
            .Code("var progress = display(\"epoch 0\");\nprogress.Update(\"epoch 1\");")
            .RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("epoch 0", Outputs.Text(Outputs.Single(notebook.Cells[0], "display_data"), "text/plain"));
    }

    [Fact]
    public async Task Display_with_mime_types_uses_exactly_those()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("display(new[] { 1, 2 }, \"text/plain\");")
            .RunAsync();

        var data = Outputs.Single(notebook.Cells[0], "display_data")["data"]!.AsObject();
        Assert.Equal(["text/plain"], data.Select(p => p.Key));
        Assert.Equal("[ 1, 2 ]", Outputs.Text(Outputs.Single(notebook.Cells[0], "display_data"), "text/plain"));
    }

    [Fact]
    public async Task Two_hundred_thousand_printed_lines_become_one_stream_output()
    {
        var clock = Stopwatch.StartNew();
        var (result, notebook) = await new TestNotebook()
            .Code("for (var i = 0; i < 200000; i++) Console.WriteLine(i);")
            .RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        var stream = Outputs.Single(notebook.Cells[0], "stream");
        var lines = stream["text"]!.AsArray();
        Assert.Equal(200000, lines.Count);
        Assert.Equal("199999\n", lines[^1]!.GetValue<string>());
        // A bound on quadratic re-joining (hours for this many lines), not a speed test.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"took {clock.Elapsed}");
    }
}
