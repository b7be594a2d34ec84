using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

/// <summary>IMDB files that used to load with silent damage now fail naming the file and entry or line.</summary>
public sealed class ImdbBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly byte[] Latin1Review = [.. Encoding.ASCII.GetBytes("A fine caf"), 0xE9, .. Encoding.ASCII.GetBytes(" scene.")];
    private static readonly byte[] BomReview = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Great film.")];

    /// <summary>A tarball with one review per label and split, plus <paramref name="extra"/> entries (name, bytes).</summary>
    private string Tarball(params (string Name, byte[] Bytes)[] extra)
    {
        string path = _dir.File("aclImdb_v1.tar.gz");
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gz, TarEntryFormat.Pax);
        foreach (var (name, bytes) in Baseline().Concat(extra))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        return path;
    }

    /// <summary>The same entries as an extracted folder; returns the aclImdb folder.</summary>
    private string Folder(params (string Name, byte[] Bytes)[] extra)
    {
        foreach (var (name, bytes) in Baseline().Concat(extra)) File.WriteAllBytes(_dir.File("x/" + name), bytes);
        return Path.Combine(_dir.Path, "x", "aclImdb");
    }

    private static IEnumerable<(string, byte[])> Baseline() =>
        from split in new[] { "train", "test" }
        from label in new[] { ("neg", 2), ("pos", 9) }
        select ($"aclImdb/{split}/{label.Item1}/0_{label.Item2}.txt", Encoding.UTF8.GetBytes($"A {label.Item1} review."));

    [Fact]
    public void A_latin1_byte_names_the_tar_entry_and_the_folder_file()
    {
        const string entry = "aclImdb/train/pos/7_10.txt";
        var tar = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(Tarball((entry, Latin1Review))));
        Assert.Equal(entry, tar.Entry);
        Assert.Contains("byte 0xE9 at column 11 is not valid UTF-8", tar.Message);
        var folder = Assert.Throws<DataFormatException>(() => ImdbFolderReader.Read(Folder((entry, Latin1Review))));
        Assert.Equal(entry, folder.Entry);
        Assert.Contains("byte 0xE9 at column 11 is not valid UTF-8", folder.Message);
    }

    [Fact]
    public void A_latin1_byte_in_the_csv_names_the_line_even_far_into_the_file()
    {
        string path = _dir.File("train.csv.gz");
        var sb = new StringBuilder("split,label,id,rating,text\n");
        for (int i = 0; i < 3000; i++) sb.Append($"train,0,{i},2,\"review number {i} with some padding text\"\n");
        byte[] good = Encoding.UTF8.GetBytes(sb.ToString());
        byte[] bad = [.. Encoding.ASCII.GetBytes("train,1,0,9,\"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"\n")];
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) { gz.Write(good); gz.Write(bad); }
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(path));
        Assert.Equal(3002, e.Line);
        Assert.StartsWith($"{path}:3002: byte 0xE9 at column 17 is not valid UTF-8", e.Message);
    }

    [Fact]
    public void Tarball_and_folder_both_drop_a_byte_order_mark()
    {
        const string entry = "aclImdb/test/pos/3_8.txt";
        var fromTar = ImdbTarReader.Read(Tarball((entry, BomReview))).Single(r => r.Id == 3);
        var fromFolder = ImdbFolderReader.Read(Folder((entry, BomReview))).Single(r => r.Id == 3);
        Assert.Equal("Great film.", fromTar.Text);
        Assert.Equal("Great film.", fromFolder.Text);
    }

    [Fact]
    public void A_review_listed_twice_is_refused()
    {
        // The same entry twice in the tarball; the same id with another rating in the folder.
        var tar = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(Tarball(("aclImdb/train/neg/0_2.txt", "again"u8.ToArray()))));
        Assert.Contains("review train/neg id 0 appears twice (also aclImdb/train/neg/0_2.txt)", tar.Message);
        var folder = Assert.Throws<DataFormatException>(() => ImdbFolderReader.Read(Folder(("aclImdb/train/neg/0_3.txt", "again"u8.ToArray()))));
        Assert.Contains("review train/neg id 0 appears twice", folder.Message);

        string csv = _dir.File("test.csv");
        File.WriteAllText(csv, "split,label,id,rating,text\ntest,0,4,1,\"a\"\ntest,0,5,1,\"b\"\ntest,0,4,2,\"c\"\n");
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(csv));
        Assert.StartsWith($"{csv}:4: review test/neg id 4 appears twice (first on line 2).", e.Message);
    }

    [Theory]
    [InlineData("aclImdb/train/pos/12_2.txt", "rating 2 is negative (1-4) but the review is labelled positive (pos).")]
    [InlineData("aclImdb/test/neg/12_8.txt", "rating 8 is positive (7-10) but the review is labelled negative (neg).")]
    [InlineData("aclImdb/test/neg/12_5.txt", "rating 5 is neither negative (1-4) nor positive (7-10)")]
    public void A_rating_that_contradicts_the_folder_is_refused(string entry, string expected)
    {
        var tar = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(Tarball((entry, "text"u8.ToArray()))));
        Assert.Equal(entry, tar.Entry);
        Assert.Contains(expected, tar.Message);
        Assert.Contains(expected, Assert.Throws<DataFormatException>(() => ImdbFolderReader.Read(Folder((entry, "text"u8.ToArray())))).Message);
    }

    [Fact]
    public void A_rating_that_contradicts_the_csv_label_is_refused()
    {
        string csv = _dir.File("train.csv");
        File.WriteAllText(csv, "split,label,id,rating,text\ntrain,0,4,1,\"a\"\ntrain,1,5,2,\"b\"\n");
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(csv));
        Assert.StartsWith($"{csv}:3: rating 2 is negative (1-4) but the review is labelled positive (pos).", e.Message);
    }

    [Fact]
    public void A_huge_csv_field_is_cut_in_the_message()
    {
        string csv = _dir.File("train.csv");
        File.WriteAllText(csv, "split,label,id,rating,text\ntrain," + new string('7', 5_000_000) + ",4,1,\"a\"\n");
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(csv));
        Assert.Contains("(5,000,000 characters)", e.Message);
        Assert.True(e.Message.Length < 300, $"message of {e.Message.Length} characters");
    }
}
