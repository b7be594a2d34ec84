using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

/// <summary>
/// A learner's own model class (sub-modules as fields, as PyTorch and TorchSharp teach) trains with
/// the library's loops and gives the bits of the <see cref="Sequential{T}"/> built from the same layers.
/// </summary>
public class ModelClassTrainingTests
{
    /// <summary>Embedding → LSTM → Linear(sigmoid), the IMDB classifier written as a model class.</summary>
    private sealed class SentimentRnn : Module<float>
    {
        private readonly Embedding<float> embedding;
        private readonly LSTM<float> rnn;
        private readonly Linear<float> fc;

        public SentimentRnn(int vocab, int dim, int hidden) : base("sentiment")
        {
            embedding = new Embedding<float>(vocab, dim);
            rnn = new LSTM<float>(dim, hidden);
            fc = new Linear<float>(hidden, 1, Activation.Sigmoid);
            RegisterComponents();
        }

        public override Tensor<float> forward(Tensor<float> ids) => fc.forward(rnn.forward(embedding.forward(ids)));

        public override Tensor<float> backward(Tensor<float> dy) => embedding.backward(rnn.backward(fc.backward(dy)));
    }

    /// <summary>Embedding → GRU (every step) → Linear(vocabulary), a character model that takes and returns a state.</summary>
    private sealed class CharRnn : Module<double>, IRecurrentModule<double>
    {
        private readonly Embedding<double> embedding;
        private readonly GRU<double> rnn;
        private readonly Linear<double> fc;

        public CharRnn(int vocab, int dim, int hidden) : base("char_rnn")
        {
            embedding = new Embedding<double>(vocab, dim);
            rnn = new GRU<double>(dim, hidden, returnSequences: true);
            fc = new Linear<double>(hidden, vocab);
            RegisterComponents();
        }

        public RecurrentOutput<double> forward(Tensor<double> ids, RecurrentState<double>? state)
        {
            var (h, final) = rnn.forward(embedding.forward(ids), state);
            return new RecurrentOutput<double>(fc.forward(h), final);
        }

        public Tensor<double> backward(Tensor<double> dLogits, RecurrentState<double>? dFinal) =>
            embedding.backward(rnn.backward(fc.backward(dLogits), dFinal));

        public override Tensor<double> forward(Tensor<double> ids) => forward(ids, null).Output;

        public override Tensor<double> backward(Tensor<double> dLogits) => backward(dLogits, null);
    }

    private static (Tensor<float> X, Tensor<float> Y) Reviews(int n, int steps, int vocab, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new Tensor<float>(n, steps);
        var y = new Tensor<float>(n, 1);
        for (int i = 0; i < n; i++)
        {
            int score = 0;
            for (int t = 0; t < steps; t++)
            {
                int id = rng.NextInt(vocab);
                x[i, t] = id;
                score += id < vocab / 2 ? 1 : -1;
            }
            y[i, 0] = score > 0 ? 1 : 0;
        }
        return (x, y);
    }

    [Fact]
    public void A_model_class_with_fields_trains_with_Trainer_bit_for_bit_like_Sequential()
    {
        var (x, y) = Reviews(96, 7, 12, seed: 3);
        var options = new FitOptions { Epochs = 3, BatchSize = 16, ValidationSplit = 0.25, Seed = 4, Verbose = false };

        Rng.ManualSeed(11);
        var mine = new SentimentRnn(12, 5, 6);
        var a = new Trainer<float>(mine, BinaryCrossEntropy<float>.Keras(), new RmsProp<float>(mine.parameters(), Framework.Keras), new BinaryAccuracy<float>());
        var ha = a.Fit(x, y, options);

        Rng.ManualSeed(11);
        var chain = new Sequential<float>(new Embedding<float>(12, 5), new LSTM<float>(5, 6), new Linear<float>(6, 1, Activation.Sigmoid));
        var b = new Trainer<float>(chain, BinaryCrossEntropy<float>.Keras(), new RmsProp<float>(chain.parameters(), Framework.Keras), new BinaryAccuracy<float>());
        var hb = b.Fit(x, y, options);

        Assert.Equal(["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "fc.weight", "fc.bias"],
            mine.named_parameters().Select(p => p.name));
        Assert.Equal(["embedding", "rnn", "fc"], mine.named_children().Select(c => c.name));
        Assert.Equal(hb["loss"], ha["loss"]);
        Assert.Equal(hb["val_loss"], ha["val_loss"]);
        Assert.Equal(hb["val_accuracy"], ha["val_accuracy"]);
        Assert.True(ha["loss"][^1] < ha["loss"][0], $"loss {ha["loss"][0]} → {ha["loss"][^1]}: the model class did not learn");
        foreach (var (p, q) in mine.parameters().Zip(chain.parameters())) Assert.Equal(q.Value.Data, p.Value.Data);
        Assert.Equal(b.Predict(x).Data, a.Predict(x).Data);
    }

    [Fact]
    public void A_state_carrying_model_class_trains_with_TruncatedBptt_bit_for_bit_like_Sequential()
    {
        var vocab = new CharVocabulary("abcdefgh \n");
        var rng = new Rng(8);
        var ids = Enumerable.Range(0, 3 * 41).Select(_ => rng.NextInt(vocab.Count)).ToArray();
        var batches = new BpttBatcher(ids, batchSize: 3, steps: 8);

        Rng.ManualSeed(21);
        var mine = new CharRnn(vocab.Count, 4, 7);
        var a = new TruncatedBptt<double>(mine, new Adam<double>(mine.parameters(), learningRate: 0.01), clipNorm: 1.0);

        Rng.ManualSeed(21);
        var chain = new Sequential<double>(new Embedding<double>(vocab.Count, 4), new GRU<double>(4, 7, returnSequences: true), new Linear<double>(7, vocab.Count));
        var b = new TruncatedBptt<double>(chain, new Adam<double>(chain.parameters(), learningRate: 0.01), clipNorm: 1.0);

        var lossesA = new List<double>(); var lossesB = new List<double>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            a.TrainEpoch(batches, (_, loss) => lossesA.Add(loss));
            b.TrainEpoch(batches, (_, loss) => lossesB.Add(loss));
        }
        Assert.Equal(lossesB, lossesA);
        Assert.True(lossesA[^1] < lossesA[0], $"loss {lossesA[0]} → {lossesA[^1]}: the model class did not learn");
        foreach (var (p, q) in mine.parameters().Zip(chain.parameters())) Assert.Equal(q.Value.Data, p.Value.Data);
        Assert.Equal(b.Evaluate(batches), a.Evaluate(batches));
        Assert.Equal(b.Generate(vocab, "abc", 20, 0.8, new Rng(2)), a.Generate(vocab, "abc", 20, 0.8, new Rng(2)));
    }

    [Fact]
    public void The_carried_state_of_a_model_class_reaches_the_next_batch()
    {
        var ids = Enumerable.Range(0, 2 * 25).Select(i => i % 6).ToArray();
        var batches = new BpttBatcher(ids, batchSize: 2, steps: 6);
        var model = new CharRnn(6, 3, 4);
        var loop = new TruncatedBptt<double>(model, new Sgd<double>(model.parameters(), 1e-12));
        var (x0, y0) = batches.GetBatch(0);
        var expected = model.forward(Tensor.FromIndices<double>(x0), null).FinalState.H.Data;   // before the step moves the weights
        loop.TrainStep(x0, y0);
        Assert.NotNull(loop.State);
        Assert.Equal(expected, loop.State!.H.Data);
        loop.CarryState = false;
        loop.TrainStep(batches.GetBatch(1).X, batches.GetBatch(1).Y);
        Assert.Null(loop.State);
    }

    [Fact]
    public void A_model_without_a_state_is_refused_by_TruncatedBptt_with_its_name()
    {
        var model = new SentimentRnnDouble();
        var e = Assert.Throws<ArgumentException>(() => new TruncatedBptt<double>(model, new Sgd<double>(model.parameters())));
        Assert.Contains("'plain'", e.Message);
        Assert.Contains("IRecurrentModule", e.Message);
    }

    [Fact]
    public void A_model_returning_one_vector_per_sequence_is_refused_with_the_shape()
    {
        var model = new Sequential<double>(new Embedding<double>(5, 3), new GRU<double>(3, 4), new Linear<double>(4, 5));
        var e = Assert.Throws<ArgumentException>(() => new TruncatedBptt<double>(model, new Sgd<double>(model.parameters())));
        Assert.Contains("returnSequences", e.Message);
    }

    private sealed class SentimentRnnDouble : Module<double>
    {
        private readonly Linear<double> fc = new(2, 2);
        public SentimentRnnDouble() : base("plain") => RegisterComponents();
        public override Tensor<double> forward(Tensor<double> x) => fc.forward(x);
        public override Tensor<double> backward(Tensor<double> g) => fc.backward(g);
    }
}
