using System.Diagnostics;
using RnnNotebooks.Torch.Models;
using TorchSharp;

namespace RnnNotebooks.Bench;

/// <summary>
/// The TorchSharp peer, run in its own process (<c>--peer torchsharp</c>): the iteration of
/// bench/torch_rnn_bench.py with libtorch from TorchSharp on the CPU.
/// </summary>
internal static class TorchSharpBenchmark
{
    public static LayerBenchmark.Result Run(BenchCase c, int warmup, int repeat, int threads)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        var kind = c.Mode switch { "RNN" => RecurrentKind.Rnn, "LSTM" => RecurrentKind.Lstm, _ => RecurrentKind.Gru };
        using var layer = Recurrent.Create(kind, c.Input, c.Hidden, device: torch.CPU);
        using var x = torch.randn(c.Batch, c.Steps, c.Input).requires_grad_();
        void Iteration()
        {
            using (torch.NewDisposeScope())
            {
                layer.zero_grad();
                x.grad?.zero_();
                var (y, _, _) = Recurrent.Forward(layer, x);
                y.pow(2).mean().backward();
            }
        }
        Warmup.Run(warmup, Iteration);
        var times = new double[repeat];
        for (int i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            Iteration();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        return new LayerBenchmark.Result(c, times, 0, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
    }
}
