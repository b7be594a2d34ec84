using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Viz;

namespace RnnNotebooks.Course.Tests;

public class NotebookTests
{
    [Fact]
    public void Setup_registers_the_course_displays_and_prints_one_line()
    {
        var console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Notebook.Setup();
            Notebook.Setup();
        }
        finally { Console.SetOut(console); }
        var lines = captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("RnnNotebooks ", lines[0]);
        Assert.Contains(".NET ", lines[0]);

        var figure = Chart.Line(new[] { 1.0, 2.0 }, name: "loss");
        var html = figure.ToDisplayString("text/html");
        Assert.Contains("rnn-viz-", html);                // the figure's own HTML, not the default object table
        Assert.Contains("\"loss\"", html);
        Assert.Equal(figure.ToSvg(), figure.ToDisplayString("image/svg+xml"));
        var verdict = ExerciseResult.Fail("03.1", "h is already tanh(a)");
        Assert.Equal("✘ 03.1: h is already tanh(a)", verdict.ToDisplayString("text/plain"));
        Assert.Equal(["text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(ExerciseResult)));
    }
}
