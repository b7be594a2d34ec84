namespace RnnNotebooks.Data.Imdb;

/// <summary>The two official IMDB splits.</summary>
public enum ImdbSplit
{
    /// <summary>25,000 training reviews.</summary>
    Train,
    /// <summary>25,000 test reviews.</summary>
    Test,
}

/// <summary>
/// One labelled IMDB review, as in <c>aclImdb/&lt;split&gt;/&lt;neg|pos&gt;/&lt;Id&gt;_&lt;Rating&gt;.txt</c>.
/// </summary>
/// <param name="Split">Train or test.</param>
/// <param name="Label">0 = negative (rating ≤ 4), 1 = positive (rating ≥ 7).</param>
/// <param name="Id">The number before the underscore in the file name (unique per split and label).</param>
/// <param name="Rating">The user's star rating, 1–10.</param>
/// <param name="Text">The raw review, still containing <c>&lt;br /&gt;</c> tags.</param>
public sealed record ImdbReview(ImdbSplit Split, int Label, int Id, int Rating, string Text)
{
    /// <summary>The order of the CSV files and of every reader: split, then label, then id.</summary>
    public static int CompareFileOrder(ImdbReview a, ImdbReview b)
    {
        int c = a.Split.CompareTo(b.Split);
        if (c == 0) c = a.Label.CompareTo(b.Label);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }
}
