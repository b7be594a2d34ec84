using System.Globalization;

namespace RnnNotebooks.Viz;

/// <summary>Trace colours (plotly.js default colourway) and the Viridis colour scale.</summary>
public static class Palette
{
    /// <summary>The ten default trace colours, in order.</summary>
    public static IReadOnlyList<string> Colors { get; } = new[]
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    private static readonly string[] ViridisStops =
    {
        "#440154", "#48186a", "#472d7b", "#424086", "#3b528b", "#33638d", "#2c728e", "#26828e", "#21918c",
        "#1fa088", "#28ae80", "#3fbc73", "#5ec962", "#84d44b", "#addc30", "#d8e219", "#fde725",
    };

    /// <summary>The colour of trace number <paramref name="index"/> when it has none of its own.</summary>
    public static string ForIndex(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];

    /// <summary>The Viridis colour at <paramref name="t"/> in [0, 1] (clamped), as <c>#rrggbb</c>.</summary>
    public static string Viridis(double t)
    {
        if (!double.IsFinite(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (ViridisStops.Length - 1);
        var i = Math.Min((int)t, ViridisStops.Length - 2);
        var f = t - i;
        var (r0, g0, b0) = Parse(ViridisStops[i]);
        var (r1, g1, b1) = Parse(ViridisStops[i + 1]);
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * f);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r0, r1):x2}{Mix(g0, g1):x2}{Mix(b0, b1):x2}");
    }

    private static (int, int, int) Parse(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber));
}
