using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Nn;

public class LayerGradientTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-7;

    private void AssertAll(IEnumerable<GradientCheckResult> results)
    {
        foreach (var r in results)
        {
            output.WriteLine(r.ToString());
            Assert.True(r.MaxRelativeError <= Tolerance, r.ToString());
            Assert.True(r.Checked > 0);
        }
    }

    private static Tensor<double> Input(int b, int t, int f, ulong seed = 7) => Tensor.Normal<double>(new Rng(seed), 0, 1, b, t, f);

    public static TheoryData<string, int, bool, bool> RecurrentCases()
    {
        var d = new TheoryData<string, int, bool, bool>();
        foreach (var kind in new[] { "rnn_tanh", "rnn_relu", "lstm", "gru" })
            foreach (var layers in new[] { 1, 2 })
                foreach (var bidir in new[] { false, true })
                    foreach (var seq in new[] { false, true })
                        d.Add(kind, layers, bidir, seq);
        return d;
    }

    internal static RNNBase<double> Make(string kind, int input, int hidden, int layers = 1, bool bidir = false, bool seq = true, bool bias = true) => kind switch
    {
        "rnn_tanh" => new RNN<double>(input, hidden, layers, bidir, seq, "tanh", bias),
        "rnn_relu" => new RNN<double>(input, hidden, layers, bidir, seq, "relu", bias),
        "lstm" => new LSTM<double>(input, hidden, layers, bidir, seq, bias),
        "gru" => new GRU<double>(input, hidden, layers, bidir, seq, bias),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(RecurrentCases))]
    public void Recurrent_layer_gradients_match_finite_differences(string kind, int layers, bool bidir, bool seq)
    {
        Rng.ManualSeed(11);
        var layer = Make(kind, 3, 4, layers, bidir, seq);
        layer.ResetParameters(InitScheme.PyTorch, new Rng(5));
        // relu is piecewise linear: a small step keeps the stencil away from its kinks.
        double h = kind == "rnn_relu" ? 1e-5 : GradientCheck.DefaultStep;
        AssertAll(GradientCheck.CheckLayer(layer, Input(2, 4, 3), new Rng(3), h: h));
    }

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Recurrent_layer_without_bias(string kind)
    {
        var layer = Make(kind, 3, 3, bias: false);
        Assert.DoesNotContain(layer.parameters(), p => p.Name.StartsWith("bias"));
        AssertAll(GradientCheck.CheckLayer(layer, Input(2, 3, 3), new Rng(4)));
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Softmax)]
    public void Dense_gradients_on_2d_and_3d_inputs(Activation act)
    {
        var dense = new Linear<double>(4, 3, act);
        double h = act == Activation.Relu ? 1e-5 : GradientCheck.DefaultStep;
        AssertAll(GradientCheck.CheckLayer(dense, Tensor.Normal<double>(new Rng(1), 0, 1, 5, 4), new Rng(2), h: h));
        AssertAll(GradientCheck.CheckLayer(dense, Tensor.Normal<double>(new Rng(1), 0, 1, 2, 3, 4), new Rng(2), h: h));
    }

    [Fact]
    public void Embedding_weight_gradient_including_repeated_ids()
    {
        var emb = new Embedding<double>(6, 3);
        var ids = Tensor.FromIndices<double>(new[,] { { 1, 2, 2, 5 }, { 0, 1, 1, 1 } });
        AssertAll(GradientCheck.CheckLayer(emb, ids, new Rng(8), checkInput: false));
    }

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Bidirectional_wrapper_gradients(string kind)
    {
        foreach (var seq in new[] { true, false })
        {
            var wrapper = new Bidirectional<double>(Make(kind, 3, 2, seq: seq));
            AssertAll(GradientCheck.CheckLayer(wrapper, Input(2, 4, 3), new Rng(9)));
        }
    }
}
