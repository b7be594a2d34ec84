using RnnNotebooks.Data.Download;
using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Data.Imdb;

/// <summary>Options of Keras's <c>imdb.load_data</c>, with its defaults.</summary>
public sealed record KerasImdbOptions
{
    /// <summary>
    /// Keep ids below this (the <c>num_words</c> most frequent words, counting the 3 reserved ids).
    /// Null does what Keras does: uses the largest id present, which (Keras quirk) turns that one id into OOV.
    /// </summary>
    public int? NumWords { get; init; }
    /// <summary>Ids below this become <see cref="OovChar"/> (Keras applies it after the shift, so it can hit the start id).</summary>
    public int SkipTop { get; init; }
    /// <summary>Drop reviews whose encoded length (start id included) is not below this; null keeps all.</summary>
    public int? MaxLen { get; init; }
    /// <summary>Shuffle seed (Keras: 113).</summary>
    public ulong Seed { get; init; } = ImdbLoader.KerasSeed;
    /// <summary>Id put in front of every review; null for none.</summary>
    public int? StartChar { get; init; } = 1;
    /// <summary>Id for words cut by <see cref="NumWords"/>/<see cref="SkipTop"/>; null drops them.</summary>
    public int? OovChar { get; init; } = 2;
    /// <summary>
    /// Drop words that are not in the word index (default, as Keras's arrays do: its index holds
    /// training-set words only, and test-only words are absent from its test arrays). False maps
    /// them to <see cref="OovChar"/>.
    /// </summary>
    public bool DropUnknownWords { get; init; } = true;
    /// <summary>Offset added to ranks.</summary>
    public int IndexFrom { get; init; } = 3;
    /// <summary>
    /// Tokenizer. The default, <see cref="TextNormalizer.Keras"/>, keeps <c>&lt;br /&gt;</c> as "br" like Keras's
    /// arrays; <see cref="TextNormalizer.Default"/> removes the tags.
    /// </summary>
    public TextNormalizer Normalizer { get; init; } = TextNormalizer.Keras;
}

/// <summary>The Keras-style arrays: ragged id lists and 0/1 labels, plus provenance.</summary>
public sealed record KerasImdbData(int[][] XTrain, int[] YTrain, int[][] XTest, int[] YTest, KerasWordIndex WordIndex, bool IsSample, string Source);

/// <summary>
/// Keras's <c>keras.datasets.imdb.load_data</c> rebuilt from raw reviews: the reviews are tokenised
/// with <see cref="TextNormalizer"/> and mapped through the Keras word index, then the same steps
/// as Keras follow (shuffle, start id, <c>index_from</c> shift, <c>maxlen</c> filter, <c>num_words</c>/<c>skip_top</c>
/// to the OOV id). With the default options the sequences match Keras's arrays token for token as
/// far as could be checked (see the Data section of the README); only the order differs. Shuffling uses <see cref="RnnNotebooks.Tensors.Rng"/>, so the order differs from Keras's
/// even with seed 113 (Keras's arrays start from a different order anyway).
/// </summary>
public static class KerasImdb
{
    /// <summary>Loads IMDB (see <see cref="ImdbLoader"/>) and encodes it like Keras.</summary>
    public static KerasImdbData LoadData(KerasImdbOptions? options = null, string? dataRoot = null, bool requireRealData = false)
    {
        options ??= new KerasImdbOptions();
        if (options.NumWords is int numWords && numWords < 1)
            throw new ArgumentOutOfRangeException(nameof(options), numWords, $"KerasImdb: NumWords (num_words) must be at least 1 (null: every word), got {numWords}.");
        var data = ImdbLoader.Load(dataRoot, shuffle: true, seed: options.Seed, requireRealData: requireRealData);
        return Encode(data, LoadWordIndex(data, dataRoot, options.Normalizer), options);
    }

    /// <summary>Shortcut for the common call <c>load_data(num_words=...)</c>: ids of words ranked
    /// <paramref name="numWords"/> or lower are kept (at least 1; int.MaxValue: no word is cut).</summary>
    public static KerasImdbData LoadData(int numWords, string? dataRoot = null) => LoadData(new KerasImdbOptions { NumWords = numWords }, dataRoot);

    /// <summary>Encodes already-loaded reviews with <paramref name="index"/>.</summary>
    public static KerasImdbData Encode(ImdbData data, KerasWordIndex index, KerasImdbOptions? options = null)
    {
        options ??= new KerasImdbOptions();
        var xTrain = EncodeAll(data.Train.Reviews, index, options);
        var xTest = EncodeAll(data.Test.Reviews, index, options);
        var (trainX, trainY) = FilterLength(xTrain, data.Train.Labels, options.MaxLen);
        var (testX, testY) = FilterLength(xTest, data.Test.Labels, options.MaxLen);
        if (options.MaxLen is int m && (trainX.Length == 0 || testX.Length == 0))
            throw new ArgumentException($"After filtering for maxlen={m}, no sequence was shorter than {m} in one of the splits.");
        int numWords = options.NumWords ?? trainX.Concat(testX).Select(s => s.Length == 0 ? 0 : s.Max()).DefaultIfEmpty(0).Max();
        LimitVocabulary(trainX, numWords, options);
        LimitVocabulary(testX, numWords, options);
        return new KerasImdbData(trainX, trainY, testX, testY, index, data.IsSample, data.Source);
    }

    /// <summary>
    /// One review as Keras ids before the vocabulary limit: [start] + (rank + index_from) per word;
    /// words missing from the index are dropped (<see cref="KerasImdbOptions.DropUnknownWords"/>) or get
    /// <see cref="KerasImdbOptions.OovChar"/>.
    /// </summary>
    public static int[] EncodeText(string text, KerasWordIndex index, KerasImdbOptions? options = null)
    {
        options ??= new KerasImdbOptions();
        var ids = new List<int>(text.Length / 4 + 2);
        if (options.StartChar is int start) ids.Add(start);
        int indexFrom = options.IndexFrom;
        int? oov = options.DropUnknownWords ? null : options.OovChar;
        options.Normalizer.Tokenize(text, word =>
        {
            int rank = index.RankOf(word);
            if (rank > 0) ids.Add(rank + indexFrom);
            else if (oov is int o) ids.Add(o);
        });
        return ids.ToArray();
    }

    /// <summary>
    /// The word index that goes with <paramref name="data"/>: the Keras index for the real reviews, or
    /// an index built from the generated sample's training texts when <paramref name="data"/> is the sample
    /// (so a notebook runs the same way offline).
    /// </summary>
    public static KerasWordIndex LoadWordIndex(ImdbData data, string? dataRoot = null, TextNormalizer? normalizer = null) =>
        data.IsSample
            ? KerasWordIndex.FromTexts(data.Train.Texts, normalizer ?? TextNormalizer.Keras, "built from the generated sample")
            : LoadWordIndex(dataRoot);

    /// <summary>
    /// The Keras word index under the data root (<c>imdb/imdb_word_index.json</c>), or from the cache.
    /// The file must have the manifest's size and SHA-256.
    /// </summary>
    public static KerasWordIndex LoadWordIndex(string? dataRoot = null)
    {
        foreach (string dir in ImdbLoader.Candidates(dataRoot))
        {
            string path = Path.Combine(dir, "imdb_word_index.json");
            if (!File.Exists(path)) continue;
            DatasetCatalog.ImdbWordIndex.Verify(path);
            return KerasWordIndex.Load(path);
        }
        throw new FileNotFoundException(
            $"Keras word index not found in {string.Join(", ", ImdbLoader.Candidates(dataRoot))}. " +
            $"Get it with Downloader.Fetch(\"{DatasetCatalog.ImdbWordIndex.Id}\") ({DatasetCatalog.ImdbWordIndex.Url}).");
    }

    private static int[][] EncodeAll(IReadOnlyList<ImdbReview> reviews, KerasWordIndex index, KerasImdbOptions options)
    {
        var result = new int[reviews.Count][];
        Parallel.For(0, reviews.Count, i => result[i] = EncodeText(reviews[i].Text, index, options));
        return result;
    }

    private static (int[][], int[]) FilterLength(int[][] x, int[] y, int? maxlen)
    {
        if (maxlen is not int m) return (x, y);
        var keep = Enumerable.Range(0, x.Length).Where(i => x[i].Length < m).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }

    private static void LimitVocabulary(int[][] xs, int numWords, KerasImdbOptions options)
    {
        for (int i = 0; i < xs.Length; i++)
        {
            var s = xs[i];
            if (options.OovChar is int oov)
            {
                for (int j = 0; j < s.Length; j++) if (s[j] < options.SkipTop || s[j] >= numWords) s[j] = oov;
            }
            else xs[i] = Array.FindAll(s, w => w >= options.SkipTop && w < numWords);
        }
    }
}
