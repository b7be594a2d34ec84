namespace RnnNotebooks.Viz.Svg;

/// <summary>
/// The shown range of an axis. For a log axis <see cref="Lo"/> and <see cref="Hi"/> are powers of ten
/// (log10 of the data range), as plotly expects; a category axis spans -0.5 … n-0.5.
/// </summary>
internal sealed record AxisRange(double Lo, double Hi, bool Log, IReadOnlyList<string>? Categories, bool Integer)
{
    /// <summary>Maps a data value to the axis coordinate (log10 on a log axis; NaN if not drawable).</summary>
    public double Transform(double v) => Log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;
}
