using RnnNotebooks.Data.Text;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Data;

public class CharSamplerTests
{
    [Fact]
    public void Temperature_one_is_softmax_zero_is_argmax_and_large_is_near_uniform()
    {
        double[] z = [1.0, 2.0, 0.0];
        double s = Math.Exp(1) + Math.Exp(2) + 1;
        Assert.Equal([Math.Exp(1) / s, Math.Exp(2) / s, 1 / s], CharSampler.Probabilities(z, 1.0), new DoubleTolerance(1e-12));
        Assert.Equal([0.0, 1.0, 0.0], CharSampler.Probabilities(z, 0));
        var hot = CharSampler.Probabilities(z, 1000);
        Assert.All(hot, p => Assert.InRange(p, 0.333, 0.334));
        // τ = 0.5 doubles every logit: softmax([2, 4, 0]).
        double s2 = Math.Exp(2) + Math.Exp(4) + 1;
        Assert.Equal(Math.Exp(4) / s2, CharSampler.Probabilities(z, 0.5)[1], 12);
    }

    [Fact]
    public void Draws_follow_the_probabilities()
    {
        double[] z = [Math.Log(0.2), Math.Log(0.5), Math.Log(0.3)];
        var rng = new Rng(11);
        var counts = new int[3];
        const int n = 20_000;
        for (int i = 0; i < n; i++) counts[CharSampler.Sample(z, 1.0, rng)]++;
        Assert.InRange(counts[0] / (double)n, 0.19, 0.21);
        Assert.InRange(counts[1] / (double)n, 0.49, 0.51);
        Assert.InRange(counts[2] / (double)n, 0.29, 0.31);
        Assert.Equal(1, CharSampler.Sample(z, 0, rng));
    }

    [Fact]
    public void Bad_temperature_and_logits_are_named()
    {
        Assert.Contains("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => CharSampler.Probabilities([1.0], -1)).Message);
        Assert.Contains("logit 1 is NaN", Assert.Throws<ArgumentException>(() => CharSampler.Probabilities([1.0, double.NaN], 1)).Message);
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
