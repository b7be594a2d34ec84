using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests;

/// <summary>
/// Both tests draw from <see cref="Rng.Global"/>: without the reset before each test, whichever
/// runs second (and any test after another that drew weights) would see a different stream.
/// </summary>
public class FreshGlobalRngTests
{
    private static void AssertFresh()
    {
        var fresh = new Rng(FreshGlobalRngAttribute.Seed);
        for (int i = 0; i < 4; i++) Assert.Equal(fresh.NextUInt64(), Rng.Global.NextUInt64());
    }

    [Fact]
    public void Each_test_starts_from_the_fresh_stream() => AssertFresh();

    [Fact]
    public void So_does_the_next_one() => AssertFresh();
}
