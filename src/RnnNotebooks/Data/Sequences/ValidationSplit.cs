namespace RnnNotebooks.Data.Sequences;

/// <summary>
/// Keras's <c>validation_split</c>: the last fraction of the (already shuffled) samples becomes
/// the validation set. Refuses labels that are sorted, since the validation set would then hold
/// one class only (the IMDB CSV files are sorted by label).
/// </summary>
public static class ValidationSplit
{
    /// <summary>Splits rows of <paramref name="x"/> and <paramref name="y"/>; the last <paramref name="fraction"/> is validation.</summary>
    public static (TX[] TrainX, int[] TrainY, TX[] ValX, int[] ValY) Last<TX>(TX[] x, int[] y, double fraction)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} rows but y has {y.Length}.");
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1).");
        if (LooksSorted(y))
            throw new InvalidOperationException(
                "ValidationSplit: the labels are sorted (all of one class, then the next), so the last fraction would be a single class. Shuffle first (e.g. ImdbLoader with shuffle: true).");
        int cut = x.Length - (int)Math.Round(x.Length * fraction);
        return (x[..cut], y[..cut], x[cut..], y[cut..]);
    }

    /// <summary>True when the labels take more than one value and never decrease (or never increase).</summary>
    public static bool LooksSorted(ReadOnlySpan<int> labels)
    {
        bool up = true, down = true, varied = false;
        for (int i = 1; i < labels.Length; i++)
        {
            if (labels[i] < labels[i - 1]) up = false;
            if (labels[i] > labels[i - 1]) down = false;
            if (labels[i] != labels[0]) varied = true;
        }
        return varied && (up || down);
    }
}
