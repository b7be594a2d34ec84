using System.Globalization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Bench;

/// <summary>
/// Runs the engine and the PyTorch peer alternately, case by case and round by round, so
/// both see the same machine conditions, and prints medians, minima and ratios.
/// </summary>
internal static class Compare
{
    public static int Run(IReadOnlyList<BenchCase> cases, int warmup, int repeat, int rounds, int threads)
    {
        if (!TorchPeer.Available(out string why))
        {
            Console.Error.WriteLine($"Cannot run the PyTorch peer: {why}.");
            return 1;
        }
        Kernels.MaxThreads = threads;
        Console.WriteLine($"Engine vs PyTorch CPU, float32, {threads} threads each, {rounds} rounds × (warmup {warmup}, repeat {repeat}), alternating.");
        Console.WriteLine(Machine.Describe(threads));
        Console.WriteLine();
        Console.WriteLine($"{"case",-10} {"ours med",9} {"ours min",9} {"torch med",10} {"torch min",10} {"ratio med",10} {"ratio min",10} {"GFLOP/s",8} {"% peak",7} {"ours MB",8} {"torch MB",9} {"alloc MB/it",11}");
        string blas = "";
        foreach (var c in cases)
        {
            var ours = new List<double>(); var theirs = new List<double>();
            double oursPeak = 0, torchPeak = 0; long alloc = 0;
            for (int r = 0; r < rounds; r++)
            {
                var o = LayerBenchmark.Run(c, warmup, repeat);
                ours.AddRange(o.Seconds); oursPeak = Math.Max(oursPeak, o.PeakMb); alloc = o.AllocatedBytesPerIteration;
                var t = TorchPeer.Run(c, warmup, repeat, threads);
                theirs.AddRange(t.Seconds); torchPeak = Math.Max(torchPeak, t.PeakMb); blas = t.Blas;
            }
            double om = Median(ours), tm = Median(theirs), omin = ours.Min(), tmin = theirs.Min();
            double gflops = c.Flops / omin / 1e9;
            string pct = Machine.PeakGflops(threads) is double peak ? (100 * gflops / peak).ToString("F1", CultureInfo.InvariantCulture) : "?";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-10} {om,9:F4} {omin,9:F4} {tm,10:F4} {tmin,10:F4} {om / tm,10:F3} {omin / tmin,10:F3} {gflops,8:F2} {pct,7} {oursPeak,8:F0} {torchPeak,9:F0} {alloc / 1048576.0,11:F1}"));
        }
        Console.WriteLine();
        Console.WriteLine($"ratio = our time / PyTorch's time (lower is better); GFLOP/s from our min time and the GEMM FLOP count 3·2·B·T·(I+H)·G·H; torch BLAS: {blas}.");
        Console.WriteLine("Peak MB is each process's peak resident memory (PyTorch's includes ~240 MB for Python and torch).");
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
