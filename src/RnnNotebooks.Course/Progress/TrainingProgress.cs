using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using RnnNotebooks.Course.Charts;
using RnnNotebooks.Training;

namespace RnnNotebooks.Course.Progress;

/// <summary>
/// A live training report for a notebook: epoch of total, loss, metrics, elapsed time and an estimate
/// of the time left. Show it once; every <c>Report</c> then updates the same output in place:
/// <code>
/// var progress = new TrainingProgress(epochs).Show();
/// for (var epoch = 1; epoch &lt;= epochs; epoch++)
/// {
///     // ... train one epoch ...
///     progress.Report(epoch, loss, ("val_loss", valLoss), ("accuracy", acc));
/// }
/// progress.Chart()   // loss and metric curves
/// </code>
/// In the notebook kernel the display goes through <c>KernelInvocationContext.Current.Display</c>, whose
/// value keeps one display id, so VS Code and Jupyter replace the output instead of adding one. Outside a
/// kernel (tests, scripts) <c>Show</c> writes one line per report to the console instead.
/// An "epoch" is whatever unit the caller reports: an epoch, a checkpoint, a round of steps.
/// </summary>
public sealed class TrainingProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, List<double>> _history = new();
    private readonly List<string> _order = new();
    private TimeSpan? _elapsedOverride;
    private DisplayedValue? _view;
    private TextWriter? _console;
    private bool _redraw;
    private int _lastWidth;

    /// <summary>Starts the clock for a run of <paramref name="totalEpochs"/> epochs.</summary>
    /// <param name="totalEpochs">Number of epochs planned (at least 1).</param>
    /// <param name="title">Caption of the table, e.g. the model's name.</param>
    /// <param name="unit">What one report stands for: "epoch", "round", "checkpoint", …; heads the first column and the chart's x axis.</param>
    public TrainingProgress(int totalEpochs, string? title = null, string unit = "epoch")
    {
        if (totalEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "Training needs at least one epoch.");
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        TotalEpochs = totalEpochs;
        Title = title;
        Unit = unit;
    }

    /// <summary>What one report stands for ("epoch" unless given).</summary>
    public string Unit { get; }

    /// <summary>Number of epochs planned.</summary>
    public int TotalEpochs { get; }

    /// <summary>Caption of the table, or null.</summary>
    public string? Title { get; }

    /// <summary>The last epoch reported (0 before the first report).</summary>
    public int Epoch { get; private set; }

    /// <summary>Wall-clock time since construction (or the last <c>elapsed</c> given to <c>Report</c>).</summary>
    public TimeSpan Elapsed => _elapsedOverride ?? _clock.Elapsed;

    /// <summary>True once the last planned epoch has been reported.</summary>
    public bool IsComplete => Epoch >= TotalEpochs;

    /// <summary>Per-epoch values by name: <c>loss</c> first, then metrics in the order first reported.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> History =>
        _order.ToDictionary(k => k, k => (IReadOnlyList<double>)_history[k].ToArray());

    /// <summary>Records one finished epoch: its training loss and named metrics (e.g. <c>val_loss</c>, <c>accuracy</c>).</summary>
    public TrainingProgress Report(int epoch, double loss, params (string Name, double Value)[] metrics) =>
        Report(epoch, loss, null, metrics);

    /// <summary>Records one finished epoch with a metrics dictionary.</summary>
    public TrainingProgress Report(int epoch, double loss, IReadOnlyDictionary<string, double> metrics) =>
        Report(epoch, loss, null, metrics.Select(kv => (kv.Key, kv.Value)).ToArray());

    /// <summary>Records one finished epoch; <paramref name="elapsed"/> replaces the wall clock (for replays and tests).</summary>
    public TrainingProgress Report(int epoch, double loss, TimeSpan? elapsed, params (string Name, double Value)[] metrics)
    {
        if (epoch < 1 || epoch > TotalEpochs)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"Epoch must be between 1 and {TotalEpochs}.");
        if (epoch < Epoch)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"Epoch {epoch} comes after epoch {Epoch} was reported.");
        Epoch = epoch;
        if (elapsed is not null) _elapsedOverride = elapsed;
        Record("loss", loss, epoch);
        foreach (var (name, value) in metrics ?? Array.Empty<(string, double)>())
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A metric needs a name.", nameof(metrics));
            Record(name, value, epoch);
        }
        Refresh();
        return this;
    }

    /// <summary>
    /// A <see cref="FitOptions.OnEpochEnd"/> callback that reports each finished epoch of a fit as the next report
    /// of this progress (<see cref="Epoch"/> + 1), with its <c>loss</c> and the named <paramref name="metrics"/>
    /// (e.g. <c>"val_loss"</c>). One progress can so follow several fits in a row (optimizers × seeds, say):
    /// <code>OnEpochEnd = progress.EachEpoch("val_loss")</code>
    /// </summary>
    /// <param name="metrics">Names in <see cref="EpochResult.Values"/> to report beside the loss.</param>
    public Action<EpochResult> EachEpoch(params string[] metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return e =>
        {
            ArgumentNullException.ThrowIfNull(e);
            (string, double) Value(string name) => e.Values.TryGetValue(name, out var v)
                ? (name, v)
                : throw new ArgumentException($"EachEpoch: the fit reported no '{name}' (it reported {string.Join(", ", e.Values.Keys.Select(k => $"'{k}'"))}); validate (ValidationSplit) for val_ values, or name one of these.", nameof(metrics));
            Report(Epoch + 1, Value("loss").Item2, metrics.Select(Value).ToArray());
        };
    }

    /// <summary>
    /// Shows the report as a live output of the running notebook cell (one output, replaced on every
    /// <c>Report</c>); outside a notebook kernel (a notebook's app, a script), a console bar
    /// (<see cref="ToConsoleLine"/>): redrawn in place on a terminal, one line per report when
    /// the output is redirected or <paramref name="fallback"/> is given.
    /// </summary>
    public TrainingProgress Show(TextWriter? fallback = null)
    {
        var context = KernelInvocationContext.Current;
        if (context is not null) _view = context.Display(this);
        else
        {
            _console = fallback ?? Console.Out;
            _redraw = fallback is null && !Console.IsOutputRedirected;
        }
        return this;
    }

    private void Refresh()
    {
        _view?.Update(this);
        if (_console is null) return;
        if (_redraw)
        {
            // A terminal: one line, redrawn in place; the last report ends it.
            _console.Write("\r" + ToConsoleLine().PadRight(_lastWidth));
            _lastWidth = ToConsoleLine().Length;
            if (IsComplete) _console.WriteLine();
            _console.Flush();
        }
        else _console.WriteLine(ToConsoleLine());
    }

    /// <summary>The console rendering: a bar of <see cref="BarWidth"/> characters, then <see cref="ToString"/>.</summary>
    public string ToConsoleLine()
    {
        int filled = (int)Math.Round((double)BarWidth * Epoch / TotalEpochs);
        var bar = "[" + new string('#', filled) + new string('.', BarWidth - filled) + "] ";
        return (Title is null ? "" : Title + "  ") + bar + ToString();
    }

    /// <summary>Characters of the console bar.</summary>
    public const int BarWidth = 20;

    /// <summary>Loss and metric curves of the epochs so far (see <see cref="Plot.History{TSeries}"/>).</summary>
    public GenericChart Chart(bool logLoss = false)
    {
        if (Epoch == 0) throw new InvalidOperationException("No epoch has been reported yet: call Report first.");
        var chart = Plot.History(History, logLoss).WithXAxis(Unit);
        return Title is null ? chart : chart.WithTitle(Title);
    }

    /// <summary>Estimated time left, from the mean time per epoch so far; null before the first epoch.</summary>
    public TimeSpan? Remaining => Epoch == 0 ? null : TimeSpan.FromTicks(Elapsed.Ticks / Epoch * (TotalEpochs - Epoch));

    /// <summary>A small HTML table with a progress bar; all text is escaped.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        var percent = 100.0 * Epoch / TotalEpochs;
        sb.Append("<div class=\"rnn-training-progress\" style=\"font-family:sans-serif;font-size:13px\">");
        if (Title is not null) sb.Append($"<div style=\"font-weight:bold;margin-bottom:4px\">{Html(Title)}</div>");
        sb.Append("<div style=\"width:320px;height:8px;background:#e6e6e6;border-radius:4px;overflow:hidden;margin-bottom:6px\">");
        sb.Append($"<div style=\"width:{F(percent, 1)}%;height:100%;background:{(IsComplete ? "#2ca02c" : "#1f77b4")}\"></div></div>");
        sb.Append("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var h in Columns()) sb.Append($"<th style=\"text-align:right;padding:2px 10px\">{Html(h)}</th>");
        sb.Append("</tr></thead><tbody><tr>");
        foreach (var v in Cells()) sb.Append($"<td style=\"text-align:right;padding:2px 10px;font-family:monospace\">{Html(v)}</td>");
        sb.Append("</tr></tbody></table></div>");
        return sb.ToString();
    }

    /// <summary>One line: <c>epoch 3/10  loss 0.4123  val_loss 0.4550  elapsed 0:12  left 0:28</c>.</summary>
    public override string ToString() =>
        string.Join("  ", Columns().Zip(Cells(), (h, v) => $"{h} {v}"));

    private IEnumerable<string> Columns()
    {
        yield return Unit;
        foreach (var k in _order) yield return k;
        yield return "elapsed";
        if (!IsComplete) yield return "left";
    }

    private IEnumerable<string> Cells()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"{Epoch}/{TotalEpochs}");
        foreach (var k in _order)
        {
            var list = _history[k];
            yield return list.Count == 0 ? "" : Number(list[^1]);
        }
        yield return Time(Elapsed);
        if (!IsComplete) yield return Remaining is { } r ? Time(r) : "?";
    }

    private void Record(string name, double value, int epoch)
    {
        if (!_history.TryGetValue(name, out var list))
        {
            _history[name] = list = new List<double>();
            _order.Add(name);
        }
        // Keep index = epoch - 1: fill skipped epochs with NaN, overwrite a repeated epoch.
        while (list.Count < epoch - 1) list.Add(double.NaN);
        if (list.Count >= epoch) list[epoch - 1] = value;
        else list.Add(value);
    }

    private static string Number(double v) =>
        double.IsNaN(v) ? "NaN" : v == Math.Round(v) && Math.Abs(v) < 1e6 ? v.ToString("0", CultureInfo.InvariantCulture) : Math.Abs(v) >= 1e5 || (v != 0 && Math.Abs(v) < 1e-3)
            ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Time(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    private static string F(double v, int decimals) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string Html(string s) => System.Net.WebUtility.HtmlEncode(s);
}
