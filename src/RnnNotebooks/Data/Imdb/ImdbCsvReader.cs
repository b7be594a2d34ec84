using System.Globalization;
using System.Text;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// Reads the course's <c>train.csv.gz</c> / <c>test.csv.gz</c> (header <c>split,label,id,rating,text</c>,
/// one review per physical line, text double-quoted with <c>""</c> escapes). Plain <c>.csv</c> works too.
/// Every malformed row fails with the file and line number: bytes that are not UTF-8, a rating that
/// contradicts the label, a review (split, label, id) listed twice.
/// </summary>
public static class ImdbCsvReader
{
    /// <summary>The header line the files must start with.</summary>
    public const string Header = "split,label,id,rating,text";

    /// <summary>Reads all reviews in file order (sorted by label, then id).</summary>
    public static List<ImdbReview> Read(string path)
    {
        try
        {
            using var stream = Open(path);
            using var reader = new StreamReader(stream, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true, 1 << 16);
            return Read(reader, path);
        }
        catch (DecoderFallbackException e)
        {
            // The reader decodes ahead of the line it returns: read the file again to name the line.
            using var stream = Open(path);
            using var all = new MemoryStream();
            stream.CopyTo(all);
            throw Utf8Text.Invalid(all.GetBuffer().AsSpan(0, (int)all.Length), path, inner: e);
        }
    }

    private static Stream Open(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
        ? new CheckedGzipStream(path)
        : File.OpenRead(path);

    /// <summary>Reads reviews from a text reader; <paramref name="name"/> is used in error messages.</summary>
    public static List<ImdbReview> Read(TextReader reader, string name)
    {
        string? header = reader.ReadLine();
        if (header is null) throw new DataFormatException(name, 0, "the file is empty; expected the header '" + Header + "'.");
        if (header != Header) throw new DataFormatException(name, 1, $"expected the header '{Header}', found '{Excerpt.Of(header)}'.");
        var reviews = new List<ImdbReview>(25_000);
        var seen = new Dictionary<(ImdbSplit, int, int), long>(25_000);
        long lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) throw new DataFormatException(name, lineNo, "empty line; every line must be one review.");
            var review = ParseLine(line, name, lineNo);
            if (!seen.TryAdd((review.Split, review.Label, review.Id), lineNo))
                throw new DataFormatException(name, lineNo,
                    $"review {(review.Split == ImdbSplit.Train ? "train" : "test")}/{(review.Label == 0 ? "neg" : "pos")} id {review.Id} appears twice (first on line {seen[(review.Split, review.Label, review.Id)]}).");
            reviews.Add(review);
        }
        if (reviews.Count == 0) throw new DataFormatException(name, 1, "the file has a header but no reviews.");
        return reviews;
    }

    private static ImdbReview ParseLine(string line, string name, long lineNo)
    {
        Span<int> commas = stackalloc int[4];
        int found = 0;
        for (int i = 0; i < line.Length && found < 4; i++) if (line[i] == ',') commas[found++] = i;
        if (found < 4) throw new DataFormatException(name, lineNo, $"expected 5 columns (split,label,id,rating,text), found {found + 1}: '{Excerpt.Of(line)}'.");
        ReadOnlySpan<char> s = line;
        var split = s[..commas[0]] switch
        {
            "train" => ImdbSplit.Train,
            "test" => ImdbSplit.Test,
            var other => throw new DataFormatException(name, lineNo, $"split must be 'train' or 'test', found '{Excerpt.Of(other.ToString())}'."),
        };
        int label = ParseInt(s[(commas[0] + 1)..commas[1]], "label", name, lineNo);
        if (label is not (0 or 1)) throw new DataFormatException(name, lineNo, $"label must be 0 or 1, found {label}.");
        int id = ParseInt(s[(commas[1] + 1)..commas[2]], "id", name, lineNo);
        int rating = ParseInt(s[(commas[2] + 1)..commas[3]], "rating", name, lineNo);
        if (rating is < 1 or > 10) throw new DataFormatException(name, lineNo, $"rating must be 1..10, found {rating}.");
        if (ImdbArchiveLayout.RatingMismatch(label, rating) is string why) throw new DataFormatException(name, lineNo, why);
        var quoted = s[(commas[3] + 1)..];
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
            throw new DataFormatException(name, lineNo, "the text column must be enclosed in double quotes (is a comma or quote unescaped, or the line cut short?).");
        var inner = quoted[1..^1];
        string text;
        if (inner.IndexOf('"') < 0) text = inner.ToString();
        else
        {
            var sb = new StringBuilder(inner.Length);
            for (int i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '"')
                {
                    if (i + 1 >= inner.Length || inner[i + 1] != '"')
                        throw new DataFormatException(name, lineNo, $"lone double quote at text position {i + 1}; quotes inside the text must be doubled (\"\").");
                    i++;
                }
                sb.Append(inner[i]);
            }
            text = sb.ToString();
        }
        return new ImdbReview(split, label, id, rating, text);
    }

    private static int ParseInt(ReadOnlySpan<char> s, string column, string name, long lineNo) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
            : throw new DataFormatException(name, lineNo, $"column '{column}' is not a whole number: '{Excerpt.Of(s.ToString())}'.");
}
