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
