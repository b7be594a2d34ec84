namespace RnnNotebooks.Data.Stocks;

/// <summary>One trading day of a Yahoo-Finance export.</summary>
public sealed record PriceBar(DateOnly Date, double Open, double High, double Low, double Close, double AdjClose, long Volume)
{
    /// <summary>The value of one field as a double.</summary>
    public double Get(PriceField field) => field switch
    {
        PriceField.Open => Open,
        PriceField.High => High,
        PriceField.Low => Low,
        PriceField.Close => Close,
        PriceField.AdjClose => AdjClose,
        PriceField.Volume => Volume,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

/// <summary>The columns of a Yahoo-Finance CSV.</summary>
public enum PriceField
{
    /// <summary>Opening price.</summary>
    Open,
    /// <summary>Highest price.</summary>
    High,
    /// <summary>Lowest price.</summary>
    Low,
    /// <summary>Closing price (split-adjusted).</summary>
    Close,
    /// <summary>Close adjusted for splits and dividends.</summary>
    AdjClose,
    /// <summary>Shares traded.</summary>
    Volume,
}
