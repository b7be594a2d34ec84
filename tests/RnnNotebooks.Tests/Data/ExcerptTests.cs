using RnnNotebooks.Data;
using RnnNotebooks.IO;

namespace RnnNotebooks.Tests.Data;

public class ExcerptTests
{
    [Fact]
    public void Short_values_are_kept_long_ones_cut_with_their_length()
    {
        Assert.Equal("abc", Excerpt.Of("abc"));
        Assert.Equal("(null)", Excerpt.Of(null));
        Assert.Equal("abcde... (12 characters)", Excerpt.Of("abcdefghijkl", 5));
        Assert.Equal(new string('x', 80) + "... (1,000,000 characters)", Excerpt.Of(new string('x', 1_000_000)));
    }

    [Fact]
    public void Control_characters_are_shown_escaped()
    {
        Assert.Equal("a\\r\\nb\\tc\\u0000", Excerpt.Of("a\r\nb\tc\0"));
    }
}
