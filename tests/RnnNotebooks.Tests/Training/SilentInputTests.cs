using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

/// <summary>
/// Inputs the library once accepted silently, or refused with an error that named nothing: one test per
/// kind. Each asserts the error's type and that its message names the parameter and echoes the value.
/// </summary>
public class SilentInputTests
{
    private static Sequential<double> Small() => new(new GRU<double>(2, 3), new Linear<double>(3, 1));

    // ---- validation that lived only in constructors ----

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void The_learning_rate_setter_refuses_what_the_constructor_refuses(double lr)
    {
        var adam = new Adam<double>(Small().parameters());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => adam.LearningRate = lr);
        Assert.Equal("LearningRate", e.ParamName);
        Assert.Contains($"Adam: the learning rate must be positive and finite, got {lr}", e.Message);
        Assert.Equal(1e-3, adam.LearningRate);       // unchanged
        adam.LearningRate = 0.5;                       // a schedule still works
        Assert.Equal(0.5, adam.LearningRate);
    }

    [Theory]
    [InlineData(1.0, 0.999, "beta1")]
    [InlineData(-0.1, 0.999, "beta1")]
    [InlineData(0.9, 1.0, "beta2")]
    [InlineData(0.9, double.NaN, "beta2")]
    public void Adam_betas_must_lie_in_zero_one(double beta1, double beta2, string bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(Small().parameters(), beta1: beta1, beta2: beta2));
        Assert.Equal(bad, e.ParamName);
        Assert.Contains($"Adam: {bad} must be in [0, 1)", e.Message);
    }

    [Fact]
    public void Epsilons_and_accumulators_must_be_positive()
    {
        var p = Small().parameters();
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(p, epsilon: 0)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp<double>(p, epsilon: -1e-8)).ParamName);
        Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp<double>(p, rho: double.NaN)).ParamName);
        Assert.Equal("initialAccumulator", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad<double>(p, initialAccumulator: -1)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd<double>(p, momentum: double.NaN)).ParamName);
    }

    // ---- zero or negative options that meant nothing ----

    [Fact]
    public void Negative_truncation_is_refused_with_the_layer_named()
    {
        var gru = new GRU<double>(2, 3, name: "encoder");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => gru.TruncateBackpropSteps = -4);
        Assert.Contains("GRU 'encoder': TruncateBackpropSteps must be 0 (full BPTT) or a positive number of steps, got -4", e.Message);
        gru.TruncateBackpropSteps = 0;
    }

    [Fact]
    public void Early_stopping_needs_a_patience_of_one_epoch_or_more_and_a_real_delta()
    {
        Assert.Contains("Patience must be at least 1 epoch, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping { Patience = 0 }).Message);
        Assert.Equal("MinDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping { MinDelta = -0.1 }).ParamName);
        Assert.Equal("MinDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping { MinDelta = double.NaN }).ParamName);
        Assert.Equal("Monitor", Assert.Throws<ArgumentException>(() => new EarlyStopping { Monitor = " " }).ParamName);
    }

    [Fact]
    public void A_padding_length_of_zero_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Padding.PadSequences([[1, 2], [3]], maxlen: 0));
        Assert.Contains("maxlen must be at least 1 (null: the longest sequence), got 0", e.Message);
        Assert.Contains("all 2 sequences are empty", Assert.Throws<ArgumentException>(() => Padding.PadSequences([[], []])).Message);
        Assert.Equal(new[,] { { 0, 1 }, { 0, 0 } }, Padding.PadSequences([[1], []], maxlen: 2));   // an empty sequence among others is padding only
    }

    // ---- pairs that must match ----

    [Fact]
    public void An_optimizer_over_another_models_parameters_is_refused()
    {
        var model = Small();
        var other = Small();
        var e = Assert.Throws<ArgumentException>(() => new Trainer<double>(model, new MeanSquaredError<double>(), new Adam<double>(other.parameters())));
        Assert.Contains("Trainer: 6 of the 6 parameters of the Adam optimizer are not parameters of model 'sequential'", e.Message);
        Assert.Contains("first: 'weight_ih_l0'", e.Message);
        // Part of the model (the rest frozen) is fine.
        _ = new Trainer<double>(model, new MeanSquaredError<double>(), new Adam<double>(model.parameters().Take(2)));
        var lm = new Sequential<double>(new Embedding<double>(4, 2), new GRU<double>(2, 3, returnSequences: true), new Linear<double>(3, 4));
        Assert.Contains("TruncatedBptt: ", Assert.Throws<ArgumentException>(() => new TruncatedBptt<double>(lm, new Sgd<double>(other.parameters()))).Message);
    }

    [Fact]
    public void A_state_dict_with_NaN_is_refused_like_a_file_with_NaN()
    {
        var model = Small();
        var state = model.state_dict();
        var before = model.state_dict();
        state["linear.bias"].Data[0] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => model.load_state_dict(state));
        Assert.Contains("state entry 'linear.bias'", e.Message);
        Assert.Contains("NaN", e.Message);
        foreach (var (name, t) in model.state_dict()) Assert.Equal(before[name].Data, t.Data);   // nothing changed
    }

    [Fact]
    public void An_optimizer_state_must_come_from_the_same_kind_of_optimizer()
    {
        var model = Small();
        var adam = new Adam<double>(model.parameters());
        var sgd = new Sgd<double>(model.parameters(), momentum: 0.9);
        Assert.Contains("the state lacks 'exp_avg.0'", Assert.Throws<KeyNotFoundException>(() => adam.load_state_dict(sgd.state_dict())).Message);
        var state = adam.state_dict();
        state["exp_avg_sq.1"] = new Tensor<double>(2, 2);
        Assert.Contains("state 'exp_avg_sq.1' has shape [2, 2]", Assert.Throws<ShapeException>(() => adam.load_state_dict(state)).Message);
    }

    // ---- impossible requests that returned something empty ----

    [Fact]
    public void Windows_longer_than_the_series_are_refused()
    {
        var data = new double[10, 1];
        var e = Assert.Throws<ArgumentException>(() => Windowing.Make(data, 20, 1, 1, [0], 0, 0, 10));
        Assert.Contains("no window fits: a window of 20 rows with horizon 1 needs its target at row 20 or later", e.Message);
        Assert.Contains("of 10", e.Message);
    }

    [Fact]
    public void A_join_of_series_that_share_no_day_is_refused()
    {
        var a = new PriceSeries("A", [new PriceBar(new DateOnly(2020, 1, 2), 1, 1, 1, 1, 1, 1)], "test");
        var b = new PriceSeries("B", [new PriceBar(new DateOnly(2021, 1, 4), 1, 1, 1, 1, 1, 1)], "test");
        var e = Assert.Throws<ArgumentException>(() => PriceTable.Join(a, b));
        Assert.Contains("A (2020-01-02 … 2020-01-02), B (2021-01-04 … 2021-01-04) share no trading day", e.Message);
    }

    // ---- ids and labels at a boundary ----

    [Fact]
    public void A_class_label_out_of_range_is_named_not_counted_as_a_miss()
    {
        var scores = new Tensor<double>([0.1, 0.9, 0.8, 0.2], 2, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Accuracy<double>().Update(scores, new Tensor<double>([1, 5], 2)));
        Assert.Contains("label 5 at [1] is not a class in [0, 2)", e.Message);
        Assert.Contains("label 0.7 at [0, 0] is not 0 or 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryAccuracy<double>().Update(new Tensor<double>([0.9], 1, 1), new Tensor<double>([0.7], 1, 1))).Message);
    }

    // ---- bare runtime exceptions ----

    [Fact]
    public void Vocabulary_lookups_name_the_id_and_the_position()
    {
        var vocab = new CharVocabulary("abc");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => vocab.CharOf(7));
        Assert.Contains("id 7 is not in [0, 3)", e.Message);
        Assert.Contains("'z' at position 2 of the text is not in the vocabulary of 3 characters", Assert.Throws<KeyNotFoundException>(() => vocab.Encode("abz")).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Evaluation_and_prediction_refuse_a_batch_size_below_one(int batchSize)
    {
        var model = Small();
        var t = new Trainer<double>(model, new MeanSquaredError<double>(), new Adam<double>(model.parameters()));
        var x = new Tensor<double>(4, 3, 2); var y = new Tensor<double>(4, 1);
        Assert.Contains($"Evaluate: batchSize must be at least 1, got {batchSize}", Assert.Throws<ArgumentOutOfRangeException>(() => t.Evaluate(x, y, batchSize)).Message);
        Assert.Contains($"Predict: batchSize must be at least 1, got {batchSize}", Assert.Throws<ArgumentOutOfRangeException>(() => t.Predict(x, batchSize)).Message);
    }

    [Fact]
    public void Generating_with_another_vocabulary_is_refused()
    {
        var trainedWith = new CharVocabulary("abcdef");
        var model = new Sequential<double>(new Embedding<double>(trainedWith.Count, 2), new GRU<double>(2, 3, returnSequences: true), new Linear<double>(3, trainedWith.Count));
        var loop = new TruncatedBptt<double>(model, new Sgd<double>(model.parameters()));
        var e = Assert.Throws<ArgumentException>(() => loop.Generate(new CharVocabulary("abc"), "ab", 5, 1.0, new Rng(1)));
        Assert.Contains("the model scores 6 characters, the vocabulary has 3", e.Message);
    }

    // ---- finite input, overflowing result ----

    [Fact]
    public void A_layer_whose_result_overflows_says_so()
    {
        var linear = new Linear<float>(2, 1, name: "head");
        var state = linear.state_dict();
        Array.Fill(state["weight"].Data, 3e38f);
        linear.load_state_dict(state);
        var e = Assert.Throws<ActivationOverflowException>(() => linear.forward(new Tensor<float>([2f, 2f], 1, 2)));
        Assert.Equal("head", e.Layer);
        Assert.StartsWith("Linear 'head': the output is Infinity at [0, 0] from finite inputs and weights: its activations overflowed. Largest weight: |weight| = 3E+38", e.Message);

        var rnn = new RNN<float>(1, 2, nonlinearity: "relu", name: "relu_rnn");
        var w = rnn.state_dict();
        Array.Fill(w["weight_hh_l0"].Data, 1e30f); Array.Fill(w["weight_ih_l0"].Data, 1f);
        rnn.load_state_dict(w);
        var x = new Tensor<float>(1, 5, 1); Array.Fill(x.Data, 1f);
        Assert.Contains("RNN 'relu_rnn': the final state is Infinity", Assert.Throws<ActivationOverflowException>(() => rnn.forward(x)).Message);
    }
}
