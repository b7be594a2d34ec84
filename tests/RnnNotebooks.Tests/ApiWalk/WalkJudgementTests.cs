namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>The walk's verdicts on calls whose behaviour is known: each kind of failure it must report, and what passes.</summary>
public class WalkJudgementTests
{
    private static string? Verdict(Action<int> call, Bad value = Bad.MinusOne, Func<Entry, Entry>? configure = null)
    {
        var entry = Entry.Int("Fake.Method(count)", call);
        return ApiWalkTests.Walk(configure is null ? entry : configure(entry), value);
    }

    [Fact]
    public void A_refusal_naming_the_parameter_and_echoing_the_value_passes()
    {
        Assert.Null(Verdict(v => throw new ArgumentOutOfRangeException("count", v, $"Fake: count must be at least 1, got {v}.")));
        Assert.Null(Verdict(v => throw new RnnNotebooks.Tensors.ShapeException($"Fake: count = {v} does not fit."), Bad.Huge));
    }

    [Fact]
    public void A_documented_meaning_passes_only_without_an_exception()
    {
        Assert.Null(Verdict(_ => { }, Bad.Zero, e => e.Means(Bad.Zero, "none", "0: none")));
        Assert.Contains("means \"none\", but the call threw", Verdict(_ => throw new ArgumentException("count"), Bad.Zero, e => e.Means(Bad.Zero, "none", "0: none")));
    }

    [Fact]
    public void Each_kind_of_bad_answer_is_reported()
    {
        Assert.Contains("was accepted silently", Verdict(_ => { }));
        Assert.Contains("threw IndexOutOfRangeException", Verdict(v => _ = (new int[1])[-v - 2]));
        Assert.Contains("threw OverflowException", Verdict(v => _ = checked(v * int.MaxValue * 4)));
        Assert.Contains("threw OutOfMemoryException", Verdict(v => _ = new double[int.MaxValue], Bad.Huge));
        Assert.Contains("does not name count", Verdict(v => throw new ArgumentException($"Fake: sizes must be positive, got {v}.")));
        Assert.Contains("does not echo -1", Verdict(_ => throw new ArgumentException("Fake: count must be positive.", "count")));
        Assert.Contains("does not echo 2147483647", Verdict(_ => throw new ArgumentException("Fake: count of 21474836470 is too large.", "count"), Bad.Huge));
        Assert.Contains("not cut to a readable length", Verdict(v => throw new ArgumentException($"Fake: count {v}: " + new string('x', 1000))));
        Assert.Contains("expected NotSupportedException", Verdict(_ => { }, configure: e => e.NotSupported("read-only")));
    }

    [Fact]
    public void Allocating_what_it_then_refuses_is_reported()
    {
        var verdict = Verdict(v =>
        {
            var held = new List<byte[]>();
            for (int i = 0; i < 40; i++) held.Add(new byte[8 << 20]);   // 320 MB before refusing
            throw new ArgumentOutOfRangeException("count", v, $"Fake: count {v} is too large ({held.Count} blocks).");
        }, Bad.Huge);
        Assert.Contains("allocated", verdict);
        Assert.Contains("before answering ArgumentOutOfRangeException", verdict);
    }
}
