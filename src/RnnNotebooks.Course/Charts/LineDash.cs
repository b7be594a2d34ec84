namespace RnnNotebooks.Course.Charts;

/// <summary>Stroke pattern of a line.</summary>
public enum LineDash
{
    /// <summary>Continuous line.</summary>
    Solid,
    /// <summary>Dashes.</summary>
    Dash,
    /// <summary>Dots.</summary>
    Dot,
}
