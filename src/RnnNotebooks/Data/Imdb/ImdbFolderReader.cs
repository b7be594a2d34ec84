using RnnNotebooks.IO;
namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// Reads an extracted <c>aclImdb/</c> folder (the tarball unpacked by the user). Texts are strict
/// UTF-8 with a leading BOM dropped, as <see cref="ImdbTarReader"/> reads them.
/// </summary>
public static class ImdbFolderReader
{
    /// <summary>
    /// Reads the labelled reviews of <paramref name="splits"/> (default both). <paramref name="folder"/>
    /// is the <c>aclImdb</c> folder itself.
    /// </summary>
    public static List<ImdbReview> Read(string folder, params ImdbSplit[] splits)
    {
        if (splits.Length == 0) splits = [ImdbSplit.Train, ImdbSplit.Test];
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"IMDB folder '{folder}' does not exist.");
        var seen = new Dictionary<(ImdbSplit, int, int), string>();
        var reviews = new List<ImdbReview>(50_000);
        foreach (var split in splits)
            foreach (string labelDir in new[] { "neg", "pos" })
            {
                string dir = Path.Combine(folder, ImdbArchiveLayout.Folder(split), labelDir);
                if (!Directory.Exists(dir)) continue; // CheckComplete names it below
                foreach (string file in Directory.EnumerateFiles(dir, "*.txt"))
                {
                    string relative = $"aclImdb/{ImdbArchiveLayout.Folder(split)}/{labelDir}/{Path.GetFileName(file)}";
                    ImdbArchiveLayout.TryParse(relative, folder, out _, out int label, out int id, out int rating);
                    var review = new ImdbReview(split, label, id, rating, Utf8Text.Decode(File.ReadAllBytes(file), folder, relative));
                    ImdbArchiveLayout.CheckUnique(seen, review, folder, relative);
                    reviews.Add(review);
                }
            }
        ImdbArchiveLayout.CheckComplete(reviews, folder, splits);
        reviews.Sort(ImdbReview.CompareFileOrder);
        return reviews;
    }
}
