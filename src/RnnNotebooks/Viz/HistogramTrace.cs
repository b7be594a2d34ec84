namespace RnnNotebooks.Viz;

/// <summary>Counts of values in equal-width bins (plotly <c>histogram</c> of the bin counts, with explicit bins).</summary>
public sealed class HistogramTrace : Trace
{
    internal HistogramTrace(double[] values, double start, double size, int[] counts, string? name, string? color)
        : base(name, color)
    {
        Values = values;
        Start = start;
        BinSize = size;
        Counts = counts;
    }

    /// <summary>The raw values (non-finite values are ignored by the binning).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Left edge of the first bin.</summary>
    public double Start { get; }

    /// <summary>Width of every bin.</summary>
    public double BinSize { get; }

    /// <summary>Number of values in each bin; the last bin includes its right edge.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Right edge of the last bin.</summary>
    public double End => Start + BinSize * Counts.Count;

    /// <inheritdoc />
    public override string PlotlyType => "histogram";

    internal static HistogramTrace Create(double[] values, int bins, string? name, string? color)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
            throw new ArgumentException("'values' has no finite value to put in a histogram.", nameof(values));
        double min = finite.Min(), max = finite.Max();
        double start, size;
        if (max > min)
        {
            start = min;
            // A hair wider than (max - min) / bins so the maximum falls inside the last bin for plotly.js
            // too, whose bins include their left edge only.
            size = (max - min) / bins;
        }
        else
        {
            bins = 1;
            start = min - 0.5;
            size = 1;
        }
        var counts = new int[bins];
        foreach (var v in finite)
        {
            var i = (int)Math.Floor((v - start) / size);
            counts[Math.Clamp(i, 0, bins - 1)]++;
        }
        return new HistogramTrace(values, start, size, counts, name, color);
    }
}
