namespace RnnNotebooks.Data.Stocks;

/// <summary>Settings for <see cref="StockSplits.Prepare"/>.</summary>
public sealed record WindowOptions
{
    /// <summary>Steps per window.</summary>
    public int Length { get; init; } = 30;
    /// <summary>Rows between the last input and the target (1 = next trading day).</summary>
    public int Horizon { get; init; } = 1;
    /// <summary>Rows between consecutive windows.</summary>
    public int Stride { get; init; } = 1;
    /// <summary>Input columns (see <see cref="PriceTable.ColumnNames"/>).</summary>
    public string[] Features { get; init; } = ["Close"];
    /// <summary>Target column.</summary>
    public string Target { get; init; } = "Close";
    /// <summary>Prices, returns or log returns.</summary>
    public PriceTransform Transform { get; init; } = PriceTransform.Price;
    /// <summary>Scaler fitted on the training period.</summary>
    public ScalerKind Scaler { get; init; } = ScalerKind.MinMax;
    /// <summary>First day of the validation period; null uses <see cref="ValidationFraction"/>.</summary>
    public DateOnly? ValidationStart { get; init; }
    /// <summary>First day of the test period; null uses <see cref="TestFraction"/>.</summary>
    public DateOnly? TestStart { get; init; }
    /// <summary>Share of days for validation when no date is given.</summary>
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Share of days for testing when no date is given.</summary>
    public double TestFraction { get; init; } = 0.1;
}

/// <summary>
/// A chronological train / validation / test split of windows. The scaler is fitted on the
/// training rows only; validation and test windows may look back into earlier periods (the past
/// is known) but no input is ever later than its target.
/// </summary>
public sealed class StockSplits
{
    private StockSplits() { }

    /// <summary>Windows whose targets fall in the training period.</summary>
    public required WindowSet Train { get; init; }
    /// <summary>Windows whose targets fall in the validation period.</summary>
    public required WindowSet Validation { get; init; }
    /// <summary>Windows whose targets fall in the test period.</summary>
    public required WindowSet Test { get; init; }
    /// <summary>The scaler, fitted on training rows only; columns are <see cref="Columns"/>.</summary>
    public required Scaler Scaler { get; init; }
    /// <summary>The columns of the scaled matrix: the features, then the target if it is not one of them.</summary>
    public required string[] Columns { get; init; }
    /// <summary>Index of the target in <see cref="Columns"/>.</summary>
    public required int TargetColumn { get; init; }
    /// <summary>First day of the validation period.</summary>
    public required DateOnly ValidationStart { get; init; }
    /// <summary>First day of the test period.</summary>
    public required DateOnly TestStart { get; init; }
    /// <summary>Rows the scaler was fitted on (all before <see cref="ValidationStart"/>).</summary>
    public required int TrainRows { get; init; }
    /// <summary>True when the prices are a generated sample.</summary>
    public required bool IsSample { get; init; }

    /// <summary>Target values from model units back to prices (or returns).</summary>
    public float[] Unscale(IEnumerable<float> values) => values.Select(v => (float)Scaler.Inverse(v, TargetColumn)).ToArray();

    /// <summary>Transforms, splits by date, fits the scaler on the training period, and cuts windows.</summary>
    public static StockSplits Prepare(PriceTable table, WindowOptions? options = null)
    {
        options ??= new WindowOptions();
        var columns = options.Features.Contains(options.Target, StringComparer.OrdinalIgnoreCase)
            ? options.Features : [.. options.Features, options.Target];
        int target = Array.FindIndex(columns, c => string.Equals(c, options.Target, StringComparison.OrdinalIgnoreCase));
        var raw = table.ToMatrix(columns);
        if (options.Transform != PriceTransform.Price) CheckPositive(raw, columns, table.Dates, options.Transform);
        var values = Returns.Apply(raw, options.Transform);
        var dates = options.Transform == PriceTransform.Price ? table.Dates : table.Dates[1..];
        CheckFinite(values, columns, dates, options.Transform);
        int n = dates.Length;
        int valStart = options.ValidationStart is DateOnly v ? FirstOnOrAfter(dates, v) : (int)Math.Round(n * (1 - options.ValidationFraction - options.TestFraction));
        int testStart = options.TestStart is DateOnly t ? FirstOnOrAfter(dates, t) : (int)Math.Round(n * (1 - options.TestFraction));
        if (!(0 < valStart && valStart <= testStart && testStart < n))
            throw new ArgumentException($"Split needs train < validation <= test inside {dates[0]:yyyy-MM-dd}..{dates[^1]:yyyy-MM-dd}; got rows {valStart} and {testStart} of {n}.");
        if (valStart < options.Length + options.Horizon)
            throw new ArgumentException($"The training period ({valStart} rows) is too short for windows of {options.Length} steps at horizon {options.Horizon}.");
        var scaler = Scaler.Fit(options.Scaler, values, valStart);
        var scaled = scaler.Transform(values);
        int[] features = Enumerable.Range(0, options.Features.Length).ToArray();
        WindowSet Cut(int from, int to) => Windowing.Make(scaled, options.Length, options.Horizon, options.Stride, features, target, from, to, dates);
        return new StockSplits
        {
            Train = Cut(0, valStart),
            Validation = Cut(valStart, testStart),
            Test = Cut(testStart, n),
            Scaler = scaler,
            Columns = columns,
            TargetColumn = target,
            ValidationStart = dates[valStart],
            TestStart = dates[testStart],
            TrainRows = valStart,
            IsSample = table.IsSample,
        };
    }

    private static void CheckPositive(double[,] raw, string[] columns, DateOnly[] dates, PriceTransform transform)
    {
        for (int t = 0; t < raw.GetLength(0); t++)
            for (int j = 0; j < columns.Length; j++)
                if (!(raw[t, j] > 0))
                    throw new ArgumentException(FormattableString.Invariant(
                        $"StockSplits.Prepare: column '{columns[j]}' is {raw[t, j]} on {dates[t]:yyyy-MM-dd}; {transform} needs positive values (use PriceTransform.Price for columns that can be zero or negative)."));
    }

    private static void CheckFinite(double[,] values, string[] columns, DateOnly[] dates, PriceTransform transform)
    {
        for (int t = 0; t < values.GetLength(0); t++)
            for (int j = 0; j < columns.Length; j++)
                if (!double.IsFinite(values[t, j]))
                    throw new ArgumentException(FormattableString.Invariant(
                        $"StockSplits.Prepare: column '{columns[j]}' gives {values[t, j]} on {dates[t]:yyyy-MM-dd} after {transform}; the windows would hold non-finite values."));
    }

    private static int FirstOnOrAfter(DateOnly[] dates, DateOnly day)
    {
        int i = Array.BinarySearch(dates, day);
        return i >= 0 ? i : ~i;
    }
}
