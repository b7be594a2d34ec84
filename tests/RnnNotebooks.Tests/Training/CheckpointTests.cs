using System.Security.Cryptography;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

/// <summary>A stopped run loses nothing: resumed from its checkpoint, it ends with the bits of an uninterrupted run.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rnn-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Two LSTM layers with dropout between them and a Dropout module: three random generators to restore.</summary>
    private static (Sequential<float> Model, Trainer<float> Trainer) Build()
    {
        Rng.ManualSeed(3);
        var model = new Sequential<float>(new LSTM<float>(1, 6, numLayers: 2, returnSequences: true) { Dropout = 0.3 },
            new Dropout<float>(0.2), new Linear<float>(6, 2));
        var trainer = new Trainer<float>(model, new SoftmaxCrossEntropy<float>(), new Adam<float>(model.parameters(), learningRate: 3e-3), new Accuracy<float>());
        return (model, trainer);
    }

    private static (Tensor<float> X, Tensor<float> Y) Data()
    {
        var rng = new Rng(5);
        var x = Tensor.Uniform<float>(rng, -1, 1, 64, 6, 1);
        var y = new Tensor<float>(64, 6);
        for (int b = 0; b < 64; b++)
        {
            double sum = 0;
            for (int t = 0; t < 6; t++) { sum += x[b, t, 0]; y[b, t] = sum > 0 ? 1 : 0; }
        }
        return (x, y);
    }

    private static string Hash(Module<float> model) =>
        Convert.ToHexString(SHA256.HashData(model.parameters().SelectMany(p => p.Value.Data.SelectMany(BitConverter.GetBytes)).ToArray()));

    private static FitOptions Options(int epochs, string? checkpoint, EarlyStopping? es = null) =>
        new() { Epochs = epochs, BatchSize = 8, ValidationSplit = 0.25, Seed = 7, Verbose = false, CheckpointPath = checkpoint, EarlyStopping = es };

    [Fact]
    public void A_fit_stopped_after_two_epochs_and_resumed_ends_with_the_bits_of_an_uninterrupted_fit()
    {
        var (x, y) = Data();
        var (whole, wholeTrainer) = Build();
        var expected = wholeTrainer.Fit(x, y, Options(5, null));

        string path = Path.Combine(_folder, "run.ckpt");
        var (first, firstTrainer) = Build();
        firstTrainer.Fit(x, y, Options(2, path));                      // "interrupted" after epoch 2
        Assert.True(File.Exists(path));
        var (resumed, resumedTrainer) = Build();                          // a new process: fresh objects, same code
        var history = resumedTrainer.Fit(x, y, Options(5, path));

        Assert.Equal(Hash(whole), Hash(resumed));
        Assert.NotEqual(Hash(first), Hash(resumed));
        Assert.Equal(expected["loss"], history["loss"]);
        Assert.Equal(expected["val_accuracy"], history["val_accuracy"]);
        Assert.Equal(5, history.Epochs);
        Assert.Equal(5, resumedTrainer.Optimizer.Iterations / 6);          // 48 training examples / 8 per batch
    }

    [Fact]
    public void Early_stopping_resumes_with_its_best_weights_and_patience()
    {
        var (x, y) = Data();
        var es = new EarlyStopping { Monitor = "val_loss", Patience = 2, RestoreBestWeights = true };
        var (whole, wholeTrainer) = Build();
        var expected = wholeTrainer.Fit(x, y, Options(40, null, es));
        Assert.NotNull(expected.StoppedEpoch);                          // the run does stop early

        string path = Path.Combine(_folder, "es.ckpt");
        int cut = expected.StoppedEpoch!.Value - 1;                      // between the best epoch and the stop
        Build().Trainer.Fit(x, y, Options(cut, path, es));
        var (resumed, resumedTrainer) = Build();
        var history = resumedTrainer.Fit(x, y, Options(40, path, es));
        Assert.Equal(expected.StoppedEpoch, history.StoppedEpoch);
        Assert.Equal(Hash(whole), Hash(resumed));
        // Resuming a finished run trains nothing more.
        var (again, againTrainer) = Build();
        Assert.Equal(expected["val_loss"], againTrainer.Fit(x, y, Options(40, path, es))["val_loss"]);
        Assert.Equal(Hash(whole), Hash(again));
    }

    [Fact]
    public void A_checkpoint_from_another_run_is_refused_by_name()
    {
        var (x, y) = Data();
        string path = Path.Combine(_folder, "other.ckpt");
        Build().Trainer.Fit(x, y, Options(1, path));
        var otherBatch = new FitOptions { Epochs = 3, BatchSize = 16, ValidationSplit = 0.25, Seed = 7, Verbose = false, CheckpointPath = path };
        var e = Assert.Throws<InvalidDataException>(() => Build().Trainer.Fit(x, y, otherBatch));
        Assert.Contains(path, e.Message);
        Assert.Contains("batch_size = 8, this fit has 16", e.Message);

        Rng.ManualSeed(3);
        var bigger = new Sequential<float>(new LSTM<float>(1, 7, returnSequences: true), new Linear<float>(7, 2));
        var t = new Trainer<float>(bigger, new SoftmaxCrossEntropy<float>(), new Adam<float>(bigger.parameters()));
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => t.Fit(x, y, Options(3, path))).Message);
    }

    [Fact]
    public void A_save_that_fails_leaves_the_previous_checkpoint_whole()
    {
        var (x, y) = Data();
        string path = Path.Combine(_folder, "safe.ckpt");
        var (model, trainer) = Build();
        trainer.Fit(x, y, Options(1, path));
        byte[] good = File.ReadAllBytes(path);
        Directory.CreateDirectory(path + ".tmp");                         // the next save cannot write its temporary file
        Assert.ThrowsAny<IOException>(() => Checkpoint.Save(path, model, trainer.Optimizer, new Dictionary<string, string> { ["epoch"] = "9" }));
        Assert.Equal(good, File.ReadAllBytes(path));
        Directory.Delete(path + ".tmp");
        var (again, againTrainer) = Build();
        Assert.Equal(2, againTrainer.Fit(x, y, Options(2, path)).Epochs);   // the old checkpoint still resumes
    }

    [Fact]
    public void TruncatedBptt_resumes_to_the_same_bits()
    {
        var vocab = new CharVocabulary("abcdefg \n");
        var rng = new Rng(4);
        var ids = Enumerable.Range(0, 3 * 33).Select(_ => rng.NextInt(vocab.Count)).ToArray();
        var batches = new BpttBatcher(ids, batchSize: 3, steps: 8);
        TruncatedBptt<double> Loop()
        {
            Rng.ManualSeed(9);
            var m = new Sequential<double>(new Embedding<double>(vocab.Count, 4), new GRU<double>(4, 5, numLayers: 2, returnSequences: true) { Dropout = 0.2 },
                new Linear<double>(5, vocab.Count));
            return new TruncatedBptt<double>(m, new Adam<double>(m.parameters(), learningRate: 0.01));
        }
        var whole = Loop();
        for (int e = 0; e < 4; e++) whole.TrainEpoch(batches);

        string path = Path.Combine(_folder, "lm.ckpt");
        var first = Loop();
        Assert.Equal(0, first.ResumeFrom(path).Epochs);                   // no file yet: a fresh start
        for (int e = 1; e <= 2; e++) { first.TrainEpoch(batches); first.SaveCheckpoint(path, e, new Dictionary<string, string> { ["note"] = "half" }); }
        var resumed = Loop();
        var (done, values) = resumed.ResumeFrom(path);
        Assert.Equal(2, done);
        Assert.Equal("half", values["note"]);
        for (int e = done + 1; e <= 4; e++) resumed.TrainEpoch(batches);
        Assert.Equal(whole.Model.parameters().SelectMany(p => p.Value.Data), resumed.Model.parameters().SelectMany(p => p.Value.Data));
    }

    [Fact]
    public void Random_generator_states_round_trip_and_bad_states_are_named()
    {
        var a = new Rng(11);
        a.Normal();                                                        // leaves a cached second normal
        var b = new Rng(0);
        b.SetState(a.GetState());
        Assert.Equal(a.Normal(), b.Normal());
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
        Assert.Contains("'0:0:0:0:-' is not a state written by GetState", Assert.Throws<ArgumentException>(() => b.SetState("0:0:0:0:-")).Message);
        Assert.Contains("…", Assert.Throws<ArgumentException>(() => b.SetState(new string('x', 500))).Message);
    }
}
