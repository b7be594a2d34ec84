using RnnNotebooks.Attention;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Diagnostics;

/// <summary>The attention steps' backward passes and the padded cross-entropy against finite differences (double).</summary>
public class AttentionGradientTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-7;

    private void Check(GradientCheckResult r)
    {
        output.WriteLine(r.ToString());
        Assert.True(r.MaxRelativeError <= Tolerance, r.ToString());
    }

    [Theory]
    [InlineData("additive")]
    [InlineData("dot")]
    [InlineData("dot_scaled")]
    public void Attention_step_gradients(string kind)
    {
        var rng = new Rng(31);
        int b = 3, s = 6, k = 5, q = kind == "additive" ? 4 : k, a = 7;
        var wq = Tensor.Normal<double>(rng, 0, 0.5, a, q);
        var wk = Tensor.Normal<double>(rng, 0, 0.5, a, k);
        var v = Tensor.Normal<double>(rng, 0, 1, a);
        AttentionCell<double> cell = kind == "additive" ? new AdditiveAttention<double>(wq, wk, v) : new DotProductAttention<double>(k, kind == "dot_scaled");
        var query = Tensor.Normal<double>(rng, 0, 1, b, q);
        var keys = Tensor.Normal<double>(rng, 0, 1, b, s, k);
        var mask = SequenceMask.FromLengths([6, 4, 1], s);
        var gc = Tensor.Normal<double>(rng, 0, 1, b, k);
        var ga = Tensor.Normal<double>(rng, 0, 1, b, s);
        double L()
        {
            var st = cell.Forward(query, keys, mask);
            double sum = 0;
            for (int i = 0; i < gc.Length; i++) sum += st.Context.Data[i] * gc.Data[i];
            for (int i = 0; i < ga.Length; i++) sum += st.Weights.Data[i] * ga.Data[i];
            return sum;
        }
        var g = cell.Backward(cell.Forward(query, keys, mask), gc, ga);
        Check(GradientCheck.Compare("query", query, g.Query.Data, L));
        Check(GradientCheck.Compare("keys", keys, g.Keys.Data, L));
        if (kind != "additive") return;
        Check(GradientCheck.Compare("weight_query", wq, g.WeightQuery!.Data, L));
        Check(GradientCheck.Compare("weight_key", wk, g.WeightKey!.Data, L));
        Check(GradientCheck.Compare("weight_score", v, g.WeightScore!.Data, L));
    }

    [Fact]
    public void Padded_positions_get_no_weight_and_no_gradient()
    {
        var rng = new Rng(2);
        var cell = new AdditiveAttention<double>(Tensor.Normal<double>(rng, 0, 1, 3, 2), Tensor.Normal<double>(rng, 0, 1, 3, 4), Tensor.Normal<double>(rng, 0, 1, 3));
        var keys = Tensor.Normal<double>(rng, 0, 1, 2, 5, 4);
        var st = cell.Forward(Tensor.Normal<double>(rng, 0, 1, 2, 2), keys, SequenceMask.FromLengths([5, 2], 5));
        for (int j = 2; j < 5; j++) Assert.Equal(0.0, st.Weights[1, j]);
        Assert.Equal(1.0, st.Weights[1, 0] + st.Weights[1, 1], 12);
        Assert.Equal(1.0, Enumerable.Range(0, 5).Sum(j => st.Weights[0, j]), 12);
        var g = cell.Backward(st, Tensor.Normal<double>(rng, 0, 1, 2, 4), Tensor.Normal<double>(rng, 0, 1, 2, 5));
        for (int j = 2; j < 5; j++) for (int f = 0; f < 4; f++) Assert.Equal(0.0, g.Keys[1, j, f]);
    }

    [Fact]
    public void Bad_shapes_and_empty_rows_are_named()
    {
        var cell = new DotProductAttention<double>(4);
        var e1 = Assert.Throws<ShapeException>(() => cell.Forward(new Tensor<double>(2, 3), new Tensor<double>(2, 5, 4)));
        Assert.Contains("[batch, 4]", e1.Message); Assert.Contains("[2, 3]", e1.Message);
        var e2 = Assert.Throws<ShapeException>(() => cell.Forward(new Tensor<double>(2, 4), new Tensor<double>(3, 5, 4)));
        Assert.Contains("[3, 5, 4]", e2.Message);
        var e3 = Assert.Throws<ShapeException>(() => cell.Forward(new Tensor<double>(2, 4), new Tensor<double>(2, 5, 4), SequenceMask.FromLengths([1, 2], 4)));
        Assert.Contains("mask", e3.Message);
        var e4 = Assert.Throws<ArgumentException>(() => cell.Forward(new Tensor<double>(2, 4), new Tensor<double>(2, 2, 4), new SequenceMask(new[,] { { true, true }, { false, false } })));
        Assert.Contains("row 1", e4.Message);
        Assert.Throws<ShapeException>(() => new AdditiveAttention<double>(new Tensor<double>(3, 2), new Tensor<double>(4, 4), new Tensor<double>(3)));
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => new DotProductAttention<double>(0)).ParamName);
    }

    [Fact]
    public void Cross_entropy_with_ignored_padding()
    {
        var rng = new Rng(8);
        var logits = Tensor.Normal<double>(rng, 0, 2, 2, 4, 5);
        var labels = Tensor.FromIndices<double>(new[,] { { 3, 1, 0, 0 }, { 4, 2, 2, 0 } });
        var loss = new SoftmaxCrossEntropy<double> { IgnoreIndex = 0 };
        loss.forward(logits, labels);
        var g = loss.backward();
        Check(GradientCheck.Compare("logits", logits, g.Data, () => loss.forward(logits, labels)));
        for (int c = 0; c < 5; c++) Assert.Equal(0.0, g[0, 2, c]);
        // the mean is over the 5 real positions: the loss equals the unpadded loss of those 5 rows
        var plain = new SoftmaxCrossEntropy<double>();
        var rows = new[] { (0, 0), (0, 1), (1, 0), (1, 1), (1, 2) };
        var sub = new Tensor<double>(5, 5); var subLabels = new Tensor<double>(5);
        for (int r = 0; r < 5; r++) { for (int c = 0; c < 5; c++) sub[r, c] = logits[rows[r].Item1, rows[r].Item2, c]; subLabels[r] = labels[rows[r].Item1, rows[r].Item2]; }
        Assert.Equal(plain.forward(sub, subLabels), loss.forward(logits, labels), 12);
        Assert.Throws<ArgumentException>(() => loss.forward(logits, new Tensor<double>(2, 4)));
    }
}
