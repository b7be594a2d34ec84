namespace RnnNotebooks.Viz;

public static partial class Chart
{
    /// <summary>
    /// Overlays figures on one set of axes: all traces go to the first figure's plot, which keeps its
    /// title, size and axes (an axis title missing there is taken from a later figure).
    /// </summary>
    public static Figure Combine(params Figure[] figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Length == 0)
            throw new ArgumentException("'figures' is empty: combine at least one figure.", nameof(figures));
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is null) throw new ArgumentNullException(nameof(figures), $"'figures'[{i}] is null.");
            if (figures[i].Panels.Count != 1)
                throw new ArgumentException($"'figures'[{i}] is a grid of subplots; only single plots can be combined.", nameof(figures));
        }
        var result = figures[0].Clone();
        var panel = result.Panels[0];
        foreach (var other in figures.Skip(1))
        {
            var p = other.Panels[0];
            panel.Traces.AddRange(p.Traces);
            if (panel.X.Title is null && p.X.Title is not null) panel.X = panel.X with { Title = p.X.Title };
            if (panel.Y.Title is null && p.Y.Title is not null) panel.Y = panel.Y with { Title = p.Y.Title };
        }
        return result;
    }

    /// <summary>
    /// Arranges figures in a grid of subplots, filled row by row. Each figure keeps its own axes, and its
    /// title becomes the subplot title. Set the overall title with <see cref="Figure.WithTitle"/>.
    /// </summary>
    /// <param name="rows">Number of rows (at least 1).</param>
    /// <param name="columns">Number of columns (at least 1).</param>
    /// <param name="figures">At most rows × columns single-plot figures.</param>
    public static Figure Grid(int rows, int columns, params Figure[] figures)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A grid needs at least one row.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid needs at least one column.");
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Length == 0)
            throw new ArgumentException("'figures' is empty: a grid needs at least one figure.", nameof(figures));
        if (figures.Length > rows * columns)
            throw new ArgumentException(
                $"{figures.Length} figures do not fit in a {rows}x{columns} grid.", nameof(figures));
        var panels = new List<Panel>();
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is null) throw new ArgumentNullException(nameof(figures), $"'figures'[{i}] is null.");
            if (figures[i].Panels.Count != 1)
                throw new ArgumentException($"'figures'[{i}] is already a grid; grids cannot be nested.", nameof(figures));
            var p = figures[i].Panels[0].Clone();
            p.Title = figures[i].Title;
            panels.Add(p);
        }
        return new Figure(panels, rows, columns);
    }

    /// <summary>Arranges figures side by side in one row.</summary>
    public static Figure Row(params Figure[] figures) => Grid(1, Math.Max(1, figures?.Length ?? 0), figures!);
}
