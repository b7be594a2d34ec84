using System.Numerics;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

public static partial class Plot
{
    /// <summary>
    /// A heatmap of the matrix <paramref name="z"/>, read like a matrix: row 0 at the top, column 0 at the left.
    /// Signed values get a diverging scale centred on 0 (white = 0); see <see cref="ColorScale"/>.
    /// </summary>
    /// <param name="z">Values indexed [row, column]; NaN cells are left blank.</param>
    /// <param name="xLabels">One name per column, or null for indices.</param>
    /// <param name="yLabels">One name per row, or null for indices.</param>
    /// <param name="zMin">Value of the lowest colour, or null (the minimum, or −max|z| on a diverging scale).</param>
    /// <param name="zMax">Value of the highest colour, or null (the maximum, or +max|z| on a diverging scale).</param>
    /// <param name="name">Name of the trace (shown on hover) and title of the colour bar.</param>
    /// <param name="scale">Diverging, sequential, or chosen from the signs of the values.</param>
    public static GenericChart Heatmap<T>(T[,] z, IEnumerable<string>? xLabels = null, IEnumerable<string>? yLabels = null,
        double? zMin = null, double? zMax = null, string? name = null, ColorScale scale = ColorScale.Auto)
        where T : INumberBase<T> =>
        HeatmapOf(Series.ToMatrix(z, nameof(z)), xLabels, yLabels, zMin, zMax, name, scale);

    /// <summary>A heatmap of a jagged matrix (all rows the same length); see the 2-D array overload.</summary>
    /// <param name="z">Rows of values; NaN cells are left blank.</param>
    /// <param name="xLabels">One name per column, or null for indices.</param>
    /// <param name="yLabels">One name per row, or null for indices.</param>
    /// <param name="zMin">Value of the lowest colour, or null.</param>
    /// <param name="zMax">Value of the highest colour, or null.</param>
    /// <param name="name">Name of the trace (shown on hover) and title of the colour bar.</param>
    /// <param name="scale">Diverging, sequential, or chosen from the signs of the values.</param>
    public static GenericChart Heatmap<T>(IEnumerable<IEnumerable<T>> z, IEnumerable<string>? xLabels = null,
        IEnumerable<string>? yLabels = null, double? zMin = null, double? zMax = null, string? name = null,
        ColorScale scale = ColorScale.Auto) where T : INumberBase<T> =>
        HeatmapOf(Series.ToMatrix(z, nameof(z)), xLabels, yLabels, zMin, zMax, name, scale);

    private static GenericChart HeatmapOf(double[,] z, IEnumerable<string>? xLabels, IEnumerable<string>? yLabels,
        double? zMin, double? zMax, string? name, ColorScale scale)
    {
        int rows = z.GetLength(0), cols = z.GetLength(1);
        var xs = xLabels is null ? null : Series.ToStrings(xLabels, nameof(xLabels));
        var ys = yLabels is null ? null : Series.ToStrings(yLabels, nameof(yLabels));
        if (xs is not null && xs.Length != cols)
            throw new ArgumentException($"'xLabels' has {xs.Length} names but 'z' has {cols} columns.", nameof(xLabels));
        if (ys is not null && ys.Length != rows)
            throw new ArgumentException($"'yLabels' has {ys.Length} names but 'z' has {rows} rows.", nameof(yLabels));
        if (zMin is { } lo && zMax is { } hi && hi <= lo)
            throw new ArgumentException($"'zMax' ({hi}) must be greater than 'zMin' ({lo}).", nameof(zMax));

        var finite = z.Cast<double>().Where(double.IsFinite).ToArray();
        double min = finite.Length > 0 ? finite.Min() : 0, max = finite.Length > 0 ? finite.Max() : 1;
        var trace = new Trace2D("heatmap");
        trace.SetProperty("z", Enumerable.Range(0, rows)
            .Select(r => Series.WithGaps(Enumerable.Range(0, cols).Select(c => z[r, c]).ToArray())).ToArray());
        trace.SetProperty("x", xs is null ? Series.Indices(cols) : xs);
        trace.SetProperty("y", ys is null ? Series.Indices(rows) : ys);
        if (name is not null)
        {
            trace.SetProperty("name", name);
            trace.SetProperty("colorbar", new Dictionary<string, object> { ["title"] = LayoutEdit.Text(name) });
        }
        if (ColorScales.IsDiverging(scale, zMin ?? min, zMax ?? max))
        {
            var extent = Math.Max(Math.Abs(zMin ?? min), Math.Abs(zMax ?? max));
            if (extent == 0) extent = 1;
            trace.SetProperty("colorscale", ColorScales.Diverging);
            trace.SetProperty("zmid", 0.0);
            trace.SetProperty("zmin", zMin ?? -extent);
            trace.SetProperty("zmax", zMax ?? extent);
        }
        else
        {
            trace.SetProperty("colorscale", ColorScales.Sequential);
            if (zMin is not null) trace.SetProperty("zmin", zMin.Value);
            if (zMax is not null) trace.SetProperty("zmax", zMax.Value);
        }
        var chart = New(trace);
        return LayoutEdit.Layout(chart, layout =>
        {
            var y = LayoutEdit.Child<Plotly.NET.LayoutObjects.LinearAxis>(layout, "yaxis");
            y.SetProperty("autorange", "reversed");
            // Index axes: whole-number ticks only (row 0, 1, …), about ten of them.
            if (xs is null) LayoutEdit.Child<Plotly.NET.LayoutObjects.LinearAxis>(layout, "xaxis").SetProperty("dtick", IndexStep(cols));
            if (ys is null) y.SetProperty("dtick", IndexStep(rows));
        });
    }

    private static int IndexStep(int count) => Math.Max(1, (int)Math.Ceiling(count / 10.0));
}
