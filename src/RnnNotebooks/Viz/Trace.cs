namespace RnnNotebooks.Viz;

/// <summary>One data series of a figure. Create traces through <see cref="Chart"/>.</summary>
public abstract class Trace
{
    private protected Trace(string? name, string? color)
    {
        Name = name;
        Color = color;
    }

    /// <summary>Legend entry, or null for an unnamed series.</summary>
    public string? Name { get; }

    /// <summary>CSS colour, or null to take the next colour of the palette.</summary>
    public string? Color { get; }

    /// <summary>The plotly.js trace type, e.g. <c>scatter</c> or <c>heatmap</c>.</summary>
    public abstract string PlotlyType { get; }

    /// <summary>Whether the trace gets a legend entry when the legend is shown.</summary>
    internal virtual bool InLegend => true;
}
