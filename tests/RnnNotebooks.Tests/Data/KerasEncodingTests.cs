using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Tests.Data;

public class KerasEncodingTests
{
    private static readonly KerasWordIndex Index = new(new Dictionary<string, int>
    {
        ["the"] = 1, ["movie"] = 2, ["was"] = 3, ["great"] = 4, ["don't"] = 5, ["br"] = 6, ["rare"] = 20,
    }, "test");

    [Fact]
    public void Normaliser_lowercases_removes_breaks_and_splits_on_punctuation()
    {
        var words = TextNormalizer.Default.Tokenize("The MOVIE,was<br /><br />GREAT!!! Don't (really)--ok?<BR>x");
        Assert.Equal(new[] { "the", "movie", "was", "great", "don't", "really", "ok", "x" }, words);
        var keras = new TextNormalizer { KeepBreakTags = true }.Tokenize("a<br /><br />b");
        Assert.Equal(new[] { "a", "br", "br", "b" }, keras);
        Assert.Equal(new[] { "estevão" }, TextNormalizer.Default.Tokenize("ESTEVÃO"));
        Assert.Equal(new[] { "estevÃo", "br" }, TextNormalizer.Keras.Tokenize("ESTEVÃO<br />"));
    }

    [Fact]
    public void Encode_text_adds_start_shifts_by_index_from_and_marks_unknown_words()
    {
        Assert.Equal(new[] { 1, 4, 5, 6, 7 }, KerasImdb.EncodeText("The movie was great zebra", Index)); // unknown words dropped, as in Keras
        Assert.Equal(new[] { 1, 4, 5, 6, 7, 2 }, KerasImdb.EncodeText("The movie was great zebra", Index, new KerasImdbOptions { DropUnknownWords = false }));
        Assert.Equal(new[] { 1, 4, 9, 9, 5 }, KerasImdb.EncodeText("the<br /><br />movie", Index)); // Keras keeps "br"
        Assert.Equal(new[] { 1, 4, 5 }, KerasImdb.EncodeText("the<br /><br />movie", Index, new KerasImdbOptions { Normalizer = TextNormalizer.Default }));
        Assert.Equal(new[] { 4, 5 }, KerasImdb.EncodeText("the zebra movie", Index, new KerasImdbOptions { StartChar = null, DropUnknownWords = false, OovChar = null }));
        Assert.Equal("? the movie ?", Index.Decode([0, 0, 1, 4, 5, 2]));
    }

    [Fact]
    public void Load_options_follow_keras_semantics()
    {
        var reviews = new[]
        {
            new ImdbReview(ImdbSplit.Train, 0, 0, 1, "the movie was rare"),   // 1 4 5 6 23
            new ImdbReview(ImdbSplit.Train, 1, 0, 9, "great"),                // 1 7
        };
        var tests = new[] { new ImdbReview(ImdbSplit.Test, 1, 0, 9, "the great movie") }; // 1 4 7 5
        var data = new ImdbData(new ImdbDataset(reviews, "t", false, true), new ImdbDataset(tests, "t", false, true));

        // Keras quirk kept: without num_words it uses the largest id as num_words, so that id becomes OOV.
        var all = KerasImdb.Encode(data, Index);
        Assert.Equal(new[] { 1, 4, 5, 6, 2 }, all.XTrain[0]);
        var big = KerasImdb.Encode(data, Index, new KerasImdbOptions { NumWords = 1000 });
        Assert.Equal(new[] { 1, 4, 5, 6, 23 }, big.XTrain[0]);

        var limited = KerasImdb.Encode(data, Index, new KerasImdbOptions { NumWords = 7 });
        Assert.Equal(new[] { 1, 4, 5, 6, 2 }, limited.XTrain[0]); // 23 >= 7 -> oov
        Assert.Equal(new[] { 1, 2 }, limited.XTrain[1]);          // 7 >= 7 -> oov

        var skipped = KerasImdb.Encode(data, Index, new KerasImdbOptions { SkipTop = 5 });
        Assert.Equal(new[] { 2, 2, 5, 6, 2 }, skipped.XTrain[0]); // like Keras, the start id is below skip_top too

        var dropped = KerasImdb.Encode(data, Index, new KerasImdbOptions { NumWords = 7, OovChar = null });
        Assert.Equal(new[] { 1, 4, 5, 6 }, dropped.XTrain[0]);

        var shortOnly = KerasImdb.Encode(data, Index, new KerasImdbOptions { MaxLen = 5 }); // keeps len < 5
        Assert.Single(shortOnly.XTrain);
        Assert.Equal(new[] { 1 }, shortOnly.YTrain);
        Assert.Throws<ArgumentException>(() => KerasImdb.Encode(data, Index, new KerasImdbOptions { MaxLen = 2 }));
    }
}
