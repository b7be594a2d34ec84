namespace RnnNotebooks.Viz;

public static partial class Chart
{
    /// <summary>
    /// Training curves per epoch, Keras style: each series <c>k</c> is drawn against epochs 1, 2, … and
    /// paired with <c>val_k</c> on the same axes (train solid blue, validation dashed orange). Each pair
    /// (loss, accuracy, …) gets its own subplot; losses come first.
    /// </summary>
    /// <param name="series">Per-epoch values by name, e.g. <c>{"loss": …, "val_loss": …, "accuracy": …}</c>; NaN leaves a gap.</param>
    /// <param name="logLoss">True to draw series whose name contains "loss" on a log axis.</param>
    public static Figure History<TSeries>(IEnumerable<KeyValuePair<string, TSeries>> series, bool logLoss = false)
        where TSeries : IEnumerable<double>
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.Select(kv => (Name: kv.Key, Values: kv.Value?.ToArray()
                ?? throw new ArgumentNullException(nameof(series), $"'series'[\"{kv.Key}\"] is null.")))
            .ToList();
        if (all.Count == 0)
            throw new ArgumentException("'series' is empty: there is no history to draw.", nameof(series));
        foreach (var (name, values) in all)
            if (values.Length == 0)
                throw new ArgumentException($"'series'[\"{name}\"] is empty: it needs at least one epoch.", nameof(series));

        var names = all.Select(s => s.Name).ToHashSet();
        var groups = all
            .Select(s => s.Name.StartsWith("val_", StringComparison.Ordinal) && names.Contains(s.Name[4..]) ? s.Name[4..] : s.Name)
            .Distinct()
            .OrderBy(g => g.Contains("loss", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();

        var figures = new List<Figure>();
        foreach (var group in groups)
        {
            var parts = all.Where(s => s.Name == group || s.Name == "val_" + group).ToList();
            var lines = parts.Select(s =>
            {
                var validation = s.Name != group;
                var x = Enumerable.Range(1, s.Values.Length);
                return Line(x, s.Values, name: s.Name, color: validation ? Palette.Colors[1] : Palette.Colors[0],
                    markers: s.Values.Length <= 30, dash: validation ? LineDash.Dash : LineDash.Solid);
            }).ToArray();
            var log = logLoss && group.Contains("loss", StringComparison.OrdinalIgnoreCase);
            figures.Add(Combine(lines).WithTitle(group).WithXAxis("epoch").WithYAxis(group, log: log));
        }
        if (figures.Count == 1) return figures[0].WithLegend(true);
        var columns = Math.Min(figures.Count, 2);
        var rows = (figures.Count + columns - 1) / columns;
        return Grid(rows, columns, figures.ToArray()).WithLegend(true).WithSize(columns * 460 + 120, rows * 340 + 40);
    }
}
