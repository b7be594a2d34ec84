using System.Text;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

/// <summary>A damaged Keras word index fails naming the file, the line and the word.</summary>
public sealed class WordIndexBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private DataFormatException Fails(byte[] content)
    {
        string path = _dir.File("imdb_word_index.json");
        File.WriteAllBytes(path, content);
        var e = Assert.Throws<DataFormatException>(() => KerasWordIndex.Load(path));
        Assert.Equal(path, e.FilePath);
        return e;
    }

    private DataFormatException Fails(string json) => Fails(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_huge_rank_is_refused_without_allocating_for_it()
    {
        var e = Fails("{\n\"the\": 1,\n\"and\": 2000000000\n}");
        Assert.Equal(3, e.Line);
        Assert.Contains("rank of \"and\" is 2,000,000,000, but the file has 2 words; ranks run 1..2.", e.Message);
        Assert.Contains("rank of \"and\" is 2,147,483,647", Fails("{\n\"the\": 1,\n\"and\": 2147483647\n}").Message);
    }

    [Fact]
    public void A_rank_beyond_int_is_refused()
    {
        var e = Fails("{\n\"the\": 1,\n\"and\": 99999999999\n}");
        Assert.Equal(3, e.Line);
        Assert.Contains("rank of \"and\" must be a positive whole number, found 99999999999", e.Message);
    }

    [Fact]
    public void A_word_listed_twice_is_refused()
    {
        var e = Fails("{\n\"the\": 1,\n\"and\": 2,\n\"the\": 3\n}");
        Assert.Equal(4, e.Line);
        Assert.Contains("the word \"the\" appears twice (first on line 2)", e.Message);
    }

    [Fact]
    public void Two_words_with_one_rank_are_refused()
    {
        var e = Fails("{\n\"the\": 1,\n\"and\": 1,\n\"a\": 3\n}");
        Assert.Contains("has rank 1, like", e.Message);
        Assert.Contains("each rank belongs to one word", e.Message);
        Assert.Contains("\"the\"", e.Message);
        Assert.Contains("\"and\"", e.Message);
    }

    [Fact]
    public void A_latin1_byte_names_the_file_and_line()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("{\n\"the\": 1,\n\"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\": 2\n}")];
        var e = Fails(latin1);
        Assert.Equal(3, e.Line);
        Assert.Contains("a word is not valid UTF-8 (byte 0xE9); the file must be UTF-8", e.Message);
    }

    [Fact]
    public void The_constructor_checks_ranks_too()
    {
        Assert.Contains("rank of 'b' is 0; ranks start at 1", Assert.Throws<ArgumentException>(
            () => new KerasWordIndex(new Dictionary<string, int> { ["a"] = 1, ["b"] = 0 }, "test")).Message);
        // A hand-made index may skip ranks; a huge rank costs nothing.
        Assert.Equal("b", new KerasWordIndex(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2_000_000_000 }, "test").WordOf(2_000_000_000));
        Assert.Contains("both have rank 1", Assert.Throws<ArgumentException>(
            () => new KerasWordIndex(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 }, "test")).Message);
    }
}
