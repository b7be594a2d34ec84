namespace RnnNotebooks.Viz;

/// <summary>Stroke pattern of a line trace.</summary>
public enum LineDash
{
    /// <summary>A continuous line.</summary>
    Solid,
    /// <summary>Long dashes (used for validation curves by <see cref="Chart.History{TSeries}"/>).</summary>
    Dash,
    /// <summary>Dots.</summary>
    Dot,
}
