using System.Globalization;
using System.Text;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Workshop;

/// <summary>What <c>prepare</c> found: per notebook the outcome, time and data used; the parameters; the hardware.</summary>
/// <param name="Rows">One row per notebook, in run order.</param>
/// <param name="Parameters">"default", or which parameters were changed.</param>
/// <param name="Machine">The CPU and system line.</param>
public sealed record WorkshopReport(IReadOnlyList<WorkshopReport.Row> Rows, string Parameters, string Machine)
{
    /// <summary>The 1-minute load average when the run started and when it ended (null where the system does not show it).</summary>
    public (double? Start, double? End) Load { get; init; }

    /// <summary>One notebook: its file name, outcome and what it printed about its data (null when no executed copy was written).</summary>
    public sealed record Row(string Name, NotebookResult Result, DataUse? Data);

    /// <summary>The short line shown beside a notebook in the site's contents.</summary>
    public static string Note(Row row) => $"{Status(row.Result)} · {Seconds(row.Result)} · {DataColumn(row)}";

    /// <summary>The report as markdown: a table, then the parameters, hardware, GPU and how to fetch missing data.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| notebook | result | time | peak memory | data |\n|---|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            sb.Append($"| {row.Name} | {Status(row.Result)} | {Seconds(row.Result)} | {Memory(row.Result)} | {DataColumn(row)} |\n");
        }
        sb.Append('\n');
        sb.Append($"- Parameters: {Parameters}\n");
        sb.Append($"- Hardware: {Machine}\n");
        if (Load is { Start: { } start, End: { } end })
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Machine load (1-minute load average): {start:0.0} at the start, {end:0.0} at the end\n"));
        }
        var torch = Rows.FirstOrDefault(r => r.Data?.TorchDevice is not null);
        sb.Append(torch is null
            ? "- GPU: not checked (no notebook printed `TorchDevice.Describe()`)\n"
            : $"- GPU: {torch.Data!.TorchDevice} (printed by {torch.Name})\n");
        if (Rows.Select(r => r.Result.PeakMemoryBytes).Max() is { } peak)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Largest notebook process: {peak / 1e9:0.00} GB resident at its peak\n"));
        }
        var total = TimeSpan.FromTicks(Rows.Sum(r => r.Result.Duration.Ticks));
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"- Total time: {total.TotalMinutes:0.0} min\n"));
        foreach (var group in Rows.Where(r => r.Data is { RealDataOnly: false }).SelectMany(r => r.Data!.Samples.Select(s => (r.Name, s))).GroupBy(x => x.s.Dataset))
        {
            sb.Append($"- SAMPLE data for {group.Key} in {string.Join(", ", group.Select(g => g.Name))}. To get the real data: {group.First().s.HowToGetRealData}\n");
        }
        return sb.ToString();
    }

    private static string Status(NotebookResult result) => result.Status switch
    {
        NotebookStatus.Passed => "passed",
        NotebookStatus.Failed => result.FailedCell is { } cell ? $"FAILED (cell {cell})" : "FAILED",
        _ => "skipped",
    };

    private static string Seconds(NotebookResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Duration.TotalSeconds:0.0} s");

    private static string Memory(NotebookResult result) => result.PeakMemoryBytes is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB")
        : "not measured";

    private static string DataColumn(Row row) => row.Data switch
    {
        null => "unknown (no executed copy)",
        { RealDataOnly: true } => "no samples",
        { Samples: var samples } => "SAMPLE: " + string.Join(", ", samples.Select(s => s.Dataset)),
    };
}
