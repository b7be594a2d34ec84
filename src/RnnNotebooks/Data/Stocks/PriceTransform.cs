namespace RnnNotebooks.Data.Stocks;

/// <summary>What the model sees of a price column.</summary>
public enum PriceTransform
{
    /// <summary>The price itself.</summary>
    Price,
    /// <summary>Simple return p[t] / p[t-1] − 1 (the first day is dropped).</summary>
    Return,
    /// <summary>Log return ln(p[t] / p[t-1]) (the first day is dropped).</summary>
    LogReturn,
}

/// <summary>Prices to returns and back.</summary>
public static class Returns
{
    /// <summary>Simple returns, one shorter than <paramref name="prices"/>.</summary>
    public static double[] Simple(IReadOnlyList<double> prices) => Diff(prices, (a, b) => b / a - 1);

    /// <summary>Log returns, one shorter than <paramref name="prices"/>.</summary>
    public static double[] Log(IReadOnlyList<double> prices) => Diff(prices, (a, b) => Math.Log(b / a));

    /// <summary>Applies <paramref name="transform"/> to each column of a [days, features] matrix (returns drop the first row).</summary>
    public static double[,] Apply(double[,] matrix, PriceTransform transform)
    {
        if (transform == PriceTransform.Price) return (double[,])matrix.Clone();
        int n = matrix.GetLength(0), f = matrix.GetLength(1);
        var r = new double[Math.Max(0, n - 1), f];
        for (int t = 1; t < n; t++)
            for (int j = 0; j < f; j++)
            {
                double a = matrix[t - 1, j], b = matrix[t, j];
                r[t - 1, j] = transform == PriceTransform.Return ? b / a - 1 : Math.Log(b / a);
            }
        return r;
    }

    private static double[] Diff(IReadOnlyList<double> p, Func<double, double, double> f)
    {
        var r = new double[Math.Max(0, p.Count - 1)];
        for (int t = 1; t < p.Count; t++) r[t - 1] = f(p[t - 1], p[t]);
        return r;
    }
}
