using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class OutputTests
{
    [Fact]
    public async Task Console_out_and_error_become_stream_outputs_in_order()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"!\");")
            .RunAsync();

        var outputs = Outputs.Of(notebook.Cells[0]);
        Assert.Equal(["stdout", "stderr", "stdout"], outputs.Select(o => o["name"]!.GetValue<string>()));
        Assert.Equal("one\ntwo", RnnNotebooks.Runner.Notebooks.MultilineText.Read(outputs[0]["text"]));
        Assert.Equal("oops\n", RnnNotebooks.Runner.Notebooks.MultilineText.Read(outputs[1]["text"]));
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
    public async Task Display_shows_a_value_and_Update_replaces_it()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("var progress = display(\"epoch 0\");\nConsole.WriteLine(\"training\");")
            .Code("for (var e = 1; e <= 3; e++) progress.Update($\"epoch {e}\");\nprogress.DisplayId.Length > 0")
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        var shown = Outputs.Of(notebook.Cells[0]);
        Assert.Equal(["display_data", "stream"], shown.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("epoch 3", Outputs.Text(shown[0], "text/plain"));
    }

    [Fact]
    public async Task Update_formats_with_the_mime_types_of_the_first_display()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("var shown = display(\"text first\");\nshown.Update(new[] { 1, 2 });")
            .RunAsync();

        var data = Outputs.Single(notebook.Cells[0], "display_data")["data"]!.AsObject();
        Assert.Equal(["text/plain"], data.Select(p => p.Key));
        Assert.Equal("[ 1, 2 ]", Outputs.Text(Outputs.Single(notebook.Cells[0], "display_data"), "text/plain"));
    }

    [Fact]
    public async Task Display_with_mime_types_uses_exactly_those()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("display(42, \"text/html\");\nnew { A = 1 }.Display(\"text/plain\");")
            .RunAsync();

        var outputs = Outputs.Of(notebook.Cells[0]);
        Assert.Equal(["text/html"], outputs[0]["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["text/plain"], outputs[1]["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_registered_formatter_and_preferred_mime_types_are_used_like_the_kernel()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("""
                  public class Figure { public string ToSvg() => "<svg id='f'></svg>"; }
                  Formatter.Register<Figure>((f, w) => w.Write("<div>" + f.ToSvg() + "</div>"), "text/html");
                  Formatter.Register<Figure>((f, w) => w.Write(f.ToSvg()), "image/svg+xml");
                  Formatter.SetPreferredMimeTypesFor(typeof(Figure), "text/html", "image/svg+xml");
                  """)
            .Code("new Figure()")
            .RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        var output = Outputs.Single(notebook.Cells[1], "execute_result");
        Assert.Equal(["text/html", "image/svg+xml", "text/plain"], output["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("<div><svg id='f'></svg></div>", Outputs.Text(output, "text/html"));
        Assert.Equal("<svg id='f'></svg>", Outputs.Text(output, "image/svg+xml"));
    }

    [Fact]
    public async Task Formatter_registrations_do_not_leak_into_the_next_notebook()
    {
        await new TestNotebook().Code("Formatter.Register<int>(i => \"custom\", \"text/plain\");").RunAsync();

        var (_, notebook) = await new TestNotebook().Code("7").RunAsync();

        Assert.Equal("7", Outputs.Text(Outputs.Single(notebook.Cells[0], "execute_result"), "text/plain"));
    }

    [Fact]
    public async Task PocketView_tags_and_HTML_are_available_as_in_the_kernel()
    {
        var (result, notebook) = await new TestNotebook().Code("display(HTML(\"<b>x</b>\"));\nb(\"bold\")").RunAsync();

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Contains("<b>x</b>", Outputs.Text(Outputs.Single(notebook.Cells[0], "display_data"), "text/html"));
        Assert.Contains("<b>bold</b>", Outputs.Text(Outputs.Single(notebook.Cells[0], "execute_result"), "text/html"));
    }
}
