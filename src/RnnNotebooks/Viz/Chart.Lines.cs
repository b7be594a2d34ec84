using System.Numerics;

namespace RnnNotebooks.Viz;

/// <summary>
/// Builds figures: <c>Chart.Line(losses, name: "train loss").WithYAxis("loss", log: true)</c>.
/// Every method accepts any numeric sequence (<c>double[]</c>, <c>List&lt;float&gt;</c>, <c>IEnumerable&lt;int&gt;</c>, …).
/// </summary>
public static partial class Chart
{
    /// <summary>A line through <paramref name="y"/> against its index 0, 1, 2, …</summary>
    /// <param name="y">Values; NaN leaves a gap.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="markers">True to also mark each point.</param>
    /// <param name="dash">Stroke pattern.</param>
    public static Figure Line<TY>(IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, LineDash dash = LineDash.Solid) where TY : INumberBase<TY>
    {
        var ys = Values.ToDoubles(y, nameof(y));
        return new Figure(new ScatterTrace(Values.Indices(ys.Length), ys, name, color, true, markers, dash, 6));
    }

    /// <summary>A line through the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Values; NaN leaves a gap.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="markers">True to also mark each point.</param>
    /// <param name="dash">Stroke pattern.</param>
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        bool markers = false, LineDash dash = LineDash.Solid) where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = Values.ToDoubles(x, nameof(x));
        var ys = Values.ToDoubles(y, nameof(y));
        Values.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return new Figure(new ScatterTrace(xs, ys, name, color, true, markers, dash, 6));
    }

    /// <summary>Markers at <paramref name="y"/> against its index 0, 1, 2, …</summary>
    /// <param name="y">Values; NaN points are skipped.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static Figure Scatter<TY>(IEnumerable<TY> y, string? name = null, string? color = null, double size = 6)
        where TY : INumberBase<TY>
    {
        var ys = Values.ToDoubles(y, nameof(y));
        return new Figure(new ScatterTrace(Values.Indices(ys.Length), ys, name, color, false, true, LineDash.Solid, size));
    }

    /// <summary>Markers at the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical positions; NaN points are skipped.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    /// <param name="size">Marker diameter in pixels.</param>
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null,
        double size = 6) where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = Values.ToDoubles(x, nameof(x));
        var ys = Values.ToDoubles(y, nameof(y));
        Values.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return new Figure(new ScatterTrace(xs, ys, name, color, false, true, LineDash.Solid, size));
    }
}
