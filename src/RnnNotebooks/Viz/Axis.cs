namespace RnnNotebooks.Viz;

/// <summary>Settings of one axis of a subplot.</summary>
/// <param name="Title">Axis title, or null for none.</param>
/// <param name="Log">True for a base-10 logarithmic axis.</param>
/// <param name="Min">Lower end of the shown range in data units, or null to fit the data.</param>
/// <param name="Max">Upper end of the shown range in data units, or null to fit the data.</param>
/// <param name="Reversed">True to draw the axis from high to low (heatmap rows top-down).</param>
public sealed record Axis(string? Title = null, bool Log = false, double? Min = null, double? Max = null, bool Reversed = false);
