using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Nn;

/// <summary>
/// Inside a <see cref="Sequential{T}"/> a child's output that only the next child reads, and a gradient that only the
/// child before reads, live in arrays reused from batch to batch (<see cref="Module{T}.OutputIsTransient"/>): a training
/// step allocates no [batch, steps, features] tensor, the numbers are those of fresh modules, and nothing a caller holds
/// is ever overwritten.
/// </summary>
public class TransientResultTests
{
    private const int Vocab = 50, Dim = 16, Hidden = 8, Batch = 16, Steps = 40;

    private static Tensor<float> Ids(ulong seed)
    {
        var rng = new Rng(seed);
        var x = new Tensor<float>(Batch, Steps);
        for (int i = 0; i < x.Length; i++) x.Data[i] = (float)(rng.NextUInt64() % Vocab);
        return x;
    }

    private static Sequential<float> Model(ulong seed)
    {
        Rng.ManualSeed(seed);
        return new Sequential<float>(new Embedding<float>(Vocab, Dim), new RNN<float>(Dim, Hidden), new Linear<float>(Hidden, 1));
    }

    [Fact]
    public void A_training_step_in_steady_state_allocates_less_than_one_embedded_batch()
    {
        var model = Model(1);
        var trainer = new Trainer<float>(model, new BinaryCrossEntropyWithLogits<float>(), new RmsProp<float>(model.parameters()));
        var x = Ids(2);
        var y = new Tensor<float>(Batch, 1);
        for (int b = 0; b < Batch; b += 2) y.Data[b] = 1;
        int saved = Kernels.MaxThreads;
        Kernels.MaxThreads = 1;   // all work on this thread, so its allocation counter sees everything
        try
        {
            for (int warm = 0; warm < 3; warm++) trainer.TrainStep(x, y);
            long before = GC.GetAllocatedBytesForCurrentThread();
            trainer.TrainStep(x, y);
            long step = GC.GetAllocatedBytesForCurrentThread() - before;
            // The embedding's output and the RNN's input gradient are [16, 40, 16] floats each (40 KB); a step that
            // allocated either would exceed this.
            long embedded = (long)Batch * Steps * Dim * sizeof(float);
            Assert.True(step < embedded, $"a training step allocated {step:N0} bytes; one embedded batch is {embedded:N0}");
        }
        finally { Kernels.MaxThreads = saved; }
    }

    [Fact]
    public void Reused_arrays_give_the_bits_of_a_fresh_model_on_every_batch()
    {
        var used = Model(3);
        var template = Model(3);
        used.load_state_dict(template.state_dict());
        used.forward(Ids(4));                                    // a pass whose arrays the next passes reuse
        used.backward(new Tensor<float>(Batch, 1));
        used.zero_grad();
        var x = Ids(5);
        var dy = Tensor.Normal<float>(new Rng(6), 0, 1, Batch, 1);
        var (y1, y2) = (used.forward(x), template.forward(x));
        Assert.Equal(y2.Data, y1.Data);
        used.backward(dy); template.backward(dy);
        foreach (var ((name, p), (_, q)) in used.named_parameters().Zip(template.named_parameters()))
            Assert.True(p.Grad.Data.AsSpan().SequenceEqual(q.Grad.Data), $"{name}: gradients differ");
    }

    [Fact]
    public void A_child_called_directly_returns_a_tensor_the_next_call_leaves_alone()
    {
        var model = Model(7);
        model.forward(Ids(8));                                   // the embedding has a reusable array now
        var embedding = (Embedding<float>)model.Modules[0];
        var first = embedding.forward(Ids(9));
        var copy = first.Data.ToArray();
        embedding.forward(Ids(10));
        model.forward(Ids(11));
        Assert.Equal(copy, first.Data);
    }

    [Fact]
    public void A_model_whose_last_child_passes_its_input_through_returns_its_own_copy()
    {
        Rng.ManualSeed(12);
        var model = new Sequential<float>(new Embedding<float>(Vocab, Dim), new PassThrough());
        var first = model.forward(Ids(13));
        var copy = first.Data.ToArray();
        model.forward(Ids(14));
        Assert.Equal(copy, first.Data);
        var g = Tensor.Normal<float>(new Rng(15), 0, 1, Batch, Steps, Dim);
        var dx = model.backward(g);
        Assert.Equal(new[] { Batch, Steps }, dx.Shape);
    }

    [Fact]
    public void A_rejected_batch_leaves_the_last_pass_ready_for_its_backward()
    {
        var model = Model(16);
        var reference = Model(16);
        reference.load_state_dict(model.state_dict());
        var x = Ids(17);
        var dy = Tensor.Normal<float>(new Rng(18), 0, 1, Batch, 1);
        model.forward(x);
        var bad = Ids(19);
        bad.Data[^1] = Vocab + 3;                                   // the last id is out of range: everything before it is valid
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.forward(bad));
        Assert.Contains("token id 53", e.Message);
        model.backward(dy);
        reference.forward(x);
        reference.backward(dy);
        Assert.Equal(reference.parameters()[0].Grad.Data, model.parameters()[0].Grad.Data);
    }

    /// <summary>A module that returns its input unchanged (as a user-written identity might).</summary>
    private sealed class PassThrough() : Module<float>("pass")
    {
        public override Tensor<float> forward(Tensor<float> input) => input;
        public override Tensor<float> backward(Tensor<float> outputGradient) => outputGradient;
        public override int[] OutputShape(int[] inputShape) => inputShape;
    }
}
