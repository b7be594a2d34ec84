using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Nn;

public class InitTests
{
    [Fact]
    public void Pytorch_scheme_is_uniform_within_one_over_sqrt_hidden()
    {
        var lstm = new LSTM<double>(10, 25);
        foreach (var p in lstm.parameters())
        {
            Assert.All(p.Value.Data, v => Assert.InRange(Math.Abs(v), 0, 0.2));
            Assert.True(p.Value.Data.Max() > 0.15 && p.Value.Data.Min() < -0.15, p.Name);   // spread over the range
        }
        var emb = new Embedding<double>(1000, 10).Weight.Value.Data;
        double mean = emb.Average(), sd = Math.Sqrt(emb.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(sd, 0.95, 1.05);
    }

    [Fact]
    public void Keras_scheme_glorot_orthogonal_zero_bias_forget_bias_one()
    {
        var lstm = new LSTM<double>(6, 5);
        lstm.ResetParameters(InitScheme.Keras, new Rng(1));
        var named = lstm.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.Value);
        double limit = Math.Sqrt(6.0 / (6 + 20));
        Assert.All(named["weight_ih_l0"].Data, v => Assert.InRange(Math.Abs(v), 0, limit));
        // weight_hh [4H, H] has orthonormal columns: WᵀW = I.
        var w = named["weight_hh_l0"];
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
            {
                double dot = 0;
                for (int r = 0; r < 20; r++) dot += w[r, a] * w[r, b];
                Assert.Equal(a == b ? 1 : 0, dot, 12);
            }
        Assert.Equal(Enumerable.Repeat(0.0, 5).Concat(Enumerable.Repeat(1.0, 5)).Concat(Enumerable.Repeat(0.0, 10)), named["bias_ih_l0"].Data);
        Assert.All(named["bias_hh_l0"].Data, v => Assert.Equal(0, v));

        var emb = new Embedding<double>(100, 4);
        emb.ResetParameters(InitScheme.Keras, new Rng(2));
        Assert.All(emb.Weight.Value.Data, v => Assert.InRange(Math.Abs(v), 0, 0.05));
    }

    [Fact]
    public void Orthogonal_of_a_wide_matrix_has_orthonormal_rows()
    {
        var t = new Tensor<double>(3, 7);
        Init.Orthogonal(t, new Rng(4));
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
            {
                double dot = 0;
                for (int c = 0; c < 7; c++) dot += t[a, c] * t[b, c];
                Assert.Equal(a == b ? 1 : 0, dot, 12);
            }
    }

    [Fact]
    public void Manual_seed_makes_construction_reproducible()
    {
        Rng.ManualSeed(42);
        var a = new GRU<float>(3, 4).parameters()[0].Value.Data;
        Rng.ManualSeed(42);
        var b = new GRU<float>(3, 4).parameters()[0].Value.Data;
        Assert.Equal(a, b);
        Assert.NotEqual(a, new GRU<float>(3, 4).parameters()[0].Value.Data);
    }
}
