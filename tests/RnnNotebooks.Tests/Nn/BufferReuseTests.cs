using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Nn;

/// <summary>
/// A recurrent layer's buffers grow to the largest batch seen and are reused by smaller ones; results
/// never depend on which batches ran before, and <see cref="Module{T}.ReleaseBuffers"/> gives the buffers back.
/// </summary>
public class BufferReuseTests
{
    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void A_batch_gives_the_same_bits_after_larger_and_longer_batches_as_in_a_fresh_layer(string kind)
    {
        // Two layers, both directions, dropout between them: every buffer of the stack is in use.
        RNNBase<double> Fresh()
        {
            var l = LayerGradientTests.Make(kind, 5, 6, layers: 2, bidir: true, seq: true);
            l.Dropout = 0.3;
            l.ManualSeedDropout(4);
            return l;
        }
        (double[] Y, double[] Dx, double[][] Grads) Pass(RNNBase<double> layer, int batch, int steps, ulong seed)
        {
            layer.zero_grad();
            var x = Tensor.Normal<double>(new Rng(seed), 0, 1, batch, steps, 5);
            var y = layer.forward(x);
            var dx = layer.backward(Tensor.Normal<double>(new Rng(seed + 1), 0, 1, y.Shape));
            return (y.Data, dx.Data, layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray());
        }
        var used = Fresh();
        var template = Fresh();
        used.load_state_dict(template.state_dict());
        Pass(used, 9, 12, 1);        // larger and longer than the batch below
        Pass(used, 2, 3, 3);
        used.ManualSeedDropout(4);
        var again = Pass(used, 4, 7, 5);
        var fresh = Pass(template, 4, 7, 5);
        Assert.Equal(fresh.Y, again.Y);
        Assert.Equal(fresh.Dx, again.Dx);
        for (int i = 0; i < fresh.Grads.Length; i++) Assert.Equal(fresh.Grads[i], again.Grads[i]);

        used.ReleaseBuffers();
        var e = Assert.Throws<InvalidOperationException>(() => used.backward(new Tensor<double>(4, 7, 12)));
        Assert.Contains("forward", e.Message);
        used.ManualSeedDropout(4);
        var afterRelease = Pass(used, 4, 7, 5);
        Assert.Equal(fresh.Y, afterRelease.Y);
        Assert.Equal(fresh.Dx, afterRelease.Dx);
    }

    [Fact]
    public void A_trainer_leaves_the_model_holding_no_buffers_after_a_fit()
    {
        var model = new Sequential<double>(new LSTM<double>(3, 4), new Linear<double>(4, 1));
        var trainer = new Trainer<double>(model, new MeanSquaredError<double>(), new Sgd<double>(model.parameters(), 0.01));
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, 16, 5, 3);
        var y = Tensor.Normal<double>(new Rng(2), 0, 1, 16, 1);
        trainer.Fit(x, y, new FitOptions { Epochs = 1, BatchSize = 8, Verbose = false });
        // Released: a backward without a new forward finds nothing to read.
        Assert.Throws<InvalidOperationException>(() => model.backward(new Tensor<double>(8, 1)));
        // and the model still predicts what it predicted before the release.
        var p1 = trainer.Predict(x, 16);
        var p2 = model.eval().forward(x);
        Assert.Equal(p2.Data, p1.Data);
    }
}
