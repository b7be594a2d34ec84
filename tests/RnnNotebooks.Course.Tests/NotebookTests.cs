using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Course.Charts;

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

        var chart = Plot.Line(new[] { 1.0, 2.0 }, name: "loss");
        var html = chart.ToDisplayString("text/html");
        Assert.Contains("Plotly.newPlot", html);          // the chart's plotly HTML, not the default object table
        Assert.Contains("\"loss\"", html);
        Assert.DoesNotMatch("<script[^>]*src=\"https?:", html);   // plotly.js is inline, not loaded from a CDN
        var verdict = ExerciseResult.Fail("03.1", "h is already tanh(a)");
        Assert.Equal("✘ 03.1: h is already tanh(a)", verdict.ToDisplayString("text/plain"));
        Assert.Equal(["text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(ExerciseResult)));
    }

    [Fact]
    public void Show_and_MaxDiff_print_vectors_and_their_disagreement()
    {
        Assert.Equal("[+0.1235, -2.0000]", Notebook.Show([0.12345, -2.0]));
        Assert.Equal("[+0.12]", Notebook.Show([0.1234], decimals: 2));
        Assert.Equal(0.5, Notebook.MaxDiff([1.0, 2.0], [1.25, 1.5]));
        Assert.Throws<ArgumentException>(() => Notebook.MaxDiff([1.0], [1.0, 2.0]));
    }
}
