using Microsoft.Data.Analysis;
using RnnNotebooks.Course.Apps;
using RnnNotebooks.Course.Charts;
using RnnNotebooks.Course.Progress;
using RnnNotebooks.Course.Tables;

namespace RnnNotebooks.Course.Tests.Apps;

/// <summary>A notebook's app: its command line, its parameters and what its displays print.</summary>
public sealed class NotebookAppTests
{
    private static readonly AppParameter[] Declared = [new("epochs", typeof(int)), new("lr", typeof(double)), new("years", typeof(int[]))];

    private static string Error(params string[] args) =>
        Assert.Throws<FormatException>(() => NotebookApp.Parse(args, Declared)).Message;

    [Fact]
    public void The_command_line_gives_quick_output_and_parameter_texts()
    {
        var o = NotebookApp.Parse(["--quick", "-p", "epochs=3", "--param", "years=2019,2020", "-o", "out", "--no-images"], Declared);
        Assert.True(o.Quick);
        Assert.False(o.Images);
        Assert.Equal("out", o.Output);
        Assert.Equal("3", o.Values["epochs"]);
        Assert.Equal("2019,2020", o.Values["years"]);
    }

    [Fact]
    public void Each_bad_argument_is_named_in_its_error()
    {
        Assert.Equal("unknown option '--fast'", Error("--fast"));
        Assert.Equal("unexpected argument 'extra'", Error("extra"));
        Assert.Equal("--param expects name=value, got 'epochs'", Error("--param", "epochs"));
        Assert.Equal("--output needs a value", Error("--output"));
        Assert.StartsWith("--param batch: the parameters cell does not declare it (it declares epochs, lr, years)", Error("--param", "batch=2"));
        Assert.Equal("--param epochs: '99999999999' is not a valid int (finite, in range) (declared as int)", Error("-p", "epochs=99999999999"));
        Assert.Contains("--param lr: 'NaN'", Error("-p", "lr=NaN"));
        Assert.Contains("--param years: 'x,2020'", Error("-p", "years=x,2020"));
    }

    [Fact]
    public void Parameter_texts_read_as_the_declared_type()
    {
        Assert.Equal(3, ParameterText.Parse("3", typeof(int)));
        Assert.Equal(1e-3, ParameterText.Parse("1e-3", typeof(double)));
        Assert.Equal(0.5f, ParameterText.Parse("0.5f", typeof(float)));
        Assert.Equal(7UL, ParameterText.Parse("7", typeof(ulong)));
        Assert.Equal(true, ParameterText.Parse("true", typeof(bool)));
        Assert.Equal("a b", ParameterText.Parse("\"a b\"", typeof(string)));
        Assert.Equal(new[] { 2019, 2020 }, ParameterText.Parse("{ 2019, 2020 }", typeof(int[])));
        Assert.Equal(new[] { 0.9, 1.1 }, ParameterText.Parse("new[] { 0.9, 1.1 }", typeof(double[])));
        Assert.Throws<FormatException>(() => ParameterText.Parse("-1", typeof(ulong)));
        Assert.Throws<FormatException>(() => ParameterText.Parse("Infinity", typeof(double)));
        Assert.Throws<FormatException>(() => ParameterText.Parse("yes", typeof(bool)));
    }

    [Fact]
    public void A_table_prints_with_the_cells_of_its_html()
    {
        var frame = new DataFrame(Table.Column("model", new[] { "RNN", "LSTM" }), Table.Column("accuracy", new[] { 0.8123456789, 0.9 }));
        var text = Table.Text(frame);
        Assert.Equal("model  accuracy\n-----  --------\nRNN    0.812346\nLSTM        0.9\n", text);
        Assert.Contains(">0.812346<", Table.Html(frame));
    }

    [Fact]
    public void A_long_table_is_cut_in_the_middle_like_its_html()
    {
        var frame = new DataFrame(Table.Column("i", Enumerable.Range(0, 100)));
        var lines = Table.Text(frame).TrimEnd('\n').Split('\n');
        Assert.Equal(2 + (Table.MaxRows - 5) + 1 + 5 + 1, lines.Length);   // headers, rule, first rows, "…", last 5, count
        Assert.Equal("…", lines[2 + Table.MaxRows - 5].Trim());
        Assert.Equal("99", lines[^2].Trim());
        Assert.Equal("100 rows × 1 columns", lines[^1]);
    }

    [Fact]
    public void A_displayed_chart_is_written_as_a_standalone_page_whose_path_is_printed()
    {
        var folder = Directory.CreateTempSubdirectory("rnn-app-test-").FullName;
        NotebookApp.Configure("99-test", folder, images: false);
        var console = new StringWriter();

        AppOutput.Write(Plot.Line(new[] { 1, 2, 3 }, new[] { 1.0, 4.0, 9.0 }, name: "squares").WithTitle("Squares"), console);
        AppOutput.Write(Plot.Line(new[] { 1, 2 }, new[] { 1.0, 2.0 }, name: "line"), console);

        var page = Path.Combine(folder, "99-test-chart-01.html");
        Assert.True(File.Exists(page));
        Assert.True(File.Exists(Path.Combine(folder, "99-test-chart-02.html")));
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains(PlotlyJs.Version, html);           // plotly.js inside: the page works offline
        Assert.Contains("\"squares\"", html);
        Assert.Contains("Chart \"Squares\": 1 trace(s) [scatter 'squares']", console.ToString());
        Assert.Contains("99-test-chart-01.html", console.ToString());
    }

    [Fact]
    public void Other_values_print_as_the_kernels_plain_text()
    {
        var console = new StringWriter();
        AppOutput.Write("text", console);
        AppOutput.Write(42, console);
        AppOutput.Write(null, console);
        Assert.Equal("text\n42\n<null>\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_progress_value_prints_its_bar()
    {
        var p = new TrainingProgress(4, "demo");
        p.Report(1, 0.5, TimeSpan.FromSeconds(1));
        var console = new StringWriter();
        AppOutput.Write(p, console);
        Assert.StartsWith("demo  [#####...............] epoch 1/4  loss 0.5000", console.ToString());
    }

    [Fact]
    public void Outside_a_kernel_the_course_says_so()
    {
        Assert.False(Notebook.InKernel);
    }
}
