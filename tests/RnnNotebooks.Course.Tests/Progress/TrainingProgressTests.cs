using System.Xml.Linq;
using RnnNotebooks.Course.Progress;
using RnnNotebooks.Course.Tests.Charts;

namespace RnnNotebooks.Course.Tests.Progress;

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
        Assert.Contains("width:20.0%", html);
        XElement.Parse(html);
    }

    [Fact]
    public void Outside_a_kernel_show_writes_one_bar_line_per_report()
    {
        var console = new StringWriter();
        var p = new TrainingProgress(2).Show(console);
        p.Report(1, 0.5, TimeSpan.FromSeconds(3));
        p.Report(2, 0.25, TimeSpan.FromSeconds(6));
        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("[##########..........] epoch 1/2  loss 0.5000", lines[0]);
        Assert.StartsWith("[####################] epoch 2/2  loss 0.2500", lines[1]);
    }

    [Fact]
    public void A_report_can_stand_for_another_unit_than_an_epoch()
    {
        var p = new TrainingProgress(10, unit: "checkpoint");
        p.Report(3, 0.5, TimeSpan.FromSeconds(30), ("T", 50), ("model", 2));
        Assert.Equal("checkpoint 3/10  loss 0.5000  T 50  model 2  elapsed 0:30  left 1:10", p.ToString());
        Assert.Equal("checkpoint", FigureJson.Of(p.Chart()).Axis("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void EachEpoch_reports_the_epochs_of_several_fits_one_after_another()
    {
        var p = new TrainingProgress(4);
        var onEpochEnd = p.EachEpoch("val_loss");
        foreach (var (epoch, loss, val) in new[] { (1, 0.9, 0.95), (2, 0.7, 0.75), (1, 0.8, 0.85), (2, 0.6, 0.65) })   // two fits of two epochs
        {
            onEpochEnd(Epoch(epoch, ("loss", loss), ("val_loss", val), ("accuracy", 0.5)));
        }
        Assert.Equal(4, p.Epoch);
        Assert.True(p.IsComplete);
        Assert.Equal(new[] { 0.9, 0.7, 0.8, 0.6 }, p.History["loss"]);
        Assert.Equal(new[] { 0.95, 0.75, 0.85, 0.65 }, p.History["val_loss"]);
        Assert.Equal(new[] { "loss", "val_loss" }, p.History.Keys);
    }

    [Fact]
    public void EachEpoch_names_a_metric_the_fit_did_not_report_and_lists_those_it_did()
    {
        var onEpochEnd = new TrainingProgress(2).EachEpoch("val_loss");
        var e = Assert.Throws<ArgumentException>(() => onEpochEnd(Epoch(1, ("loss", 0.5), ("accuracy", 0.5))));
        Assert.Contains("'val_loss'", e.Message);
        Assert.Contains("'loss', 'accuracy'", e.Message);
    }

    private static RnnNotebooks.Training.EpochResult Epoch(int epoch, params (string Name, double Value)[] values) =>
        new(epoch, 2, values.ToDictionary(v => v.Name, v => v.Value), TimeSpan.FromSeconds(1), new RnnNotebooks.Training.History());

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
    public void Chart_draws_the_history_with_the_title()
    {
        var p = new TrainingProgress(3, "GRU");
        for (var e = 1; e <= 3; e++) p.Report(e, 1.0 / e, ("val_loss", 1.2 / e));
        var f = FigureJson.Of(p.Chart(logLoss: true));
        Assert.Equal("GRU", f.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(2, f.Data.Length);
        Assert.Equal("log", f.Axis("yaxis").GetProperty("type").GetString());
    }
}
