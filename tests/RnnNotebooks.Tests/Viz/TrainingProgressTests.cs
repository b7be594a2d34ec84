using System.Xml.Linq;
using RnnNotebooks.Viz;

namespace RnnNotebooks.Tests.Viz;

public sealed class TrainingProgressTests
{
    [Fact]
    public void Report_updates_epoch_history_text_and_html()
    {
        var p = new TrainingProgress(10, "SimpleRNN <IMDB>");
        p.Report(1, 0.6931, ("val_loss", 0.7), ("accuracy", 0.5));
        p.Report(2, 0.5, TimeSpan.FromSeconds(20), ("val_loss", 0.55), ("accuracy", 0.75));
        Assert.Equal(2, p.Epoch);
        Assert.False(p.IsComplete);
        Assert.Equal(new[] { 0.6931, 0.5 }, p.History["loss"]);
        Assert.Equal(new[] { "loss", "val_loss", "accuracy" }, p.History.Keys);
        Assert.Equal(TimeSpan.FromSeconds(80), p.Remaining);
        Assert.Equal("epoch 2/10  loss 0.5000  val_loss 0.5500  accuracy 0.7500  elapsed 0:20  left 1:20", p.ToString());

        var html = p.ToHtml();
        Assert.Contains("SimpleRNN &lt;IMDB&gt;", html);
        Assert.Contains("<td style=\"text-align:right;padding:2px 10px;font-family:monospace\">2/10</td>", html);
        Assert.Contains("width:20.0%", html);
        XElement.Parse(html);   // well-formed, so it also embeds in XHTML exports
    }

    [Fact]
    public void Dictionary_metrics_and_skipped_epochs_keep_epoch_alignment()
    {
        var p = new TrainingProgress(3);
        p.Report(1, 1.0, new Dictionary<string, double> { ["acc"] = 0.5 });
        p.Report(3, 0.5, new Dictionary<string, double> { ["acc"] = 0.9 });
        Assert.True(p.IsComplete);
        Assert.Equal(3, p.History["loss"].Count);
        Assert.True(double.IsNaN(p.History["acc"][1]));
        Assert.DoesNotContain("left", p.ToString());
    }

    [Fact]
    public void Invalid_epochs_are_rejected()
    {
        var p = new TrainingProgress(2);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => p.Report(3, 0.1)).ParamName);
        p.Report(2, 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Report(1, 0.1));
        Assert.Throws<InvalidOperationException>(() => new TrainingProgress(5).Chart());
        Assert.Equal("totalEpochs", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingProgress(0)).ParamName);
    }

    [Fact]
    public void Chart_pairs_train_and_validation_series_per_metric()
    {
        var p = new TrainingProgress(3);
        for (var e = 1; e <= 3; e++) p.Report(e, 1.0 / e, ("val_loss", 1.2 / e), ("accuracy", 0.5 + e / 10.0), ("val_accuracy", 0.4 + e / 10.0));
        var chart = p.Chart();
        Assert.Equal(2, chart.Columns);
        Assert.Equal(new[] { "loss", "accuracy" }, chart.SubplotTitles);
        var traces = chart.Traces.Cast<ScatterTrace>().ToList();
        Assert.Equal(new[] { "loss", "val_loss", "accuracy", "val_accuracy" }, traces.Select(t => t.Name));
        Assert.Equal(new[] { 1.0, 2, 3 }, traces[0].X);
        Assert.Equal(LineDash.Dash, traces[1].Dash);
        Assert.Equal(traces[0].Color, traces[2].Color);
        Assert.Equal("epoch", chart.XAxis.Title);
        XDocument.Parse(chart.ToSvg());
    }

    [Fact]
    public void History_accepts_plain_dictionaries_of_lists()
    {
        var single = Chart.History(new Dictionary<string, List<double>> { ["loss"] = new() { 3, 2, 1 } }, logLoss: true);
        Assert.Equal(1, single.Rows * single.Columns);
        Assert.True(single.YAxis.Log);
        Assert.True(single.ShowLegend);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Chart.History(new Dictionary<string, double[]>())).ParamName);
        Assert.Contains("\"acc\"", Assert.Throws<ArgumentException>(() =>
            Chart.History(new Dictionary<string, double[]> { ["acc"] = Array.Empty<double>() })).Message);
    }
}
