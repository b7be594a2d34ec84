using RnnNotebooks.Data.Text;

namespace RnnNotebooks.Tests.Data;

public class TextTests
{
    [RealDataFact]
    public void Tiny_shakespeare_has_1115394_characters_65_distinct()
    {
        var corpus = TextLoader.TinyShakespeare(RealData.RequireRoot(), requireRealData: true);
        Assert.False(corpus.IsSample);
        Assert.Equal(1_115_394, corpus.Length);
        Assert.Equal(65, corpus.Vocabulary.Count);
        Assert.StartsWith("First Citizen:\nBefore we proceed any further, hear me speak.", corpus.Text);
        var (train, val) = corpus.Split(0.9);
        Assert.Equal(1_003_854, train.Length);
        Assert.Equal(corpus.Length, train.Length + val.Length);
        Assert.Equal(corpus.Text[..100], corpus.Vocabulary.Decode(train[..100]));
    }

    [Fact]
    public void Char_vocabulary_is_sorted_and_round_trips()
    {
        var v = new CharVocabulary("hello, world\n");
        Assert.Equal("\n ,dehlorw", new string(v.Chars.ToArray()));
        Assert.Equal("low row", v.Decode(v.Encode("low row")));
        Assert.Throws<KeyNotFoundException>(() => v.IdOf('z'));
    }

    [Fact]
    public void Bptt_batches_continue_each_row_across_batches()
    {
        int[] ids = Enumerable.Range(0, 103).ToArray();
        var batcher = new BpttBatcher(ids, batchSize: 4, steps: 5);
        Assert.Equal(25, batcher.RowLength); // 3 ids dropped
        Assert.Equal(4, batcher.BatchCount); // (25 - 1) / 5
        var batches = batcher.Batches().ToList();
        for (int b = 0; b < 4; b++)
        {
            Assert.Equal(b * 25, batches[0].X[b, 0]);
            for (int i = 0; i < batches.Count; i++)
                for (int s = 0; s < 5; s++)
                {
                    Assert.Equal(b * 25 + i * 5 + s, batches[i].X[b, s]);
                    Assert.Equal(batches[i].X[b, s] + 1, batches[i].Y[b, s]);
                }
            Assert.Equal(batches[0].X[b, 4] + 1, batches[1].X[b, 0]); // state carries over
        }
        var (x, y) = batcher.GetTensors<float>(1);
        Assert.Equal(new[] { 4, 5 }, x.Shape);
        Assert.Equal(6f, y[0, 0]);
        Assert.Throws<ArgumentException>(() => new BpttBatcher(ids, 50, 5));
    }

    [Fact]
    public void Word_sequences_for_the_hello_world_example()
    {
        var seq = WordSequences.SlidingWindows("hello world hello there world", length: 2);
        Assert.Equal(3, seq.Count);
        Assert.Equal(new[] { "<pad>", "<oov>", "hello", "world", "there" }, seq.Vocabulary.Words);
        Assert.Equal(new[,] { { 2, 3 }, { 3, 2 }, { 2, 4 } }, seq.Inputs);
        Assert.Equal(new[] { 2, 4, 3 }, seq.Targets);

        var ngrams = WordSequences.NGramPrefixes(["hello world again", "hello you"]);
        Assert.Equal(3, ngrams.Count); // "hello world", "hello world again", "hello you"
        Assert.Equal(2, ngrams.Inputs.GetLength(1));
        int hello = ngrams.Vocabulary.IdOf("hello"), world = ngrams.Vocabulary.IdOf("world");
        Assert.Equal(new[] { hello, world }, new[] { ngrams.Inputs[1, 0], ngrams.Inputs[1, 1] });
        Assert.Equal(0, ngrams.Inputs[0, 0]); // pre-padded
        Assert.Equal(ngrams.Vocabulary.IdOf("again"), ngrams.Targets[1]);
    }
}
