using RnnNotebooks.Data.Text;

namespace RnnNotebooks.Tests.Data;

public class CharNGramTests
{
    [Fact]
    public void Unigram_with_add_one_counts()
    {
        // Train 0 0 1 over 2 symbols: p(0) = (2+1)/(3+2) = 0.6, p(1) = 0.4.
        var m = CharNGram.Fit([0, 0, 1], 2, order: 1);
        Assert.Equal(-(Math.Log(0.6) + Math.Log(0.4)) / 2, m.CrossEntropy([0, 1]), 12);
        Assert.Equal(Math.Log(0.4), m.LogProbability(0, 1), 12);
    }

    [Fact]
    public void Bigram_conditions_on_the_previous_symbol()
    {
        // Train 0 0 0 1: after 0 come 0 twice and 1 once → p(0|0) = 3/5, p(1|0) = 2/5; nothing follows 1 → 1/2 each.
        var m = CharNGram.Fit([0, 0, 0, 1], 2, order: 2);
        Assert.Equal(-(Math.Log(0.6) + Math.Log(0.4)) / 2, m.CrossEntropy([0, 0, 1]), 12);
        Assert.Equal(Math.Log(0.5), m.LogProbability(1, 1), 12);
        // An alternating text: the unigram sees a coin (ln 2), the bigram nearly knows the next symbol.
        int[] alternating = Enumerable.Range(0, 100).Select(i => i % 2).ToArray();
        Assert.Equal(Math.Log(2), CharNGram.Fit(alternating, 2, order: 1).CrossEntropy(alternating), 12);
        Assert.True(CharNGram.Fit(alternating, 2, order: 2).CrossEntropy(alternating) < 0.05);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Contains("position 2", Assert.Throws<ArgumentOutOfRangeException>(() => CharNGram.Fit([0, 1, 7], 2, order: 2)).Message);
        Assert.Contains("order", Assert.Throws<ArgumentOutOfRangeException>(() => CharNGram.Fit([0, 1], 2, order: 3)).Message);
    }
}
