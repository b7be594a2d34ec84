namespace RnnNotebooks.Viz.Svg;

/// <summary>Maps axis coordinates to pixels along one direction.</summary>
internal sealed class Scale(AxisRange range, double from, double to, bool reversed)
{
    public AxisRange Range { get; } = range;
    public double From { get; } = from;
    public double To { get; } = to;

    /// <summary>Pixel position of an axis coordinate (already log10 on a log axis).</summary>
    public double Pixel(double coordinate)
    {
        var (a, b) = reversed ? (To, From) : (From, To);
        return a + (coordinate - Range.Lo) / (Range.Hi - Range.Lo) * (b - a);
    }

    /// <summary>Pixel position of a data value; NaN if it cannot be drawn (e.g. ≤ 0 on a log axis).</summary>
    public double Data(double value) => Pixel(Range.Transform(value));
}
