using System.Globalization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Bench;

/// <summary>
/// Runs the engine and its peers (Debian's PyTorch through bench/torch_rnn_bench.py, TorchSharp's
/// libtorch in a child process) alternately, case by case and round by round, so all see the same
/// machine conditions, and prints medians, minima and ratios in one table.
/// </summary>
internal static class Compare
{
    private sealed record Peer(string Label, Func<BenchCase, LayerBenchmark.Result> Run);

    public static int Run(IReadOnlyList<BenchCase> cases, int warmup, int repeat, int rounds, int threads, IReadOnlyList<string> peerNames)
    {
        var peers = new List<Peer>();
        string blas = "";
        foreach (var name in peerNames)
        {
            switch (name)
            {
                case "torch":
                    if (!TorchPeer.Available(out string why)) { Console.Error.WriteLine($"Cannot run the PyTorch peer: {why}."); return 1; }
                    peers.Add(new Peer("torch", c =>
                    {
                        var t = TorchPeer.Run(c, warmup, repeat, threads);
                        blas = t.Blas;
                        return new LayerBenchmark.Result(c, t.Seconds, 0, t.PeakMb);
                    }));
                    break;
                case "torchsharp":
                    peers.Add(new Peer("TorchSharp", c => ChildPeer.Run("torchsharp", c, warmup, repeat, threads)));
                    break;
                default:
                    Console.Error.WriteLine($"unknown peer '{name}'; known: torch, torchsharp");
                    return 2;
            }
        }
        Kernels.MaxThreads = threads;
        Console.WriteLine($"Engine vs {string.Join(" and ", peers.Select(p => p.Label))} on the CPU, float32, {threads} threads each, {rounds} rounds × (warmup {warmup} iterations and {Warmup.Seconds} s, repeat {repeat}), each case in a fresh process, alternating.");
        Console.WriteLine(Machine.Describe(threads));
        Console.WriteLine();
        var header = new List<string> { $"{"case",-10}", $"{"ours med",9}", $"{"ours min",9}" };
        foreach (var p in peers)
            header.AddRange([$"{p.Label + " med",15}", $"{p.Label + " min",15}", $"{"ratio med",9}", $"{"ratio min",9}"]);
        header.AddRange([$"{"GFLOP/s",8}", $"{"% peak",7}", $"{"ours MB",8}"]);
        header.AddRange(peers.Select(p => $"{p.Label + " MB",14}"));
        Console.WriteLine(string.Join(" ", header));
        foreach (var c in cases)
        {
            var ours = new List<double>();
            var theirs = peers.Select(_ => new List<double>()).ToList();
            var peaks = new double[peers.Count + 1];
            for (int r = 0; r < rounds; r++)
            {
                var o = ChildPeer.Run("engine", c, warmup, repeat, threads);
                ours.AddRange(o.Seconds); peaks[0] = Math.Max(peaks[0], o.PeakMb);
                for (int k = 0; k < peers.Count; k++)
                {
                    var t = peers[k].Run(c);
                    theirs[k].AddRange(t.Seconds); peaks[k + 1] = Math.Max(peaks[k + 1], t.PeakMb);
                }
            }
            double om = Median(ours), omin = ours.Min();
            var row = new List<string> { $"{c.Name,-10}", F(om, 9, 4), F(omin, 9, 4) };
            foreach (var t in theirs)
            {
                double tm = Median(t), tmin = t.Min();
                row.AddRange([F(tm, 15, 4), F(tmin, 15, 4), F(om / tm, 9, 3), F(omin / tmin, 9, 3)]);
            }
            double gflops = c.Flops / omin / 1e9;
            string pct = (100 * gflops / Machine.MeasuredPeakGflops(threads)).ToString("F1", CultureInfo.InvariantCulture);
            row.AddRange([F(gflops, 8, 2), $"{pct,7}", F(peaks[0], 8, 0)]);
            row.AddRange(peaks.Skip(1).Select(m => F(m, 14, 0)));
            Console.WriteLine(string.Join(" ", row));
        }
        Console.WriteLine();
        Console.WriteLine("ratio = our time / the peer's time (lower is better); GFLOP/s from our min time and the GEMM FLOP count 3·2·B·T·(I+H)·G·H; % peak of the measured peak" +
            (blas == "" ? "." : $"; Debian torch BLAS: {blas}."));
        Console.WriteLine("MB is the peak resident memory of the process that ran the case (each side runs each case in a fresh process; torch's includes ~240 MB for Python and torch, TorchSharp's the .NET runtime and libtorch).");
        return 0;
    }

    private static string F(double v, int width, int decimals) =>
        v.ToString("F" + decimals, CultureInfo.InvariantCulture).PadLeft(width);

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
