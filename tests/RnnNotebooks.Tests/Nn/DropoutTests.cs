using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Nn;

/// <summary>Dropout: identity in evaluation mode, 1/(1 − p) scaling in training mode, gradients with a fixed mask.</summary>
public class DropoutTests(ITestOutputHelper output)
{
    /// <summary>Re-seeds the masks before every forward pass, so the gradient check sees one fixed mask.</summary>
    private sealed class FixedMask : Module<double>
    {
        private readonly Module<double> inner;
        private readonly Action reseed;
        public FixedMask(Module<double> inner, Action reseed) : base("fixed")
        {
            (this.inner, this.reseed) = (inner, reseed);
            register_module("inner", inner);
        }
        public override Tensor<double> forward(Tensor<double> input) { reseed(); return inner.forward(input); }
        public override Tensor<double> backward(Tensor<double> g) => inner.backward(g);
    }

    [Fact]
    public void Evaluation_mode_is_the_identity()
    {
        var drop = new Dropout<double>(0.5, seed: 1);
        var x = Tensor.Normal<double>(new Rng(2), 0, 1, 4, 5);
        drop.eval();
        Assert.False(drop.Training);
        Assert.Equal(x.Data, drop.forward(x).Data);
        var g = Tensor.Normal<double>(new Rng(3), 0, 1, 4, 5);
        Assert.Equal(g.Data, drop.backward(g).Data);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Training_mode_zeroes_about_p_and_scales_survivors_by_one_over_one_minus_p(double p)
    {
        var drop = new Dropout<double>(p, seed: 4);
        var x = new Tensor<double>(100, 1000);
        x.Data.AsSpan().Fill(3.0);
        var y = drop.forward(x);
        int zeros = y.Data.Count(v => v == 0);
        Assert.All(y.Data.Where(v => v != 0), v => Assert.Equal(3.0 / (1 - p), v, 12));
        // 100,000 Bernoulli(p) draws: the zero fraction is within 4.5 standard deviations of p.
        double sd = Math.Sqrt(p * (1 - p) / x.Length);
        Assert.InRange(zeros / (double)x.Length, p - 4.5 * sd, p + 4.5 * sd);
        Assert.InRange(y.Data.Average(), 3.0 - 3.0 * 4.5 * sd / (1 - p), 3.0 + 3.0 * 4.5 * sd / (1 - p));
    }

    [Fact]
    public void Backward_uses_the_forward_mask()
    {
        var drop = new Dropout<double>(0.5, seed: 5);
        var x = Tensor.Normal<double>(new Rng(6), 0, 1, 3, 4);
        var y = drop.forward(x);
        var ones = new Tensor<double>(3, 4);
        ones.Data.AsSpan().Fill(1);
        var dx = drop.backward(ones);
        for (int i = 0; i < x.Length; i++) Assert.Equal(y.Data[i] == 0 ? 0 : 2.0, dx.Data[i], 12);
        Assert.Contains(0.0, dx.Data);
    }

    [Fact]
    public void Dropout_gradient_with_a_fixed_mask_matches_finite_differences()
    {
        var drop = new Dropout<double>(0.3);
        var model = new FixedMask(drop, () => drop.ManualSeed(9));
        foreach (var r in GradientCheck.CheckLayer(model, Tensor.Normal<double>(new Rng(1), 0, 1, 3, 4), new Rng(2)))
            Assert.True(r.MaxRelativeError <= 1e-7, r.ToString());
    }

    [Theory]
    [InlineData("rnn_tanh", false)]
    [InlineData("lstm", false)]
    [InlineData("gru", true)]
    public void Between_layer_dropout_gradients_with_a_fixed_mask_match_finite_differences(string kind, bool bidir)
    {
        var rnn = LayerGradientTests.Make(kind, 3, 4, layers: 3, bidir: bidir, seq: true);
        rnn.ResetParameters(InitScheme.PyTorch, new Rng(5));
        rnn.Dropout = 0.4;
        var model = new FixedMask(rnn, () => rnn.ManualSeedDropout(12));
        var x = Tensor.Normal<double>(new Rng(7), 0, 1, 2, 4, 3);
        foreach (var r in GradientCheck.CheckLayer(model, x, new Rng(3)))
        {
            output.WriteLine(r.ToString());
            // Three layers with dropped units leave some weights with gradients near 1e-7, where the
            // finite difference itself is good to about 1e-7 relative; a wrong mask errs by O(1).
            Assert.True(r.MaxRelativeError <= 1e-6, r.ToString());
        }
        // The mask really acts: in training mode the output differs from evaluation mode.
        var train = model.forward(x);
        rnn.eval();
        var eval = model.forward(x);
        Assert.NotEqual(train.Data, eval.Data);
    }

    [Fact]
    public void Between_layer_dropout_is_off_in_evaluation_mode_and_for_one_layer()
    {
        var x = Tensor.Normal<double>(new Rng(7), 0, 1, 2, 4, 3);
        var plain = new LSTM<double>(3, 4, numLayers: 2, returnSequences: true);
        var dropped = new LSTM<double>(3, 4, numLayers: 2, returnSequences: true) { Dropout = 0.5 };
        dropped.load_state_dict(plain.state_dict());
        dropped.eval();
        Assert.Equal(plain.forward(x).Data, dropped.forward(x).Data);
        var single = new LSTM<double>(3, 4, returnSequences: true) { Dropout = 0.5 };
        var singlePlain = new LSTM<double>(3, 4, returnSequences: true);
        singlePlain.load_state_dict(single.state_dict());
        Assert.True(single.Training);
        Assert.Equal(singlePlain.forward(x).Data, single.forward(x).Data);
    }

    [Fact]
    public void Train_and_eval_reach_every_sub_module()
    {
        var rnn = new GRU<double>(3, 4, numLayers: 2);
        var model = new Sequential<double>(new Dropout<double>(0.2), new Bidirectional<double>(new RNN<double>(3, 4)), rnn);
        model.eval();
        Assert.All(model.Modules, m => Assert.False(m.Training));
        Assert.False(((Bidirectional<double>)model.Modules[1]).BackwardLayer.Training);
        model.train();
        Assert.True(rnn.Training);
    }

    [Fact]
    public void Trainer_predicts_and_evaluates_in_evaluation_mode_and_trains_in_training_mode()
    {
        var model = new Sequential<double>(new Linear<double>(3, 8), new Dropout<double>(0.5, seed: 3), new Linear<double>(8, 1));
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, 16, 3);
        var y = Tensor.Normal<double>(new Rng(2), 0, 1, 16, 1);
        var trainer = new Trainer<double>(model, new MeanSquaredError<double>(), new Sgd<double>(model.parameters(), 0.01));
        model.eval();
        var reference = model.forward(x);
        model.train();
        Assert.Equal(reference.Data, trainer.Predict(x).Data);
        Assert.True(model.Training);                     // Predict restores the mode it found
        double loss = trainer.Evaluate(x, y)["loss"];
        double expected = 0;
        for (int i = 0; i < 16; i++) expected += Math.Pow(reference.Data[i] - y.Data[i], 2) / 16;
        Assert.Equal(expected, loss, 12);
        model.eval();
        trainer.TrainStep(x, y);
        Assert.True(model.Modules[1].Training);
    }

    [Fact]
    public void Bad_probabilities_are_refused()
    {
        Assert.Contains("p must be in [0, 1), got 1", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout<double>(1.0)).Message);
        Assert.Contains("dropout must be in [0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new RNN<double>(2, 2) { Dropout = -0.1 }).Message);
    }
}
