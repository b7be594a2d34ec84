namespace RnnNotebooks.Course.Charts;

/// <summary>How a heatmap maps values to colours.</summary>
public enum ColorScale
{
    /// <summary>Diverging when the values have both signs, sequential otherwise.</summary>
    Auto,
    /// <summary>Blue below zero, white at zero, red above, symmetric around zero: for signed values (weights, gradients).</summary>
    Diverging,
    /// <summary>Viridis from the minimum to the maximum: for magnitudes, counts, positions.</summary>
    Sequential,
}

/// <summary>The colour scales as plotly values.</summary>
internal static class ColorScales
{
    public static readonly object[][] Diverging =
    [
        [0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#f7f7f7"], [0.75, "#f4a582"], [1.0, "#b2182b"],
    ];

    public const string Sequential = "Viridis";

    public static bool IsDiverging(ColorScale scale, double min, double max) =>
        scale == ColorScale.Diverging || (scale == ColorScale.Auto && min < 0 && max > 0);
}
