using System.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Bench;

/// <summary>Times forward + backward of out.pow(2).mean() for one case, as the PyTorch peer does.</summary>
internal static class LayerBenchmark
{
    /// <summary>Per iteration: wall-clock seconds and the process's CPU seconds (all threads, <see cref="CpuTime"/>).</summary>
    public sealed record Result(BenchCase Case, double[] Seconds, long AllocatedBytesPerIteration, double PeakMb, double[]? CpuSeconds = null)
    {
        public double Median => Seconds.Order().ElementAt(Seconds.Length / 2);
        public double Min => Seconds.Min();
        public double CpuMedian => CpuSeconds is null ? double.NaN : CpuSeconds.Order().ElementAt(CpuSeconds.Length / 2);
        public double CpuMin => CpuSeconds is null ? double.NaN : CpuSeconds.Min();
    }

    public static Result Run(BenchCase c, int warmup, int repeat)
    {
        Rng.ManualSeed(0);
        Module<float> layer = c.Mode switch
        {
            "RNN" => new RNN<float>(c.Input, c.Hidden, returnSequences: true),
            "LSTM" => new LSTM<float>(c.Input, c.Hidden, returnSequences: true),
            "MINGRU-SEQ" => new MinGRU<float>(c.Input, c.Hidden, returnSequences: true) { Path = ScanPath.Sequential },
            "MINGRU-SCAN" => new MinGRU<float>(c.Input, c.Hidden, returnSequences: true) { Path = ScanPath.Scan },
            "MINLSTM-SEQ" => new MinLSTM<float>(c.Input, c.Hidden, returnSequences: true) { Path = ScanPath.Sequential },
            "MINLSTM-SCAN" => new MinLSTM<float>(c.Input, c.Hidden, returnSequences: true) { Path = ScanPath.Scan },
            _ => new GRU<float>(c.Input, c.Hidden, returnSequences: true),
        };
        var x = Tensor.Normal<float>(new Rng(1), 0, 1, c.Batch, c.Steps, c.Input);
        var times = new double[repeat];
        var cpu = new double[repeat];
        long allocated = 0;
        Warmup.Run(warmup, () => Iteration(layer, x));
        for (int i = 0; i < repeat; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            double cpuBefore = CpuTime.ProcessSeconds();
            var sw = Stopwatch.StartNew();
            Iteration(layer, x);
            sw.Stop();
            cpu[i] = CpuTime.ProcessSeconds() - cpuBefore;
            times[i] = sw.Elapsed.TotalSeconds; allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return new Result(c, times, allocated, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, cpu);
    }

    private static void Iteration(Module<float> layer, Tensor<float> x)
    {
        layer.zero_grad();
        var y = layer.forward(x);
        // loss = mean(y²) → ∂loss/∂y = 2y / n
        var dy = new Tensor<float>(y.Shape);
        float scale = 2f / y.Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(y.Data, scale, dy.Data);
        layer.backward(dy);
    }
}
