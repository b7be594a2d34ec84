using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Data.Download;
using RnnNotebooks.Tensors;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Imdb;

/// <summary>Both IMDB splits and their provenance.</summary>
/// <param name="Train">The 25,000 training reviews (or the sample's).</param>
/// <param name="Test">The 25,000 test reviews (or the sample's).</param>
public sealed record ImdbData(ImdbDataset Train, ImdbDataset Test)
{
    /// <summary>True when both splits are the generated sample.</summary>
    public bool IsSample => Train.IsSample;

    /// <summary>Where the reviews came from.</summary>
    public string Source => Train.Source;
}

/// <summary>
/// One-line IMDB loading. Looks under <c>&lt;data root&gt;/imdb/</c> (see <see cref="DataRoot"/>) for,
/// in order: <c>train.csv.gz</c> + <c>test.csv.gz</c>, an extracted <c>aclImdb/</c> folder, the official
/// <c>aclImdb_v1.tar.gz</c>; then in the download cache. All three give the same records. With none
/// of them it announces and returns <see cref="ImdbSample"/> reviews.
/// </summary>
public static class ImdbLoader
{
    /// <summary>The seed Keras uses to shuffle IMDB.</summary>
    public const ulong KerasSeed = 113;

    /// <summary>
    /// Loads both splits. With <paramref name="shuffle"/> (the default) each split is shuffled with
    /// <see cref="Rng"/>: train with <paramref name="seed"/>, test with <paramref name="seed"/> + 1.
    /// Without it the reviews stay sorted by label and a warning is printed.
    /// </summary>
    /// <param name="dataRoot">Explicit data root; null follows <see cref="DataRoot"/>.</param>
    /// <param name="shuffle">Shuffle each split (strongly recommended).</param>
    /// <param name="seed">Shuffle seed (any value, 0 included, is a seed).</param>
    /// <param name="requireRealData">Throw instead of falling back to the generated sample.</param>
    /// <param name="sampleSize">Reviews per split in the generated sample, in [1, <see cref="ImdbSample.MaxCount"/>].</param>
    public static ImdbData Load(string? dataRoot = null, bool shuffle = true, ulong seed = KerasSeed,
        bool requireRealData = false, int sampleSize = 1000)
    {
        if (sampleSize < 1 || sampleSize > ImdbSample.MaxCount)
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"ImdbLoader: sampleSize must be in [1, {ImdbSample.MaxCount:N0}] reviews, got {sampleSize}.");
        var (train, test, source) = ReadReal(dataRoot) ?? Sample(dataRoot, requireRealData, sampleSize);
        bool isSample = source == SampleSource;
        if (!shuffle)
            Console.WriteLine("[RnnNotebooks.Data] WARNING: IMDB reviews returned UNSHUFFLED, in file order: all negative reviews, then all positive. "
                + "Shuffle before training, batching or taking a validation split.");
        return new ImdbData(Wrap(train, source, isSample, shuffle, seed), Wrap(test, source, isSample, shuffle, seed + 1));
    }

    /// <summary>The file or folder <see cref="Load"/> would read, or null when it would use the sample.</summary>
    public static string? FindSource(string? dataRoot = null)
    {
        foreach (string dir in Candidates(dataRoot))
        {
            string trainCsv = Path.Combine(dir, "train.csv.gz"), testCsv = Path.Combine(dir, "test.csv.gz");
            if (File.Exists(trainCsv) && File.Exists(testCsv)) return dir;
            string plainTrain = Path.Combine(dir, "train.csv"), plainTest = Path.Combine(dir, "test.csv");
            if (File.Exists(plainTrain) && File.Exists(plainTest)) return dir;
            string folder = Path.Combine(dir, "aclImdb");
            if (Directory.Exists(folder)) return folder;
            string tar = Path.Combine(dir, "aclImdb_v1.tar.gz");
            if (File.Exists(tar)) return tar;
        }
        return null;
    }

    /// <summary>Text of <see cref="ImdbDataset.Source"/> for the generated sample.</summary>
    public const string SampleSource = "generated sample (ImdbSample)";

    private static (List<ImdbReview>, List<ImdbReview>, string)? ReadReal(string? dataRoot)
    {
        string? source = FindSource(dataRoot);
        if (source is null) return null;
        if (source.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
        {
            var all = ImdbTarReader.Read(source);
            return (all.FindAll(r => r.Split == ImdbSplit.Train), all.FindAll(r => r.Split == ImdbSplit.Test), source);
        }
        if (Path.GetFileName(source) == "aclImdb" && Directory.Exists(source))
        {
            var all = ImdbFolderReader.Read(source);
            return (all.FindAll(r => r.Split == ImdbSplit.Train), all.FindAll(r => r.Split == ImdbSplit.Test), source);
        }
        string ext = File.Exists(Path.Combine(source, "train.csv.gz")) ? ".csv.gz" : ".csv";
        string trainPath = Path.Combine(source, "train" + ext), testPath = Path.Combine(source, "test" + ext);
        var train = ImdbCsvReader.Read(trainPath);
        var test = ImdbCsvReader.Read(testPath);
        CheckSplit(train, ImdbSplit.Train, trainPath);
        CheckSplit(test, ImdbSplit.Test, testPath);
        return (train, test, Path.Combine(source, "{train,test}" + ext));
    }

    private static void CheckSplit(List<ImdbReview> reviews, ImdbSplit expected, string path)
    {
        int bad = reviews.FindIndex(r => r.Split != expected);
        if (bad >= 0)
            throw new DataFormatException(path, bad + 2, $"row has split '{reviews[bad].Split.ToString().ToLowerInvariant()}' but this file holds the {expected.ToString().ToLowerInvariant()} split.");
    }

    private static (List<ImdbReview>, List<ImdbReview>, string) Sample(string? dataRoot, bool requireRealData, int sampleSize)
    {
        string searched = string.Join(", ", Candidates(dataRoot));
        if (requireRealData)
            throw new FileNotFoundException($"IMDB not found in {searched} (looked for train.csv.gz + test.csv.gz, aclImdb/, aclImdb_v1.tar.gz).");
        SampleNotice.Announce("IMDB", $"looked in {searched}",
            $"Downloader.Fetch(\"{DatasetCatalog.ImdbTarball.Id}\") downloads {DatasetCatalog.ImdbTarball.Url} (84 MB) into {DataRoot.CacheDirectory}.");
        return (ImdbSample.Generate(ImdbSplit.Train, sampleSize), ImdbSample.Generate(ImdbSplit.Test, sampleSize), SampleSource);
    }

    private static ImdbDataset Wrap(List<ImdbReview> reviews, string source, bool isSample, bool shuffle, ulong seed)
    {
        return shuffle ? new ImdbDataset(Shuffling.Shuffled(reviews, seed), source, isSample, true)
                       : new ImdbDataset(reviews, source, isSample, false);
    }

    internal static IEnumerable<string> Candidates(string? dataRoot)
    {
        string root = DataRoot.Resolve(dataRoot);
        yield return Path.Combine(root, "imdb");
        string cache = Path.Combine(DataRoot.CacheDirectory, "imdb");
        if (dataRoot is null && Path.GetFullPath(cache) != Path.GetFullPath(Path.Combine(root, "imdb"))) yield return cache;
    }
}
