using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using RnnNotebooks.Data.Imdb;

namespace RnnNotebooks.Tests.Data;

/// <summary>Builds IMDB files in the official layouts from generated reviews.</summary>
internal static class ImdbFixtures
{
    public static List<ImdbReview> Reviews(int perSplit = 40)
    {
        var all = ImdbSample.Generate(ImdbSplit.Train, perSplit, seed: 5).Concat(ImdbSample.Generate(ImdbSplit.Test, perSplit, seed: 6)).ToList();
        // Make the texts exercise the CSV escaping: quotes, commas, tabs, non-ASCII.
        for (int i = 0; i < all.Count; i += 3)
            all[i] = all[i] with { Text = all[i].Text + " He said \"wow\", twice,\tthen left — café." };
        return all;
    }

    /// <summary>A .tar.gz in the official layout, with unsup/, .feat and README entries that readers must ignore.</summary>
    public static void WriteTarball(string path, IEnumerable<ImdbReview> reviews, Func<ImdbReview, bool>? include = null, string? extraEntry = null)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gz, TarEntryFormat.Pax);
        AddDir(tar, "aclImdb/");
        AddFile(tar, "aclImdb/README", "Large Movie Review Dataset v1.0");
        AddFile(tar, "aclImdb/imdb.vocab", "the\nand\n");
        AddFile(tar, "aclImdb/train/labeledBow.feat", "0 0:9 1:1\n");
        AddFile(tar, "aclImdb/train/unsup/0_0.txt", "unlabelled review");
        foreach (var r in reviews.Where(r => include?.Invoke(r) ?? true))
            AddFile(tar, $"aclImdb/{(r.Split == ImdbSplit.Train ? "train" : "test")}/{(r.Label == 0 ? "neg" : "pos")}/{r.Id}_{r.Rating}.txt", r.Text);
        if (extraEntry is not null) AddFile(tar, extraEntry, "x");
    }

    /// <summary>The same reviews as an extracted aclImdb/ folder.</summary>
    public static void WriteFolder(string aclImdb, IEnumerable<ImdbReview> reviews)
    {
        foreach (var r in reviews)
        {
            string dir = Path.Combine(aclImdb, r.Split == ImdbSplit.Train ? "train" : "test", r.Label == 0 ? "neg" : "pos");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"{r.Id}_{r.Rating}.txt"), r.Text, new UTF8Encoding(false));
        }
        Directory.CreateDirectory(Path.Combine(aclImdb, "train", "unsup"));
        File.WriteAllText(Path.Combine(aclImdb, "train", "unsup", "1_0.txt"), "ignored");
    }

    /// <summary>One split as the course's CSV (gzipped when the path ends in .gz).</summary>
    public static void WriteCsv(string path, IEnumerable<ImdbReview> reviews)
    {
        var sb = new StringBuilder("split,label,id,rating,text\n");
        foreach (var r in reviews.OrderBy(r => r.Label).ThenBy(r => r.Id))
            sb.Append(r.Split == ImdbSplit.Train ? "train" : "test").Append(',').Append(r.Label).Append(',').Append(r.Id).Append(',').Append(r.Rating)
              .Append(",\"").Append(r.Text.Replace("\"", "\"\"")).Append("\"\n");
        WriteText(path, sb.ToString());
    }

    public static void WriteText(string path, string content)
    {
        byte[] bytes = new UTF8Encoding(false).GetBytes(content);
        if (!path.EndsWith(".gz")) { File.WriteAllBytes(path, bytes); return; }
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Optimal);
        gz.Write(bytes);
    }

    private static void AddDir(TarWriter tar, string name) => tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name));

    private static void AddFile(TarWriter tar, string name, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new UTF8Encoding(false).GetBytes(text)) };
        tar.WriteEntry(entry);
    }
}
