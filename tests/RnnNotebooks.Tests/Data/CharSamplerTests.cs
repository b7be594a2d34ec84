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

    // p = [0.1, 0.2, 0.3, 0.4] at τ = 1; the expected values below are worked out by hand.
    private static readonly double[] Tenths = [Math.Log(0.1), Math.Log(0.2), Math.Log(0.3), Math.Log(0.4)];

    [Fact]
    public void Top_k_keeps_the_k_most_likely_and_renormalises()
    {
        var tol = new DoubleTolerance(1e-12);
        Assert.Equal([0, 0, 3.0 / 7, 4.0 / 7], CharSampler.Probabilities(Tenths, 1.0, topK: 2), tol);
        Assert.Equal([0, 0, 0, 1.0], CharSampler.Probabilities(Tenths, 1.0, topK: 1), tol);
        Assert.Equal([0.1, 0.2, 0.3, 0.4], CharSampler.Probabilities(Tenths, 1.0, topK: 4), tol);
        Assert.Equal([0.1, 0.2, 0.3, 0.4], CharSampler.Probabilities(Tenths, 1.0, topK: 99), tol);
        // Ties go to the lower index: logits [1, 1, 0] with k = 1 keep index 0.
        Assert.Equal([1.0, 0, 0], CharSampler.Probabilities([1.0, 1.0, 0.0], 1.0, topK: 1), tol);
    }

    [Fact]
    public void Nucleus_keeps_the_fewest_most_likely_that_reach_top_p()
    {
        var tol = new DoubleTolerance(1e-12);
        Assert.Equal([0, 0, 0, 1.0], CharSampler.Probabilities(Tenths, 1.0, topP: 0.35), tol);              // 0.4 ≥ 0.35
        Assert.Equal([0, 0, 3.0 / 7, 4.0 / 7], CharSampler.Probabilities(Tenths, 1.0, topP: 0.5), tol);    // 0.4 < 0.5 ≤ 0.7
        Assert.Equal([0, 2.0 / 9, 3.0 / 9, 4.0 / 9], CharSampler.Probabilities(Tenths, 1.0, topP: 0.75), tol); // 0.7 < 0.75 ≤ 0.9
        Assert.Equal([0.1, 0.2, 0.3, 0.4], CharSampler.Probabilities(Tenths, 1.0, topP: 1.0), tol);
        // Top-k first, then the nucleus of what is left: k = 3 gives [0, 2/9, 3/9, 4/9]; 4/9 < 0.6 ≤ 7/9.
        Assert.Equal([0, 0, 3.0 / 7, 4.0 / 7], CharSampler.Probabilities(Tenths, 1.0, topK: 3, topP: 0.6), tol);
        // Temperature first: τ = 0.5 squares and renormalises p: [1, 4, 9, 16] / 30; 16/30 < 0.6 ≤ 25/30.
        Assert.Equal([0, 0, 9.0 / 25, 16.0 / 25], CharSampler.Probabilities(Tenths, 0.5, topP: 0.6), tol);
    }

    [Fact]
    public void A_cut_draw_maps_one_uniform_number_onto_the_kept_characters()
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3, 4, 5, 6, 7, 8 })
        {
            double u = new Rng(seed).NextDouble();                 // the one number Sample draws
            int expected = u < 3.0 / 7 ? 2 : 3;                   // kept: index 2 (3/7), then index 3 (4/7)
            Assert.Equal(expected, CharSampler.Sample(Tenths, 1.0, new Rng(seed), topK: 2));
            Assert.Equal(expected, CharSampler.Sample(Tenths, 1.0, new Rng(seed), topP: 0.5));
        }
        var rng = new Rng(12);
        for (int i = 0; i < 2000; i++) Assert.InRange(CharSampler.Sample(Tenths, 1.0, rng, topK: 3), 1, 3);
        Assert.Equal(3, CharSampler.Sample(Tenths, 2.0, rng, topK: 1));
    }

    [Fact]
    public void Bad_top_k_and_top_p_are_named()
    {
        Assert.Contains("topK must be 0 (no limit) or more, got -1", Assert.Throws<ArgumentOutOfRangeException>(() => CharSampler.Probabilities(Tenths, 1, topK: -1)).Message);
        Assert.Contains("topP must be in (0, 1], got 0", Assert.Throws<ArgumentOutOfRangeException>(() => CharSampler.Probabilities(Tenths, 1, topP: 0)).Message);
        Assert.Contains("topP must be in (0, 1], got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => CharSampler.Sample(Tenths, 1, new Rng(1), topP: 1.5)).Message);
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
