using RnnNotebooks.Viz.Svg;

namespace RnnNotebooks.Tests.Viz;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0, 1, 5, 0.2)]
    [InlineData(0, 100, 5, 20)]
    [InlineData(0, 1.9, 3, 0.5)]
    [InlineData(-3, 7, 10, 1)]
    public void Step_is_round(double lo, double hi, int target, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(lo, hi, target), 12);

    [Fact]
    public void Linear_ticks_stay_inside_the_range_and_format_without_float_noise()
    {
        var ticks = NiceTicks.Linear(0.05, 0.95, 5);
        Assert.All(ticks, t => Assert.InRange(t, 0.05, 0.95));
        Assert.Equal(new[] { "0.2", "0.4", "0.6", "0.8" }, NiceTicks.Labels(ticks, log: false));
        Assert.Equal(new[] { "0", "0.25", "0.50", "0.75", "1.00" }.Length, NiceTicks.Labels(NiceTicks.Linear(0, 1, 4), false).Count);
    }

    [Fact]
    public void Index_axes_get_integer_ticks()
    {
        var ticks = NiceTicks.Linear(-0.5, 8.5, 3, minStep: 1);
        Assert.All(ticks, t => Assert.Equal(Math.Round(t), t));
    }

    [Fact]
    public void Log_ticks_are_decades_with_2_and_5_when_the_range_is_short()
    {
        Assert.Equal(new[] { 0.001, 0.01, 0.1, 1, 10 }, NiceTicks.Log(-3, 1, 8), new ToleranceComparer());
        Assert.Equal(new[] { 0.1, 0.2, 0.5, 1, 2 }, NiceTicks.Log(-1.2, 0.4, 8), new ToleranceComparer());
        Assert.Equal(new[] { "0.001", "1", "1e6" }, NiceTicks.Labels(new[] { 0.001, 1, 1e6 }, log: true));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a));
        public int GetHashCode(double v) => 0;
    }
}
