using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Tests.Data;

public class VocabularyTests
{
    [Fact]
    public void Built_from_training_text_with_pad_and_oov_first()
    {
        var vocab = Vocabulary.Build(["b a a c", "a b d"], maxWords: 4);
        Assert.Equal(new[] { "<pad>", "<oov>", "a", "b" }, vocab.Words);
        Assert.Equal(new[] { 2, 3, 1, 1 }, vocab.Encode("a b c zebra"));
        Assert.Equal("a b <oov>", vocab.Decode([0, 0, 2, 3, 1]));
    }

    [Fact]
    public void Ties_are_broken_deterministically_and_min_count_applies()
    {
        var v1 = Vocabulary.Build(["z y x", "x"], maxWords: 10);
        var v2 = Vocabulary.Build(["y z x", "x"], maxWords: 10);
        Assert.Equal(v1.Words, v2.Words);
        Assert.Equal(new[] { "<pad>", "<oov>", "x", "y", "z" }, v1.Words);
        Assert.Equal(3, Vocabulary.Build(["z y x", "x"], minCount: 2).Count);
    }

    [Fact]
    public void Shuffling_is_deterministic_per_seed_and_keeps_pairs()
    {
        int[] x = Enumerable.Range(0, 100).ToArray();
        int[] y = x.Select(v => v * 10).ToArray();
        var (sx, sy) = Shuffling.ShuffleTogether(x, y, 113);
        Assert.Equal(sx, Shuffling.ShuffleTogether(x, y, 113).X);
        Assert.NotEqual(x, sx);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(sx[i] * 10, sy[i]));
        Assert.NotEqual(sx, Shuffling.ShuffleTogether(x, y, 114).X);
    }

    [Fact]
    public void Validation_split_takes_the_last_fraction_and_refuses_sorted_labels()
    {
        int[] labels = [0, 1, 1, 0, 1, 0, 0, 1, 0, 1];
        var (tx, ty, vx, vy) = ValidationSplit.Last(Enumerable.Range(0, 10).ToArray(), labels, 0.2);
        Assert.Equal(new[] { 8, 9 }, vx);
        Assert.Equal(new[] { 0, 1 }, vy);
        Assert.Equal(8, tx.Length);
        Assert.Throws<InvalidOperationException>(() => ValidationSplit.Last(new int[10], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 0.2));
    }
}
