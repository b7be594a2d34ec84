namespace RnnNotebooks.Viz;

/// <summary>Points joined by lines, or markers, or both (plotly <c>scatter</c>).</summary>
public sealed class ScatterTrace : Trace
{
    internal ScatterTrace(double[] x, double[] y, string? name, string? color, bool lines, bool markers, LineDash dash, double markerSize)
        : base(name, color)
    {
        X = x;
        Y = y;
        Lines = lines;
        Markers = markers;
        Dash = dash;
        MarkerSize = markerSize;
    }

    /// <summary>Horizontal positions.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Vertical positions; NaN leaves a gap.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>True when points are joined by a line.</summary>
    public bool Lines { get; }

    /// <summary>True when each point gets a marker.</summary>
    public bool Markers { get; }

    /// <summary>Stroke pattern of the line.</summary>
    public LineDash Dash { get; }

    /// <summary>Marker diameter in pixels.</summary>
    public double MarkerSize { get; }

    /// <inheritdoc />
    public override string PlotlyType => "scatter";

    internal string Mode => (Lines, Markers) switch
    {
        (true, true) => "lines+markers",
        (true, false) => "lines",
        _ => "markers",
    };
}
