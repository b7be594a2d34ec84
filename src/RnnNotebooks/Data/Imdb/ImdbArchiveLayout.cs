using System.Globalization;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// The official layout: <c>aclImdb/{train,test}/{neg,pos}/&lt;id&gt;_&lt;rating&gt;.txt</c>. Everything
/// else (<c>train/unsup</c>, <c>.feat</c>, <c>urls_*.txt</c>, the vocabulary) is ignored.
/// </summary>
internal static class ImdbArchiveLayout
{
    /// <summary>
    /// Classifies a path relative to the archive root (forward slashes). Returns false for files
    /// outside the labelled folders; throws for a badly named file inside them.
    /// </summary>
    public static bool TryParse(string relative, string archive, out ImdbSplit split, out int label, out int id, out int rating)
    {
        split = default; label = id = rating = 0;
        var parts = relative.Replace('\\', '/').TrimStart('.', '/').Split('/');
        if (parts.Length != 4 || parts[0] != "aclImdb") return false;
        if (parts[1] == "train") split = ImdbSplit.Train;
        else if (parts[1] == "test") split = ImdbSplit.Test;
        else return false;
        if (parts[2] == "neg") label = 0;
        else if (parts[2] == "pos") label = 1;
        else return false;
        string file = parts[3];
        int us = file.IndexOf('_');
        if (!file.EndsWith(".txt", StringComparison.Ordinal) || us < 1
            || !int.TryParse(file.AsSpan(0, us), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            || !int.TryParse(file.AsSpan(us + 1, file.Length - us - 5), NumberStyles.None, CultureInfo.InvariantCulture, out rating)
            || rating is < 1 or > 10)
            throw new DataFormatException(archive, 0, "review file name is not <id>_<rating>.txt with rating 1..10.", entry: relative);
        if (RatingMismatch(label, rating) is string why) throw new DataFormatException(archive, 0, why, entry: relative);
        return true;
    }

    /// <summary>
    /// Why <paramref name="rating"/> cannot carry <paramref name="label"/>, or null: IMDB labels
    /// ratings 1–4 negative and 7–10 positive and leaves 5–6 out.
    /// </summary>
    public static string? RatingMismatch(int label, int rating) => (label, rating) switch
    {
        (_, 5 or 6) => $"rating {rating} is neither negative (1-4) nor positive (7-10); the labelled IMDB reviews have no such rating.",
        (1, <= 4) => $"rating {rating} is negative (1-4) but the review is labelled positive (pos).",
        (0, >= 7) => $"rating {rating} is positive (7-10) but the review is labelled negative (neg).",
        _ => null,
    };

    /// <summary>Throws when a review with the same split, label and id was already read (from <paramref name="seen"/>).</summary>
    public static void CheckUnique(Dictionary<(ImdbSplit, int, int), string> seen, ImdbReview r, string archive, string entry)
    {
        if (seen.TryAdd((r.Split, r.Label, r.Id), entry)) return;
        throw new DataFormatException(archive, 0,
            $"review {Folder(r.Split)}/{(r.Label == 0 ? "neg" : "pos")} id {r.Id} appears twice (also {seen[(r.Split, r.Label, r.Id)]}).", entry: entry);
    }

    /// <summary>Throws naming the archive and the missing folder when a split or label has no reviews.</summary>
    public static void CheckComplete(List<ImdbReview> reviews, string archive, IEnumerable<ImdbSplit> wanted)
    {
        foreach (var split in wanted)
            foreach (int label in new[] { 0, 1 })
                if (!reviews.Exists(r => r.Split == split && r.Label == label))
                    throw new DataFormatException(archive, 0,
                        $"no reviews under aclImdb/{Folder(split)}/{(label == 0 ? "neg" : "pos")}/: the archive is incomplete or not the official aclImdb layout.",
                        entry: $"aclImdb/{Folder(split)}/{(label == 0 ? "neg" : "pos")}/");
    }

    public static string Folder(ImdbSplit split) => split == ImdbSplit.Train ? "train" : "test";
}
