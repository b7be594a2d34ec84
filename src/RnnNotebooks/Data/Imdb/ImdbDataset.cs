using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// Reviews of one split plus where they came from. <see cref="IsShuffled"/> is false when the
/// reviews are in file order (all negative, then all positive): never train or take a validation
/// split from that order.
/// </summary>
public sealed class ImdbDataset
{
    /// <summary>Creates a dataset; loaders fill in the provenance.</summary>
    public ImdbDataset(IReadOnlyList<ImdbReview> reviews, string source, bool isSample, bool isShuffled)
    {
        Reviews = reviews;
        Source = source;
        IsSample = isSample;
        IsShuffled = isShuffled;
    }

    /// <summary>The reviews.</summary>
    public IReadOnlyList<ImdbReview> Reviews { get; }

    /// <summary>The file, folder or "generated sample" the reviews came from.</summary>
    public string Source { get; }

    /// <summary>True when this is the small generated sample, not the real IMDB data.</summary>
    public bool IsSample { get; }

    /// <summary>True when the order was shuffled; false means sorted by label.</summary>
    public bool IsShuffled { get; }

    /// <summary>Number of reviews.</summary>
    public int Count => Reviews.Count;

    /// <summary>The review texts, in order.</summary>
    public string[] Texts => Reviews.Select(r => r.Text).ToArray();

    /// <summary>The labels (0 = negative, 1 = positive), in order.</summary>
    public int[] Labels => Reviews.Select(r => r.Label).ToArray();

    /// <summary>
    /// Keras-style validation split: the last <paramref name="fraction"/> becomes validation.
    /// Throws when the dataset is not shuffled, because the last fraction would all be positive.
    /// </summary>
    public (ImdbDataset Train, ImdbDataset Validation) SplitValidation(double fraction)
    {
        if (!IsShuffled)
            throw new InvalidOperationException("ImdbDataset.SplitValidation: the reviews are in file order (sorted by label); load with shuffle: true first.");
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1).");
        int cut = Count - (int)Math.Round(Count * fraction);
        var list = Reviews.ToArray();
        return (new ImdbDataset(list[..cut], Source, IsSample, true), new ImdbDataset(list[cut..], Source, IsSample, true));
    }

    /// <summary>A copy in an order given by <paramref name="seed"/> (any value, 0 included, is a seed).</summary>
    public ImdbDataset Shuffle(ulong seed) => new(Shuffling.Shuffled(Reviews, seed), Source, IsSample, true);

    /// <summary>E.g. "IMDB train: 25,000 reviews (12,500 pos), shuffled, from .../train.csv.gz".</summary>
    public override string ToString() =>
        $"IMDB {(Count > 0 ? Reviews[0].Split.ToString().ToLowerInvariant() : "")}: {Count:N0} reviews ({Reviews.Count(r => r.Label == 1):N0} positive), "
        + (IsShuffled ? "shuffled" : "SORTED BY LABEL") + (IsSample ? ", GENERATED SAMPLE" : "") + $", from {Source}";
}
