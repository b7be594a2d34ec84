using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

public static partial class Plot
{
    /// <summary>
    /// Training curves per epoch, Keras style: each series <c>k</c> is drawn against epochs 1, 2, … and
    /// paired with <c>val_k</c> in the same panel. One panel per metric (losses first); the legend has
    /// one entry per role, "train" (solid blue) and "validation" (dashed orange), shared by all panels.
    /// </summary>
    /// <param name="series">Per-epoch values by name, e.g. <c>{"loss": …, "val_loss": …, "accuracy": …}</c>; NaN leaves a gap.</param>
    /// <param name="logLoss">True to draw series whose name contains "loss" on a log axis.</param>
    public static GenericChart History<TSeries>(IEnumerable<KeyValuePair<string, TSeries>> series, bool logLoss = false)
        where TSeries : IEnumerable<double>
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.Select(kv => (Name: kv.Key, Values: kv.Value?.ToArray()
                ?? throw new ArgumentNullException(nameof(series), $"'series'[\"{kv.Key}\"] is null.")))
            .ToList();
        if (all.Count == 0) throw new ArgumentException("'series' is empty: there is no history to draw.", nameof(series));
        foreach (var (name, values) in all)
            if (values.Length == 0)
                throw new ArgumentException($"'series'[\"{name}\"] is empty: it needs at least one epoch.", nameof(series));
        var names = all.Select(s => s.Name).ToHashSet();
        var groups = all
            .Select(s => s.Name.StartsWith("val_", StringComparison.Ordinal) && names.Contains(s.Name[4..]) ? s.Name[4..] : s.Name)
            .Distinct()
            .OrderBy(g => g.Contains("loss", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        var panels = new List<GenericChart>();
        foreach (var group in groups)
        {
            var lines = all.Where(s => s.Name == group || s.Name == "val_" + group).Select(s =>
            {
                var validation = s.Name != group;
                return Line(Enumerable.Range(1, s.Values.Length), s.Values,
                    name: validation ? "validation" : "train",
                    color: validation ? Palette.Colors[1] : Palette.Colors[0],
                    markers: s.Values.Length <= 30, dash: validation ? LineDash.Dash : LineDash.Solid);
            }).ToArray();
            var log = logLoss && group.Contains("loss", StringComparison.OrdinalIgnoreCase);
            panels.Add(Combine(lines).WithTitle(group).WithXAxis("epoch").WithYAxis(group, log: log));
        }
        if (panels.Count == 1) return panels[0].WithLegend(true);
        var columns = Math.Min(panels.Count, 2);
        var rows = (panels.Count + columns - 1) / columns;
        return Grid(rows, columns, panels.ToArray()).WithLegend(true);
    }
}
