namespace RnnNotebooks.Viz;

/// <summary>Vertical bars at numeric positions or named categories (plotly <c>bar</c>).</summary>
public sealed class BarTrace : Trace
{
    internal BarTrace(double[]? x, string[]? categories, double[] y, string? name, string? color) : base(name, color)
    {
        X = x;
        Categories = categories;
        Y = y;
    }

    /// <summary>Numeric bar positions, or null when the bars are categories.</summary>
    public IReadOnlyList<double>? X { get; }

    /// <summary>Category names, or null when the bars have numeric positions.</summary>
    public IReadOnlyList<string>? Categories { get; }

    /// <summary>Bar heights.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <inheritdoc />
    public override string PlotlyType => "bar";
}
