using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Nn;

/// <summary>The time loop allocates nothing: a call allocates only the tensors it returns.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Forward_and_backward_allocate_only_their_results_whatever_the_length(string kind)
    {
        long AllocatedPerIteration(int steps)
        {
            var layer = LayerGradientTests.Make(kind, 8, 16, layers: 2, bidir: true, seq: true).CloneArchitecture();
            var x = new Tensor<double>(32, steps, 8);
            var dy = new Tensor<double>(32, steps, 32);
            for (int warm = 0; warm < 2; warm++) { layer.forward(x); layer.backward(dy); }
            long before = GC.GetAllocatedBytesForCurrentThread();
            layer.forward(x);
            layer.backward(dy);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        int saved = Kernels.MaxThreads;
        Kernels.MaxThreads = 1;   // keep all work on this thread so its allocation counter sees everything
        try
        {
            long shortRun = AllocatedPerIteration(20), longRun = AllocatedPerIteration(220);
            // The results grow by 200 steps × 32 rows × (32 output + 8 input-gradient) doubles; nothing else may grow.
            long results = 200L * 32 * (32 + 8) * sizeof(double);
            Assert.InRange(longRun - shortRun, results - 4096, results + 4096);
            // Besides the results, a call allocates only small per-call objects (states, shapes).
            Assert.True(shortRun < 20L * 32 * 40 * sizeof(double) + 256 * 1024, $"{kind}: {shortRun} bytes for 20 steps");
        }
        finally { Kernels.MaxThreads = saved; }
    }
}
