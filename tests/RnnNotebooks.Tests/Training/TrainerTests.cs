using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

public class TrainerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Random ±1 sequences; label 1 when the sum is positive.</summary>
    internal static (Tensor<float> X, Tensor<float> Y) SumSign(int n, int steps, ulong seed, bool perStep = false)
    {
        var rng = new Rng(seed);
        var x = new Tensor<float>(n, steps, 1);
        var y = perStep ? new Tensor<float>(n, steps, 1) : new Tensor<float>(n, 1);
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int t = 0; t < steps; t++)
            {
                double v = rng.Normal();
                x[i, t, 0] = (float)v;
                sum += v;
                if (perStep) y[i, t, 0] = sum > 0 ? 1 : 0;
            }
            if (!perStep) y[i, 0] = sum > 0 ? 1 : 0;
        }
        return (x, y);
    }

    private static Trainer<float> MakeTrainer(ulong seed)
    {
        Rng.ManualSeed(seed);
        var model = new Sequential<float>(new GRU<float>(1, 8), new Linear<float>(8, 1));
        return new Trainer<float>(model, new BinaryCrossEntropyWithLogits<float>(), new Adam<float>(model.parameters(), learningRate: 0.01),
            new BinaryAccuracy<float>(fromLogits: true));
    }

    [Fact]
    public void Same_seed_gives_identical_history_and_weights()
    {
        var (x, y) = SumSign(128, 6, 1);
        var opts = new FitOptions { Epochs = 3, BatchSize = 16, Seed = 9, Verbose = false };
        var a = MakeTrainer(5); var ha = a.Fit(x, y, opts);
        var b = MakeTrainer(5); var hb = b.Fit(x, y, opts);
        Assert.Equal(ha["loss"], hb["loss"]);
        Assert.Equal(a.Model.parameters()[0].Value.Data, b.Model.parameters()[0].Value.Data);
        var c = MakeTrainer(5); var hc = c.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = 16, Seed = 10, Verbose = false });
        Assert.NotEqual(ha["loss"], hc["loss"]);
    }

    [Fact]
    public void Validation_split_takes_the_last_fraction_and_reports_val_metrics()
    {
        var (x, y) = SumSign(100, 5, 2);
        var t = MakeTrainer(1);
        var h = t.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 10, ValidationSplit = 0.2, Verbose = false });
        Assert.Equal(2, h["val_loss"].Count);
        Assert.Equal(2, h["val_accuracy"].Count);
        // The validation figures are those of Evaluate on the last 20 examples after the final epoch.
        var expected = t.Evaluate(Batching.Slice(x, 80, 20), Batching.Slice(y, 80, 20));
        Assert.Equal(expected["loss"], h["val_loss"][^1], 12);
        Assert.Equal(expected["accuracy"], h["val_accuracy"][^1], 12);
    }

    [Fact]
    public void Validation_split_refuses_label_sorted_data()
    {
        var (x, y) = SumSign(40, 3, 3);
        var order = Enumerable.Range(0, 40).OrderBy(i => y.Data[i]).ToArray();
        var ex = Assert.Throws<ArgumentException>(() =>
            MakeTrainer(1).Fit(Batching.Gather(x, order), Batching.Gather(y, order), new FitOptions { ValidationSplit = 0.25, Verbose = false }));
        Assert.Contains("sorted", ex.Message);
    }

    [Fact]
    public void Early_stopping_stops_and_restores_the_best_weights()
    {
        var (x, y) = SumSign(64, 5, 4);
        Rng.ManualSeed(2);
        var model = new Sequential<float>(new RNN<float>(1, 4), new Linear<float>(4, 1));
        // A huge learning rate makes the validation loss bounce, so patience 1 triggers quickly.
        var t = new Trainer<float>(model, new BinaryCrossEntropyWithLogits<float>(), new Sgd<float>(model.parameters(), 5.0));
        var h = t.Fit(x, y, new FitOptions
        {
            Epochs = 50, BatchSize = 8, ValidationSplit = 0.25, Verbose = false,
            EarlyStopping = new EarlyStopping { Monitor = "val_loss", Patience = 1 },
        });
        Assert.NotNull(h.StoppedEpoch);
        Assert.True(h.Epochs < 50);
        double best = h["val_loss"].Min();
        var now = t.Evaluate(Batching.Slice(x, 48, 16), Batching.Slice(y, 48, 16));
        Assert.Equal(best, now["loss"], 5);
    }

    [Fact]
    public void Callbacks_see_every_epoch_and_batch()
    {
        var (x, y) = SumSign(30, 4, 5);
        var epochs = new List<int>(); int batches = 0;
        MakeTrainer(1).Fit(x, y, new FitOptions
        {
            Epochs = 2, BatchSize = 8, Verbose = false,
            OnEpochEnd = e => epochs.Add(e.Epoch), OnBatchEnd = _ => batches++,
        });
        Assert.Equal([1, 2], epochs);
        Assert.Equal(2 * 4, batches);
    }

    [Fact]
    public void Diverging_loss_stops_with_a_clear_message()
    {
        var (x, y) = SumSign(32, 5, 6);
        Rng.ManualSeed(3);
        var model = new Sequential<float>(new RNN<float>(1, 4, nonlinearity: "relu"), new Linear<float>(4, 1));
        var t = new Trainer<float>(model, new MeanSquaredError<float>(), new Sgd<float>(model.parameters(), 1e6));
        var ex = Assert.Throws<TrainingDivergedException>(() => t.Fit(x, y, new FitOptions { Epochs = 20, BatchSize = 4, Verbose = false }));
        Assert.Contains("epoch", ex.Message);
        Assert.True(ex.Epoch >= 1 && ex.Batch >= 1);
    }

    [Fact]
    public void Gradient_clipping_bounds_the_update()
    {
        var (x, y) = SumSign(8, 4, 7);
        Rng.ManualSeed(4);
        var model = new Sequential<float>(new LSTM<float>(1, 3), new Linear<float>(3, 1));
        var before = model.state_dict();
        var t = new Trainer<float>(model, new MeanSquaredError<float>(), new Sgd<float>(model.parameters(), 1.0)) { ClipNorm = 1e-3 };
        t.TrainStep(x, y);
        double moved = model.named_parameters().Sum(kv => kv.parameter.Value.Data.Zip(before[kv.name].Data, (a, b) => (double)(a - b) * (a - b)).Sum());
        Assert.True(Math.Sqrt(moved) <= 1e-3 * 1.0001, $"update norm {Math.Sqrt(moved)}");
        Assert.True(moved > 0);
    }

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Learns_the_sign_of_the_running_sum_at_every_step(string kind)
    {
        var (x, y) = SumSign(512, 20, 11, perStep: true);
        var (xt, yt) = SumSign(256, 20, 12, perStep: true);
        Rng.ManualSeed(1);
        RNNBase<float> layer = kind switch
        {
            "rnn" => new RNN<float>(1, 16, returnSequences: true),
            "lstm" => new LSTM<float>(1, 16, returnSequences: true),
            _ => new GRU<float>(1, 16, returnSequences: true),
        };
        var model = new Sequential<float>(layer, new Linear<float>(16, 1));
        var t = new Trainer<float>(model, new BinaryCrossEntropyWithLogits<float>(), new Adam<float>(model.parameters(), learningRate: 0.01),
            new BinaryAccuracy<float>(fromLogits: true));
        t.Fit(x, y, new FitOptions { Epochs = 40, BatchSize = 32, Verbose = false });
        double acc = t.Evaluate(xt, yt)["accuracy"];
        output.WriteLine($"{kind}: held-out per-step accuracy {acc:P2}");
        Assert.True(acc > 0.95, $"{kind}: held-out per-step accuracy {acc:P2}");
    }
}
