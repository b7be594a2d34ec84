using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Nn;

public class ModuleTests
{
    /// <summary>A learner's model: sub-modules are fields, named by <c>RegisterComponents</c>.</summary>
    private sealed class SentimentRnn : Module<double>
    {
        private readonly Embedding<double> embedding;
        private readonly RNN<double> rnn;
        private readonly Linear<double> fc;

        public SentimentRnn(int vocab, int dim, int hidden) : base("sentiment")
        {
            embedding = new Embedding<double>(vocab, dim);
            rnn = new RNN<double>(dim, hidden);
            fc = new Linear<double>(hidden, 1);
            RegisterComponents();
        }

        public RecurrentState<double>? InitialState { get; set; }

        public override Tensor<double> forward(Tensor<double> ids) =>
            fc.forward(rnn.forward(embedding.forward(ids), InitialState).Output);

        public override Tensor<double> backward(Tensor<double> dy) =>
            embedding.backward(rnn.backward(fc.backward(dy), null));
    }

    [Fact]
    public void Fields_become_named_children_with_pytorch_parameter_names()
    {
        var m = new SentimentRnn(10, 3, 4);
        Assert.Equal(["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "fc.weight", "fc.bias"],
            m.named_parameters().Select(np => np.name));
        Assert.Equal(["embedding", "rnn", "fc"], m.named_children().Select(c => c.name));
        Assert.Equal(10 * 3 + (4 * 3 + 4 * 4 + 8) + 4 + 1, m.ParameterCount);
    }

    [Fact]
    public void State_dict_round_trips_and_is_strict_about_names_and_shapes()
    {
        Rng.ManualSeed(1);
        var a = new SentimentRnn(10, 3, 4);
        Rng.ManualSeed(2);
        var b = new SentimentRnn(10, 3, 4);
        var ids = Tensor.FromIndices<double>(new[,] { { 1, 2, 3 }, { 9, 0, 4 } });
        Assert.NotEqual(a.forward(ids).Data, b.forward(ids).Data);
        b.load_state_dict(a.state_dict());
        Assert.Equal(a.forward(ids).Data, b.forward(ids).Data);

        var state = a.state_dict();
        state["rnn.weight_hh_l0"] = new Tensor<double>(4, 5);
        var shape = Assert.Throws<ShapeException>(() => b.load_state_dict(state));
        Assert.Contains("rnn.weight_hh_l0", shape.Message);
        Assert.Contains("[4, 4]", shape.Message);
        Assert.Contains("[4, 5]", shape.Message);

        state = a.state_dict();
        state.Remove("fc.bias");
        Assert.Contains("fc.bias", Assert.Throws<KeyNotFoundException>(() => b.load_state_dict(state)).Message);
        b.load_state_dict(state, strict: false);

        state["fc.kernel"] = new Tensor<double>(1, 4);
        var unknown = Assert.Throws<KeyNotFoundException>(() => b.load_state_dict(state, strict: false));
        Assert.Contains("'fc.kernel'", unknown.Message);
        Assert.Contains("SentimentRnn 'sentiment'", unknown.Message);
    }

    [Fact]
    public void Zero_grad_clears_every_parameter_of_every_child()
    {
        var m = new SentimentRnn(10, 3, 4);
        var ids = Tensor.FromIndices<double>(new[,] { { 1, 2, 3 } });
        m.forward(ids);
        m.backward(Tensor.Full(1.0, 1, 1));
        Assert.All(m.parameters(), p => Assert.Contains(p.Grad.Data, v => v != 0));
        m.zero_grad();
        Assert.All(m.parameters(), p => Assert.All(p.Grad.Data, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void A_composite_model_takes_an_initial_state_and_its_gradient_is_checked()
    {
        Rng.ManualSeed(3);
        var m = new SentimentRnn(6, 2, 3);
        var h0 = Tensor.Normal<double>(new Rng(4), 0, 1, 1, 2, 3);
        m.InitialState = new RecurrentState<double>(h0);
        var ids = Tensor.FromIndices<double>(new[,] { { 1, 5, 2, 0 }, { 3, 3, 4, 1 } });
        var withState = m.forward(ids).Data.ToArray();
        m.InitialState = null;
        Assert.NotEqual(withState, m.forward(ids).Data);

        m.InitialState = new RecurrentState<double>(h0);
        double Loss() => m.forward(ids).Data.Sum();
        m.zero_grad();
        m.forward(ids);
        m.backward(Tensor.Full(1.0, 2, 1));
        foreach (var (name, p) in m.named_parameters())
        {
            var r = GradientCheck.Compare(name, p.Value, p.Grad.Data, Loss);
            Assert.True(r.MaxRelativeError < 1e-7, r.ToString());
        }
    }

    [Fact]
    public void Names_are_checked_when_registered()
    {
        var m = new Sequential<double>(new Linear<double>(2, 2));
        Assert.Contains("already registered", Assert.Throws<ArgumentException>(() => m.register_module("linear", new Linear<double>(2, 2))).Message);
        Assert.Contains("no dots", Assert.Throws<ArgumentException>(() => m.register_module("a.b", new Linear<double>(2, 2))).Message);
    }
}
