using System.IO.Compression;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

public class ImdbReaderTests
{
    [Fact]
    public void Tarball_folder_and_csv_give_the_same_records()
    {
        using var tmp = new TempDir();
        var reviews = ImdbFixtures.Reviews();
        string tar = tmp.File("imdb/aclImdb_v1.tar.gz");
        ImdbFixtures.WriteTarball(tar, reviews);
        ImdbFixtures.WriteFolder(tmp.File("extracted/aclImdb/x").Replace("/x", ""), reviews);
        ImdbFixtures.WriteCsv(tmp.File("csv/train.csv.gz"), reviews.Where(r => r.Split == ImdbSplit.Train));
        ImdbFixtures.WriteCsv(tmp.File("csv/test.csv"), reviews.Where(r => r.Split == ImdbSplit.Test));

        var expected = reviews.OrderBy(r => r, Comparer<ImdbReview>.Create(ImdbReview.CompareFileOrder)).ToList();
        var fromTar = ImdbTarReader.Read(tar);
        var fromFolder = ImdbFolderReader.Read(Path.Combine(tmp.Path, "extracted", "aclImdb"));
        var fromCsv = ImdbCsvReader.Read(tmp.File("csv/train.csv.gz")).Concat(ImdbCsvReader.Read(tmp.File("csv/test.csv"))).ToList();
        Assert.Equal(expected, fromTar);
        Assert.Equal(expected, fromFolder);
        Assert.Equal(expected, fromCsv);
        Assert.Contains(fromCsv, r => r.Text.Contains("\"wow\", twice,\tthen left — café."));
    }

    [Fact]
    public void Loader_finds_a_downloaded_tarball_under_the_data_root()
    {
        using var tmp = new TempDir();
        var reviews = ImdbFixtures.Reviews(20);
        ImdbFixtures.WriteTarball(tmp.File("imdb/aclImdb_v1.tar.gz"), reviews);
        var data = ImdbLoader.Load(tmp.Path, requireRealData: true);
        Assert.False(data.IsSample);
        Assert.EndsWith("aclImdb_v1.tar.gz", data.Source);
        Assert.Equal(20, data.Train.Count);
        Assert.Equal(20, data.Test.Count);
        Assert.True(data.Train.IsShuffled);
        Assert.Equal(ImdbLoader.Load(tmp.Path, seed: 7).Train.Reviews, ImdbLoader.Load(tmp.Path, seed: 7).Train.Reviews);
        Assert.NotEqual(ImdbLoader.Load(tmp.Path, seed: 7).Train.Reviews, ImdbLoader.Load(tmp.Path, seed: 8).Train.Reviews);
    }

    [Fact]
    public void Tarball_missing_a_split_names_the_missing_entry()
    {
        using var tmp = new TempDir();
        string tar = tmp.File("aclImdb_v1.tar.gz");
        ImdbFixtures.WriteTarball(tar, ImdbFixtures.Reviews(10), r => !(r.Split == ImdbSplit.Test && r.Label == 0));
        var e = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(tar));
        Assert.Equal("aclImdb/test/neg/", e.Entry);
        Assert.Contains(tar, e.Message);
        Assert.Contains("aclImdb/test/neg/", e.Message);
    }

    [Fact]
    public void Badly_named_review_in_tarball_names_the_entry()
    {
        using var tmp = new TempDir();
        string tar = tmp.File("aclImdb_v1.tar.gz");
        ImdbFixtures.WriteTarball(tar, ImdbFixtures.Reviews(10), extraEntry: "aclImdb/train/pos/notes.txt");
        var e = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(tar));
        Assert.Equal("aclImdb/train/pos/notes.txt", e.Entry);
    }

    [Fact]
    public void Truncated_tarball_fails_naming_file_and_entry()
    {
        using var tmp = new TempDir();
        string tar = tmp.File("aclImdb_v1.tar.gz");
        ImdbFixtures.WriteTarball(tar, ImdbFixtures.Reviews(200));
        byte[] bytes = File.ReadAllBytes(tar);
        File.WriteAllBytes(tar, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<DataFormatException>(() => ImdbTarReader.Read(tar));
        Assert.Contains(tar, e.Message);
        Assert.NotNull(e.Entry);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(3)] // cut inside the trailer
    public void Truncated_gzip_csv_fails_naming_the_file(int cutDivisor)
    {
        using var tmp = new TempDir();
        string path = tmp.File("train.csv.gz");
        ImdbFixtures.WriteCsv(path, ImdbFixtures.Reviews(100).Where(r => r.Split == ImdbSplit.Train));
        byte[] bytes = File.ReadAllBytes(path);
        int keep = cutDivisor == 1 ? bytes.Length - 3 : cutDivisor == 3 ? bytes.Length - 6 : bytes.Length / cutDivisor;
        File.WriteAllBytes(path, bytes[..keep]);
        var e = Assert.ThrowsAny<DataFormatException>(() => ImdbCsvReader.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Empty_and_non_gzip_files_fail_with_the_file_named()
    {
        using var tmp = new TempDir();
        string empty = tmp.File("empty.csv.gz");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(empty)).Message);
        string plain = tmp.File("plain.csv.gz");
        File.WriteAllText(plain, "split,label,id,rating,text\n");
        Assert.Contains("not a gzip file", Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(plain)).Message);
        string emptyCsv = tmp.File("empty.csv");
        File.WriteAllText(emptyCsv, "");
        Assert.Equal(emptyCsv, Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(emptyCsv)).FilePath);
        string headerOnly = tmp.File("header.csv.gz");
        ImdbFixtures.WriteText(headerOnly, "split,label,id,rating,text\n");
        Assert.Contains("no reviews", Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(headerOnly)).Message);
    }

    [Theory]
    [InlineData("train,1,5,9", "expected 5 columns")]
    [InlineData("train,x,5,9,\"ok\"", "'label'")]
    [InlineData("train,1,5.5,9,\"ok\"", "'id'")]
    [InlineData("train,1,5,11,\"ok\"", "rating")]
    [InlineData("valid,1,5,9,\"ok\"", "split")]
    [InlineData("train,2,5,9,\"ok\"", "label must be 0 or 1")]
    [InlineData("train,1,5,9,ok", "double quotes")]
    [InlineData("train,1,5,9,\"a \"bad\" quote\"", "lone double quote")]
    [InlineData("", "empty line")]
    public void Malformed_csv_rows_name_file_and_line(string badRow, string expected)
    {
        using var tmp = new TempDir();
        string path = tmp.File("train.csv.gz");
        ImdbFixtures.WriteText(path, "split,label,id,rating,text\ntrain,0,1,2,\"fine, \"\"quoted\"\"\"\n" + badRow + "\ntrain,1,6,8,\"fine\"\n");
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(path));
        Assert.Equal(3, e.Line);
        Assert.StartsWith(path + ":3: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Wrong_header_is_reported_on_line_1()
    {
        using var tmp = new TempDir();
        string path = tmp.File("train.csv");
        File.WriteAllText(path, "label,text\n1,\"x\"\n");
        Assert.Equal(1, Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(path)).Line);
    }

    [Fact]
    public void A_test_row_in_the_train_file_is_refused()
    {
        using var tmp = new TempDir();
        var reviews = ImdbFixtures.Reviews(10);
        ImdbFixtures.WriteCsv(tmp.File("imdb/train.csv.gz"), reviews.Where(r => r.Split == ImdbSplit.Test));
        ImdbFixtures.WriteCsv(tmp.File("imdb/test.csv.gz"), reviews.Where(r => r.Split == ImdbSplit.Test));
        var e = Assert.Throws<DataFormatException>(() => ImdbLoader.Load(tmp.Path));
        Assert.Contains("train.csv.gz", e.FilePath);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Word_index_errors_name_the_file()
    {
        using var tmp = new TempDir();
        string path = tmp.File("imdb_word_index.json");
        File.WriteAllText(path, "");
        Assert.Contains("empty", Assert.Throws<DataFormatException>(() => KerasWordIndex.Load(path)).Message);
        File.WriteAllText(path, "{\"the\": 1,\n \"and\": \"two\"}");
        var e = Assert.Throws<DataFormatException>(() => KerasWordIndex.Load(path));
        Assert.Equal(2, e.Line);
        File.WriteAllText(path, "{\"the\": 1, \"and\": 2");
        Assert.Equal(path, Assert.Throws<DataFormatException>(() => KerasWordIndex.Load(path)).FilePath);
        File.WriteAllText(path, "{\"the\": 1, \"and\": 2}");
        Assert.Equal(2, KerasWordIndex.Load(path).Count);
    }
}
