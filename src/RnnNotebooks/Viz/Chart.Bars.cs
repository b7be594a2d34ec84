using System.Numerics;

namespace RnnNotebooks.Viz;

public static partial class Chart
{
    /// <summary>One bar per value, at positions 0, 1, 2, …</summary>
    /// <param name="values">Bar heights.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static Figure Bar<TY>(IEnumerable<TY> values, string? name = null, string? color = null)
        where TY : INumberBase<TY>
    {
        var ys = Values.ToDoubles(values, nameof(values));
        return new Figure(new BarTrace(Values.Indices(ys.Length), null, ys, name, color));
    }

    /// <summary>One bar per named category, e.g. class counts.</summary>
    /// <param name="categories">Category names, in drawing order.</param>
    /// <param name="values">Bar heights, one per category.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static Figure Bar<TY>(IEnumerable<string> categories, IEnumerable<TY> values, string? name = null, string? color = null)
        where TY : INumberBase<TY>
    {
        var cats = Values.ToStrings(categories, nameof(categories));
        var ys = Values.ToDoubles(values, nameof(values));
        Values.SameLength(cats.Length, nameof(categories), ys.Length, nameof(values));
        return new Figure(new BarTrace(null, cats, ys, name, color));
    }

    /// <summary>Bars of height <paramref name="y"/>[i] at numeric positions <paramref name="x"/>[i].</summary>
    /// <param name="x">Bar positions.</param>
    /// <param name="y">Bar heights.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static Figure Bar<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, string? color = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        var xs = Values.ToDoubles(x, nameof(x));
        var ys = Values.ToDoubles(y, nameof(y));
        Values.SameLength(xs.Length, nameof(x), ys.Length, nameof(y));
        return new Figure(new BarTrace(xs, null, ys, name, color));
    }

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal bins from the minimum to the maximum.</summary>
    /// <param name="values">Samples; NaN and infinities are ignored.</param>
    /// <param name="bins">Number of bins (at least 1).</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="color">CSS colour, or null for the palette.</param>
    public static Figure Histogram<T>(IEnumerable<T> values, int bins = 30, string? name = null, string? color = null)
        where T : INumberBase<T>
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "A histogram needs at least one bin.");
        var vs = Values.ToDoubles(values, nameof(values));
        return new Figure(HistogramTrace.Create(vs, bins, name, color)).WithYAxis("count");
    }
}
