using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

/// <summary>Bad options, bad data and divergence are reported with the example, layer or weight at fault.</summary>
public class TrainerBadInputTests
{
    private static Trainer<float> Classifier(double learningRate, bool sgd = true)
    {
        Rng.ManualSeed(21);
        var model = new Sequential<float>(new LSTM<float>(1, 8), new Linear<float>(8, 1));
        Optimizer<float> optimizer = sgd ? new Sgd<float>(model.parameters(), learningRate) : new Adam<float>(model.parameters(), learningRate: learningRate);
        return new Trainer<float>(model, new BinaryCrossEntropyWithLogits<float>(), optimizer, new BinaryAccuracy<float>(fromLogits: true));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    public void A_validation_split_outside_0_1_is_refused(double split)
    {
        var (x, y) = TrainerTests.SumSign(20, 3, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Classifier(0.01).Fit(x, y, new FitOptions { ValidationSplit = split, Verbose = false }));
        Assert.Contains($"ValidationSplit must be in [0, 1), got {split}", e.Message);
    }

    [Fact]
    public void A_nan_input_is_reported_at_its_row_in_the_data_set()
    {
        var (x, y) = TrainerTests.SumSign(50, 4, 2);
        x[37, 2, 0] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => Classifier(0.01).Fit(x, y, new FitOptions { BatchSize = 8, Verbose = false }));
        Assert.Equal("Trainer: input holds NaN at [37, 2, 0], i.e. in example 37 of 50; fix or drop that example before training.", e.Message);
        y[11, 0] = float.PositiveInfinity;
        x[37, 2, 0] = 0;
        Assert.Contains("target holds Infinity at [11, 0], i.e. in example 11 of 50",
            Assert.Throws<ArgumentException>(() => Classifier(0.01).Fit(x, y, new FitOptions { Verbose = false })).Message);
    }

    [Fact]
    public void A_step_that_makes_a_weight_infinite_is_named_at_that_step()
    {
        // Full batch, one step: the first update overflows float. Before, validation failed later with "prediction holds NaN".
        var (x, y) = TrainerTests.SumSign(40, 3, 3);
        var t = Classifier(1e300);
        var e = Assert.Throws<TrainingDivergedException>(() => t.Fit(x, y, new FitOptions { BatchSize = 40, ValidationSplit = 0.25, Epochs = 2, Verbose = false }));
        Assert.Equal((1, 1), (e.Epoch, e.Batch));
        Assert.StartsWith("Training stopped at epoch 1, batch 1: the optimizer step made weight '", e.Message);
        Assert.Contains("learning rate 1E+300", e.Message);
        Assert.Contains(e.Culprit!, t.Model.named_parameters().Select(kv => kv.name));
    }

    [Fact]
    public void An_overflowing_relu_rnn_is_blamed_not_the_dense_layer_after_it()
    {
        Rng.ManualSeed(4);
        var model = new Sequential<float>(new RNN<float>(2, 3, nonlinearity: "relu"), new Linear<float>(3, 1));
        var weights = model.state_dict();
        Array.Fill(weights["rnn.weight_hh_l0"].Data, 1e30f);
        Array.Fill(weights["rnn.weight_ih_l0"].Data, 1f);
        model.load_state_dict(weights);
        var t = new Trainer<float>(model, new MeanSquaredError<float>(), new Sgd<float>(model.parameters(), 0.1));
        var x = new Tensor<float>(4, 6, 2);
        Array.Fill(x.Data, 1f);
        var e = Assert.Throws<TrainingDivergedException>(() => t.Fit(x, new Tensor<float>(4, 1), new FitOptions { Verbose = false }));
        Assert.Equal("rnn", e.Culprit);
        Assert.StartsWith("Training stopped at epoch 1, batch 1: layer 'rnn' (RNN) output Infinity at [", e.Message);
        Assert.Contains("from finite inputs: its activations overflowed. Largest weight: |rnn.weight_hh_l0| = 1E+30", e.Message);
        // Outside Fit the same check names the examples.
        var evaluation = Assert.Throws<TrainingDivergedException>(() => t.Evaluate(x, new Tensor<float>(4, 1), batchSize: 2));
        Assert.StartsWith("Stopped at evaluation (examples 0..1): layer 'rnn' (RNN) output Infinity", evaluation.Message);
    }

    [Fact]
    public void A_huge_learning_rate_on_an_lstm_warns_once_about_the_update_size()
    {
        var (x, y) = TrainerTests.SumSign(64, 5, 5);
        var t = Classifier(1e6);
        var h = t.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 16, Verbose = false });
        string warning = Assert.Single(h.Warnings);
        Assert.StartsWith("[RnnNotebooks.Training] WARNING: epoch 1, batch 1: the update changed the weights by ", warning);
        Assert.Contains("The learning rate (1E+06) is far too high", warning);
        Assert.Equal(h.Warnings, t.Warnings);
    }

    [Fact]
    public void A_healthy_run_gives_no_warning()
    {
        var (x, y) = TrainerTests.SumSign(64, 5, 5);
        var h = Classifier(0.01, sgd: false).Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 16, Verbose = false });
        Assert.Empty(h.Warnings);
    }

    [Fact]
    public void Clip_settings_must_be_positive()
    {
        var t = Classifier(0.01);
        // Refused when set, not only when Fit starts: TrainStep reads them too.
        Assert.Contains("ClipNorm must be positive and finite (or null for none), got NaN", Assert.Throws<ArgumentOutOfRangeException>(() => t.ClipNorm = double.NaN).Message);
        Assert.Contains("ClipValue must be positive and finite (or null for none), got -1", Assert.Throws<ArgumentOutOfRangeException>(() => t.ClipValue = -1).Message);
        Assert.Equal("UpdateRatioWarning", Assert.Throws<ArgumentOutOfRangeException>(() => t.UpdateRatioWarning = 0).ParamName);
        t.ClipNorm = null;
        Assert.Null(t.ClipNorm);
    }
}
