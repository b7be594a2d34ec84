using System.Formats.Tar;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// Streams the official <c>aclImdb_v1.tar.gz</c> with <see cref="TarReader"/> over a gzip stream,
/// without extracting anything to disk. Returns the labelled reviews in file order. Texts are strict
/// UTF-8 with a leading BOM dropped, as <see cref="ImdbFolderReader"/> reads them.
/// </summary>
public static class ImdbTarReader
{
    /// <summary>Reads the labelled reviews of <paramref name="splits"/> (default both) from the tarball.</summary>
    public static List<ImdbReview> Read(string tarGzPath, params ImdbSplit[] splits)
    {
        if (splits.Length == 0) splits = [ImdbSplit.Train, ImdbSplit.Test];
        var reviews = new List<ImdbReview>(50_000);
        var seen = new Dictionary<(ImdbSplit, int, int), string>();
        using var gz = new CheckedGzipStream(tarGzPath);
        string? current = null;
        try
        {
            using (var tar = new TarReader(gz, leaveOpen: true))
            {
                TarEntry? entry;
                while ((entry = tar.GetNextEntry()) is not null)
                {
                    current = entry.Name;
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                    if (!ImdbArchiveLayout.TryParse(entry.Name, tarGzPath, out var split, out int label, out int id, out int rating)) continue;
                    if (Array.IndexOf(splits, split) < 0) continue;
                    if (entry.DataStream is null) throw new DataFormatException(tarGzPath, 0, "entry has no data.", entry: entry.Name);
                    var review = new ImdbReview(split, label, id, rating, Utf8Text.Decode(entry.DataStream, tarGzPath, entry.Name));
                    ImdbArchiveLayout.CheckUnique(seen, review, tarGzPath, entry.Name);
                    reviews.Add(review);
                }
            }
            gz.Drain();
        }
        catch (DataFormatException e) when (e.Entry is null && current is not null)
        {
            throw new DataFormatException(tarGzPath, 0, e.Reason, e, entry: current);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException and not DataFormatException)
        {
            throw new DataFormatException(tarGzPath, 0, $"the tar stream is damaged ({e.Message}).", e, entry: current ?? "(first entry)");
        }
        ImdbArchiveLayout.CheckComplete(reviews, tarGzPath, splits);
        reviews.Sort(ImdbReview.CompareFileOrder);
        return reviews;
    }
}
