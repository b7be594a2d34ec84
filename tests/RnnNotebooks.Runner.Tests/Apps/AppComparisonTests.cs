using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Apps;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Apps;

/// <summary>An app's output held against the executed notebook: the same numbers, timings aside.</summary>
public class AppComparisonTests
{
    private static NotebookDocument Executed(params string[] printed)
    {
        var path = new TestNotebook().Code("// printed").Code("// table").Write();
        var notebook = NotebookFile.Read(path);
        notebook.Cells[0].Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = string.Join("\n", printed) + "\n" });
        notebook.Cells[1].Outputs.Add(new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { ["text/html"] = "<table class=\"rnn-table\"><thead><tr><th>model</th><th>accuracy</th></tr></thead><tbody><tr><td>RNN</td><td>0.8125</td></tr></tbody></table>" },
            ["metadata"] = new JsonObject(),
        });
        return notebook;
    }

    [Fact]
    public void The_same_numbers_compare_equal_and_app_only_lines_are_skipped()
    {
        var notebook = Executed("loss 0.6931", "accuracy 51.2 %");
        var app = "loss 0.6931\n[####################] epoch 1/1  loss 0.6931\naccuracy 51.2 %\nChart \"x\": 1 trace(s) [scatter]\n  written to a.html\nmodel  accuracy\n-----  --------\nRNN      0.8125\n";

        var result = AppComparison.Compare(notebook, app);

        Assert.True(result.Same);
        Assert.Equal(4, result.Compared);
        Assert.Equal(4, result.Equal);
    }

    [Fact]
    public void A_different_number_is_reported_with_both_lines()
    {
        var result = AppComparison.Compare(Executed("loss 0.6931", "accuracy 51.2 %"), "loss 0.6932\naccuracy 51.2 %\nmodel  accuracy\nRNN  0.8125\n");

        Assert.False(result.Same);
        var (kernel, app) = Assert.Single(result.Different);
        Assert.Equal("loss 0.6931", kernel);
        Assert.Equal("loss 0.6932", app);
    }

    [Fact]
    public void A_table_cell_that_differs_is_reported()
    {
        var result = AppComparison.Compare(Executed("loss 0.6931"), "loss 0.6931\nmodel  accuracy\nRNN  0.8000\n");
        Assert.Equal("RNN 0.8125", Assert.Single(result.Different).Kernel);
    }

    [Fact]
    public void A_table_whose_header_row_speaks_of_seconds_may_differ_in_its_rows_even_when_the_header_has_digits()
    {
        var path = new TestNotebook().Code("// table").Write();
        var notebook = NotebookFile.Read(path);
        notebook.Cells[0].Outputs.Add(new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { ["text/html"] = "<table class=\"rnn-table\"><thead><tr><th>model</th><th>± (95 %)</th><th>training seconds</th></tr></thead><tbody><tr><td>RNN</td><td>0.0282</td><td>0</td></tr></tbody></table>" },
            ["metadata"] = new JsonObject(),
        });

        var timingOnly = AppComparison.Compare(notebook, "model ± (95 %) training seconds\nRNN 0.0282 1\n");

        Assert.True(timingOnly.Same);
        Assert.Single(timingOnly.Timings);
    }

    [Fact]
    public void Timings_may_differ_and_a_missing_line_may_not()
    {
        var result = AppComparison.Compare(Executed("2 epochs in 3.5 s", "method seconds", "full 0.103", "final loss 1.25"), "2 epochs in 1.9 s\nmethod seconds\nfull 0.040\nmodel accuracy\nRNN 0.8125\n");

        Assert.Equal(2, result.Timings.Count);
        var (kernel, app) = Assert.Single(result.Different);
        Assert.Equal("final loss 1.25", kernel);
        Assert.Null(app);
    }
}
