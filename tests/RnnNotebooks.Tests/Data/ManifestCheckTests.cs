using System.IO.Compression;
using System.Text;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Download;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Text;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

/// <summary>
/// Files the manifest knows are checked against its size and SHA-256 when loaded; gzip files are
/// checked by their own CRC-32 and length as they are read.
/// </summary>
public sealed class ManifestCheckTests : IDisposable
{
    private readonly TempDir _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_truncated_tiny_shakespeare_is_refused_with_the_way_to_fix_it()
    {
        string path = _root.File("text/tinyshakespeare.txt");
        File.WriteAllText(path, "First Citizen:\nBefore we proceed any further, hear me speak.\n");
        var e = Assert.Throws<DataFormatException>(() => TextLoader.TinyShakespeare(_root.Path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("61 bytes, but 'tinyshakespeare' in the manifest is 1,115,394 bytes: the file is truncated or another version.", e.Message);
        Assert.Contains("Downloader.Fetch(\"tinyshakespeare\")", e.Message);
    }

    [Fact]
    public void A_damaged_file_of_the_right_size_fails_on_its_hash()
    {
        string path = _root.File("text/tinyshakespeare.txt");
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'a', (int)DatasetCatalog.TinyShakespeare.Size).ToArray());
        var e = Assert.Throws<DataFormatException>(() => TextLoader.TinyShakespeare(_root.Path));
        Assert.Contains($"does not match the manifest's {DatasetCatalog.TinyShakespeare.Sha256} for 'tinyshakespeare'", e.Message);
    }

    [Fact]
    public void A_crlf_copy_is_named_as_such()
    {
        string path = _root.File("text/tinyshakespeare.txt");
        File.WriteAllText(path, "First Citizen:\r\nSpeak.\r\n");
        Assert.Contains("(it has Windows CRLF line ends; the original has LF)",
            Assert.Throws<DataFormatException>(() => TextLoader.TinyShakespeare(_root.Path)).Message);
    }

    [Fact]
    public void Crlf_text_gives_the_vocabulary_of_the_lf_text()
    {
        File.WriteAllText(_root.File("text/crlf.txt"), "ab\r\ncd\r\n");
        File.WriteAllText(_root.File("text/lf.txt"), "ab\ncd\n");
        var crlf = TextLoader.Load("crlf.txt", _root.Path, requireRealData: true);
        var lf = TextLoader.Load("lf.txt", _root.Path, requireRealData: true);
        Assert.Equal("ab\ncd\n", crlf.Text);
        Assert.Equal(lf.Vocabulary.Chars, crlf.Vocabulary.Chars);
        Assert.DoesNotContain('\r', crlf.Vocabulary.Chars);
    }

    [Fact]
    public void A_latin1_text_file_names_the_line()
    {
        string path = _root.File("text/latin1.txt");
        File.WriteAllBytes(path, [.. "line one\nline two caf"u8.ToArray(), 0xE9, (byte)'\n']);
        var e = Assert.Throws<DataFormatException>(() => TextLoader.Load("latin1.txt", _root.Path, requireRealData: true));
        Assert.StartsWith($"{path}:2: byte 0xE9 at column 13 is not valid UTF-8", e.Message);
    }

    [Fact]
    public void A_word_index_that_is_not_the_keras_one_is_refused()
    {
        string path = _root.File("imdb/imdb_word_index.json");
        File.WriteAllText(path, "{\"the\": 1}");
        var e = Assert.Throws<DataFormatException>(() => KerasImdb.LoadWordIndex(_root.Path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("'imdb-word-index' in the manifest is 1,641,221 bytes", e.Message);
    }

    [RealDataFact]
    public void The_real_files_pass_the_check()
    {
        foreach (var file in DatasetCatalog.All)
        {
            string path = RealData.File(file.RelativePath);
            if (File.Exists(path)) file.Verify(path);
        }
    }

    [Fact]
    public void A_flipped_byte_inside_a_gzip_file_is_caught_by_its_checksum()
    {
        string path = _root.File("train.csv.gz");
        byte[] csv = Encoding.UTF8.GetBytes("split,label,id,rating,text\ntrain,0,1,2,\"aaaaaaaaaaaaaaaaaaaa\"\ntrain,1,1,9,\"bbbbbbbbbbbbbbbbbbbb\"\n");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.NoCompression)) gz.Write(csv);
        byte[] bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan().IndexOf("bbbb"u8);
        bytes[at] = (byte)'c'; // still a valid CSV, and a stored deflate block stays valid: only the CRC-32 can tell
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ImdbCsvReader.Read(path));
        Assert.Equal(path, e.FilePath);
    }
}
