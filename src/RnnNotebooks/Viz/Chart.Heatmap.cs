using System.Numerics;

namespace RnnNotebooks.Viz;

public static partial class Chart
{
    /// <summary>
    /// A heatmap of the matrix <paramref name="z"/>, read like a matrix: row 0 at the top, column 0 at the left
    /// (weight matrices, attention, confusion matrices). Call <c>WithYAxis</c> to change the axis title.
    /// </summary>
    /// <param name="z">Values indexed [row, column]; NaN cells are left blank.</param>
    /// <param name="xLabels">One name per column, or null for indices.</param>
    /// <param name="yLabels">One name per row, or null for indices.</param>
    /// <param name="zMin">Value of the lowest colour, or null for the minimum.</param>
    /// <param name="zMax">Value of the highest colour, or null for the maximum.</param>
    /// <param name="name">Name of the trace (shown on hover).</param>
    public static Figure Heatmap<T>(T[,] z, IEnumerable<string>? xLabels = null, IEnumerable<string>? yLabels = null,
        double? zMin = null, double? zMax = null, string? name = null) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), cols = z.GetLength(1);
        if (rows == 0 || cols == 0)
            throw new ArgumentException($"'z' is {rows}x{cols}: a heatmap needs at least one row and one column.", nameof(z));
        var m = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            m[r, c] = double.CreateTruncating(z[r, c]);
        return HeatmapOf(m, xLabels, yLabels, zMin, zMax, name);
    }

    /// <summary>A heatmap of a jagged matrix (all rows the same length); see the 2-D array overload.</summary>
    /// <param name="z">Rows of values; NaN cells are left blank.</param>
    /// <param name="xLabels">One name per column, or null for indices.</param>
    /// <param name="yLabels">One name per row, or null for indices.</param>
    /// <param name="zMin">Value of the lowest colour, or null for the minimum.</param>
    /// <param name="zMax">Value of the highest colour, or null for the maximum.</param>
    /// <param name="name">Name of the trace (shown on hover).</param>
    public static Figure Heatmap<T>(IEnumerable<IEnumerable<T>> z, IEnumerable<string>? xLabels = null,
        IEnumerable<string>? yLabels = null, double? zMin = null, double? zMax = null, string? name = null)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(z);
        var rowsList = z.Select(r => r.Select(double.CreateTruncating).ToArray()).ToArray();
        if (rowsList.Length == 0 || rowsList[0].Length == 0)
            throw new ArgumentException("'z' is empty: a heatmap needs at least one row and one column.", nameof(z));
        var cols = rowsList[0].Length;
        for (var r = 1; r < rowsList.Length; r++)
            if (rowsList[r].Length != cols)
                throw new ArgumentException(
                    $"'z' row {r} has {rowsList[r].Length} values but row 0 has {cols}: all rows must have the same length.", nameof(z));
        var m = new double[rowsList.Length, cols];
        for (var r = 0; r < rowsList.Length; r++)
        for (var c = 0; c < cols; c++)
            m[r, c] = rowsList[r][c];
        return HeatmapOf(m, xLabels, yLabels, zMin, zMax, name);
    }

    private static Figure HeatmapOf(double[,] z, IEnumerable<string>? xLabels, IEnumerable<string>? yLabels,
        double? zMin, double? zMax, string? name)
    {
        int rows = z.GetLength(0), cols = z.GetLength(1);
        var xs = xLabels is null ? null : Values.ToStrings(xLabels, nameof(xLabels));
        var ys = yLabels is null ? null : Values.ToStrings(yLabels, nameof(yLabels));
        if (xs is not null && xs.Length != cols)
            throw new ArgumentException($"'xLabels' has {xs.Length} names but 'z' has {cols} columns.", nameof(xLabels));
        if (ys is not null && ys.Length != rows)
            throw new ArgumentException($"'yLabels' has {ys.Length} names but 'z' has {rows} rows.", nameof(yLabels));
        if (zMin is { } lo && zMax is { } hi && hi <= lo)
            throw new ArgumentException($"'zMax' ({hi}) must be greater than 'zMin' ({lo}).", nameof(zMax));
        var fig = new Figure(new HeatmapTrace(z, xs, ys, zMin, zMax, name));
        fig.Panels[0].Y = new Axis(Reversed: true);
        return fig;
    }
}
