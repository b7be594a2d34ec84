namespace RnnNotebooks.Data.Stocks;

/// <summary>Which scaler a pipeline fits on the training period.</summary>
public enum ScalerKind
{
    /// <summary>No scaling.</summary>
    None,
    /// <summary>Min-max to [0, 1].</summary>
    MinMax,
    /// <summary>Z-score: zero mean, unit standard deviation.</summary>
    ZScore,
}

/// <summary>
/// A per-column affine scaler x' = (x − Offset) / Scale, fitted on rows <c>[0, rows)</c> of a
/// [time, features] matrix only, so it never sees later (validation or test) values.
/// </summary>
public sealed class Scaler
{
    private Scaler(ScalerKind kind, double[] offset, double[] scale)
    {
        Kind = kind;
        Offset = offset;
        Scale = scale;
    }

    /// <summary>The kind of scaling.</summary>
    public ScalerKind Kind { get; }

    /// <summary>Per column: the minimum (min-max) or mean (z-score).</summary>
    public double[] Offset { get; }

    /// <summary>Per column: max − min (min-max) or the standard deviation (z-score); 1 for a constant column.</summary>
    public double[] Scale { get; }

    /// <summary>Number of rows the scaler was fitted on.</summary>
    public int FittedRows { get; private init; }

    /// <summary>Fits on the first <paramref name="rows"/> rows of <paramref name="data"/> (all rows when null).</summary>
    public static Scaler Fit(ScalerKind kind, double[,] data, int? rows = null)
    {
        int n = rows ?? data.GetLength(0), f = data.GetLength(1);
        if (n <= 0 || n > data.GetLength(0)) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"Need 1..{data.GetLength(0)} rows to fit a scaler.");
        var offset = new double[f];
        var scale = new double[f];
        for (int j = 0; j < f; j++)
        {
            if (kind == ScalerKind.None) { scale[j] = 1; continue; }
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            for (int t = 0; t < n; t++) { double v = data[t, j]; min = Math.Min(min, v); max = Math.Max(max, v); sum += v; }
            if (kind == ScalerKind.MinMax) { offset[j] = min; scale[j] = max - min; }
            else
            {
                double mean = sum / n, ss = 0;
                for (int t = 0; t < n; t++) { double d = data[t, j] - mean; ss += d * d; }
                offset[j] = mean; scale[j] = Math.Sqrt(ss / n);
            }
            if (scale[j] == 0) scale[j] = 1;
        }
        return new Scaler(kind, offset, scale) { FittedRows = n };
    }

    /// <summary>Scales a whole [time, features] matrix (a copy).</summary>
    public double[,] Transform(double[,] data)
    {
        int n = data.GetLength(0), f = data.GetLength(1);
        CheckColumns(f);
        var r = new double[n, f];
        for (int t = 0; t < n; t++)
            for (int j = 0; j < f; j++) r[t, j] = (data[t, j] - Offset[j]) / Scale[j];
        return r;
    }

    /// <summary>Scales one finite value of column <paramref name="column"/> (a column index in [0, columns)).</summary>
    public double Transform(double value, int column) => (Finite(value, nameof(Transform)) - Offset[Column(column)]) / Scale[column];

    /// <summary>Undoes the scaling of one finite value of column <paramref name="column"/> (a column index in [0, columns)).</summary>
    public double Inverse(double value, int column) => Finite(value, nameof(Inverse)) * Scale[Column(column)] + Offset[column];

    /// <summary>Undoes the scaling of many finite values of column <paramref name="column"/> (a column index in [0, columns)).</summary>
    public double[] Inverse(IEnumerable<double> values, int column)
    {
        ArgumentNullException.ThrowIfNull(values);
        Column(column);
        return values.Select(v => Inverse(v, column)).ToArray();
    }

    private int Column(int column) => (uint)column < (uint)Offset.Length ? column
        : throw new ArgumentOutOfRangeException(nameof(column), column, $"Scaler: column {column} is not in [0, {Offset.Length}) (the scaler was fitted on {Offset.Length} columns).");

    private static double Finite(double value, string who) => double.IsFinite(value) ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Scaler.{who}: value must be finite, got {value}.");

    private void CheckColumns(int f)
    {
        if (f != Offset.Length) throw new ArgumentException($"Scaler was fitted on {Offset.Length} columns, got {f}.");
    }
}
