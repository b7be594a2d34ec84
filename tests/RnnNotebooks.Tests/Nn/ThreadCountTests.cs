using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Nn;

/// <summary>Results do not depend on how many threads the kernels use: every element is computed in one fixed order.</summary>
public class ThreadCountTests
{
    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Outputs_and_gradients_are_bitwise_equal_for_one_and_several_threads(string kind)
    {
        (float[] Out, float[] Dx, float[][] Grads) Run(int threads)
        {
            int saved = Kernels.MaxThreads;
            Kernels.MaxThreads = threads;
            try
            {
                Rng.ManualSeed(5);
                var layer = kind switch
                {
                    "rnn_tanh" => (RnnNotebooks.Nn.RNNBase<float>)new RnnNotebooks.Nn.RNN<float>(24, 40, 2, true, true),
                    "lstm" => new RnnNotebooks.Nn.LSTM<float>(24, 40, 2, true, true),
                    _ => new RnnNotebooks.Nn.GRU<float>(24, 40, 2, true, true),
                };
                var x = Tensor.Normal<float>(new Rng(1), 0, 1, 96, 30, 24);
                var y = layer.forward(x);
                var dx = layer.backward(Tensor.Normal<float>(new Rng(2), 0, 1, y.Shape));
                return (y.Data, dx.Data, layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray());
            }
            finally { Kernels.MaxThreads = saved; }
        }
        var one = Run(1);
        var four = Run(4);
        Assert.Equal(one.Out, four.Out);
        Assert.Equal(one.Dx, four.Dx);
        for (int i = 0; i < one.Grads.Length; i++) Assert.Equal(one.Grads[i], four.Grads[i]);
    }

    [Theory]
    [InlineData("mingru")]
    [InlineData("minlstm")]
    public void The_minimal_layers_scan_gives_the_same_bits_for_one_and_several_threads(string kind)
    {
        // 32 × 256 × 128 elements: above the size at which the one-block scan splits its rows over threads.
        (float[] Out, float[] Dx, float[][] Grads) Run(int threads)
        {
            int saved = Kernels.MaxThreads;
            Kernels.MaxThreads = threads;
            try
            {
                Rng.ManualSeed(5);
                RnnNotebooks.Nn.LinearRecurrence<float> layer = kind == "mingru"
                    ? new RnnNotebooks.Nn.MinGRU<float>(16, 128, returnSequences: true)
                    : new RnnNotebooks.Nn.MinLSTM<float>(16, 128, returnSequences: true);
                Assert.Null(layer.ScanBlocks);                                   // the default: chosen from the batch
                var x = Tensor.Normal<float>(new Rng(1), 0, 1, 32, 256, 16);
                var y = layer.forward(x);
                var dx = layer.backward(Tensor.Normal<float>(new Rng(2), 0, 1, y.Shape));
                return (y.Data, dx.Data, layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray());
            }
            finally { Kernels.MaxThreads = saved; }
        }
        var one = Run(1);
        var three = Run(3);
        Assert.Equal(one.Out, three.Out);
        Assert.Equal(one.Dx, three.Dx);
        for (int i = 0; i < one.Grads.Length; i++) Assert.Equal(one.Grads[i], three.Grads[i]);
    }
}
