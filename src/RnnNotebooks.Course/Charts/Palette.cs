namespace RnnNotebooks.Course.Charts;

/// <summary>The colours series get in order: plotly's default ten ("D3 category10").</summary>
public static class Palette
{
    /// <summary>The colours, as CSS hex strings.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The colour of series number <paramref name="index"/> (the palette repeats).</summary>
    public static string ForIndex(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
