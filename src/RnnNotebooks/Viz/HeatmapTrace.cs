namespace RnnNotebooks.Viz;

/// <summary>A matrix drawn as coloured cells with a colour bar (plotly <c>heatmap</c>, Viridis).</summary>
public sealed class HeatmapTrace : Trace
{
    internal HeatmapTrace(double[,] z, string[]? xLabels, string[]? yLabels, double? zMin, double? zMax, string? name)
        : base(name, null)
    {
        Z = z;
        XLabels = xLabels;
        YLabels = yLabels;
        var finite = z.Cast<double>().Where(double.IsFinite).ToArray();
        ZMin = zMin ?? (finite.Length > 0 ? finite.Min() : 0);
        ZMax = zMax ?? (finite.Length > 0 ? finite.Max() : 1);
        if (ZMax <= ZMin) ZMax = ZMin + 1;
    }

    /// <summary>Cell values, indexed [row, column]; row 0 is the first y label.</summary>
    public double[,] Z { get; }

    /// <summary>Column names, or null for indices 0..columns-1.</summary>
    public IReadOnlyList<string>? XLabels { get; }

    /// <summary>Row names, or null for indices 0..rows-1.</summary>
    public IReadOnlyList<string>? YLabels { get; }

    /// <summary>Value drawn in the lowest colour.</summary>
    public double ZMin { get; }

    /// <summary>Value drawn in the highest colour.</summary>
    public double ZMax { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Z.GetLength(0);

    /// <summary>Number of columns.</summary>
    public int Columns => Z.GetLength(1);

    /// <inheritdoc />
    public override string PlotlyType => "heatmap";

    internal override bool InLegend => false;
}
