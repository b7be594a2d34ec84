using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

public class TruncatedBpttTests
{
    private static Sequential<double> Model(int vocab, int hidden = 6) =>
        new(new Embedding<double>(vocab, 4), new GRU<double>(4, hidden, returnSequences: true), new Linear<double>(hidden, vocab));

    private static int[] Stream(int n, int vocab, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextInt(vocab)).ToArray();
    }

    [Fact]
    public void Carried_state_evaluates_like_one_long_sequence()
    {
        var ids = Stream(2 * 31, 5, 3);
        var model = Model(5);
        var loop = new TruncatedBptt<double>(model, new Sgd<double>(model.parameters(), 0.1));
        var batches = new BpttBatcher(ids, batchSize: 2, steps: 6);   // rows of 31: 5 batches of 6 steps
        // Reference: each row's first 30 inputs in one forward pass from zeros.
        var x = new int[2, 30]; var y = new int[2, 30];
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < 30; t++) { x[b, t] = ids[b * 31 + t]; y[b, t] = ids[b * 31 + t + 1]; }
        double whole = new SoftmaxCrossEntropy<double>().forward(model.forward(Tensor.FromIndices<double>(x)), Tensor.FromIndices<double>(y));
        Assert.Equal(whole, loop.Evaluate(batches, carryState: true), 12);
        Assert.NotEqual(whole, loop.Evaluate(batches, carryState: false), 6);
    }

    [Fact]
    public void Loss_by_position_averages_to_the_evaluated_loss_and_matches_a_reset_reference()
    {
        var ids = Stream(3 * 29, 5, 8);
        var model = Model(5);
        var loop = new TruncatedBptt<double>(model, new Sgd<double>(model.parameters(), 0.1));
        var batches = new BpttBatcher(ids, batchSize: 3, steps: 7);    // rows of 29: 4 batches of 7 steps
        foreach (bool carry in new[] { true, false })
        {
            var byPosition = loop.LossByPosition(batches, carry);
            Assert.Equal(7, byPosition.Length);
            Assert.Equal(loop.Evaluate(batches, carry), byPosition.Average(), 12);
        }
        // With the state reset, position t of every batch is the loss of the first t + 1 inputs read from zeros:
        // the reference runs each batch's prefix through the model and scores its last column with SoftmaxCrossEntropy.
        var reset = loop.LossByPosition(batches, carryState: false);
        foreach (int t in new[] { 0, 3, 6 })
        {
            double sum = 0;
            for (int i = 0; i < batches.BatchCount; i++)
            {
                var (x, y) = batches.GetBatch(i);
                var prefix = new int[3, t + 1];
                for (int b = 0; b < 3; b++) for (int s = 0; s <= t; s++) prefix[b, s] = x[b, s];
                var logits = model.forward(Tensor.FromIndices<double>(prefix));          // [3, t + 1, 5]
                var last = new Tensor<double>(3, 5);
                for (int b = 0; b < 3; b++) for (int j = 0; j < 5; j++) last.Data[b * 5 + j] = logits.Data[(b * (t + 1) + t) * 5 + j];
                var target = new int[3];
                for (int b = 0; b < 3; b++) target[b] = y[b, t];
                sum += new SoftmaxCrossEntropy<double>().forward(last, Tensor.FromIndices<double>(target));
            }
            Assert.Equal(sum / batches.BatchCount, reset[t], 12);
        }
        Assert.NotEqual(reset[0], loop.LossByPosition(batches, carryState: true)[0], 6);
    }

    [Fact]
    public void Step_gradient_matches_finite_differences_from_the_carried_state()
    {
        var ids = Stream(3 * 13, 4, 5);
        var model = Model(4, hidden: 3);
        var loop = new TruncatedBptt<double>(model, new Sgd<double>(model.parameters(), 1e-12), clipNorm: 1e9);
        var batches = new BpttBatcher(ids, batchSize: 3, steps: 4);
        var (x0, y0) = batches.GetBatch(0);
        loop.TrainStep(x0, y0);                                  // lr 1e-12: weights stay put, the state carries over
        var carried = loop.State!.Detach();
        var (x1, y1) = batches.GetBatch(1);
        loop.TrainStep(x1, y1);
        var gru = (GRU<double>)model.Modules[1];
        var w = gru.named_parameters().First(p => p.name == "weight_hh_l0").parameter;
        double Loss()
        {
            var h = gru.forward(model.Modules[0].forward(Tensor.FromIndices<double>(x1)), carried).Output;
            return new SoftmaxCrossEntropy<double>().forward(model.Modules[2].forward(h), Tensor.FromIndices<double>(y1));
        }
        foreach (int k in new[] { 0, 7, w.Value.Length - 1 })
        {
            double keep = w.Value.Data[k], eps = 1e-6;
            w.Value.Data[k] = keep + eps; double up = Loss();
            w.Value.Data[k] = keep - eps; double down = Loss();
            w.Value.Data[k] = keep;
            Assert.Equal((up - down) / (2 * eps), w.Grad.Data[k], 7);
        }
    }

    [Fact]
    public void Learns_a_repeated_sentence_and_generates_it()
    {
        var vocab = new CharVocabulary("hello world\n");
        var ids = vocab.Encode(string.Concat(Enumerable.Repeat("hello world\n", 40)));
        Rng.ManualSeed(2);
        var model = new Sequential<double>(new Embedding<double>(vocab.Count, 8), new GRU<double>(8, 24, returnSequences: true), new Linear<double>(24, vocab.Count));
        var loop = new TruncatedBptt<double>(model, new Adam<double>(model.parameters(), learningRate: 0.02));
        var batches = new BpttBatcher(ids, batchSize: 4, steps: 12);
        double first = loop.TrainEpoch(batches), last = first;
        for (int e = 0; e < 30; e++) last = loop.TrainEpoch(batches);
        Assert.True(last < 0.1 * first, $"loss {first} → {last}");
        Assert.Equal("lo world\nhello", loop.Generate(vocab, "hel", 14, 0, new Rng(1)));
        Assert.Equal(8, loop.HiddenStates(vocab.Encode("hello wo")).Shape[0]);
    }

    [Fact]
    public void Wrong_model_is_named()
    {
        var model = new Sequential<double>(new Embedding<double>(5, 4), new GRU<double>(4, 3), new Linear<double>(3, 5));
        var e = Assert.Throws<ArgumentException>(() => new TruncatedBptt<double>(model, new Sgd<double>(model.parameters())));
        Assert.Contains("returnSequences", e.Message);
        var two = new Sequential<double>(new Embedding<double>(5, 4), new Linear<double>(4, 5));
        Assert.Contains("Embedding → Linear", Assert.Throws<ArgumentException>(() => new TruncatedBptt<double>(two, new Sgd<double>(two.parameters()))).Message);
    }
}
