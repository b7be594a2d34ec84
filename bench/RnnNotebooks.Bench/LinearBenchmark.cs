using System.Globalization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Bench;

/// <summary>
/// <c>--linear</c>: one training step (forward, loss mean(y²), backward) of minGRU and minLSTM on both paths against
/// the library's GRU and LSTM and TorchSharp's <c>nn.GRU</c>, at each sequence length, the same batch and hidden size
/// (input = hidden), float32, the same threads. Every contender runs in a fresh process per round, in a rotated order
/// from round to round, so all see the same machine; prints median and min per contender and the speed-ups.
/// </summary>
internal static class LinearBenchmark
{
    private sealed record Contender(string Label, string Peer, string Mode);

    private static readonly Contender[] Contenders =
    [
        new("GRU", "engine", "GRU"), new("LSTM", "engine", "LSTM"),
        new("minGRU seq", "engine", "MINGRU-SEQ"), new("minGRU scan", "engine", "MINGRU-SCAN"),
        new("minLSTM seq", "engine", "MINLSTM-SEQ"), new("minLSTM scan", "engine", "MINLSTM-SCAN"),
        new("TorchSharp GRU", "torchsharp", "GRU"),
    ];

    public static int Run(int[] steps, int batch, int hidden, int warmup, int repeat, int rounds, int threads)
    {
        Kernels.MaxThreads = threads;
        Console.WriteLine($"One training step (forward + backward of mean(y²)), batch {batch}, input = hidden = {hidden}, float32, {threads} threads each, " +
                          $"{rounds} rounds × (warmup {warmup} iterations and {Warmup.Seconds} s, repeat {repeat}), each in a fresh process, alternating.");
        Console.WriteLine(Machine.Describe(threads));
        Console.WriteLine();
        Console.WriteLine($"{"T",5} " + string.Join(" ", Contenders.Select(c => $"{c.Label + " med/min s",26}")) + $" {"minGRU scan vs GRU",19} {"vs TorchSharp",14}");
        foreach (int t in steps)
        {
            var times = Contenders.Select(_ => new List<double>()).ToArray();
            for (int r = 0; r < rounds; r++)
                for (int k = 0; k < Contenders.Length; k++)
                {
                    int j = (k + r) % Contenders.Length;                 // rotate the order from round to round
                    var c = Contenders[j];
                    var bc = BenchCase.Find(BenchCase.LinearName(c.Mode, batch, t, hidden))!;
                    times[j].AddRange(ChildPeer.Run(c.Peer, bc, warmup, repeat, threads).Seconds);
                }
            double Med(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            var cells = Contenders.Select((c, j) => string.Create(CultureInfo.InvariantCulture, $"{Med(times[j]),12:F4} / {times[j].Min(),11:F4}"));
            int gru = 0, scan = 3, torchGru = 6;
            string Ratio(int a, int b) => string.Create(CultureInfo.InvariantCulture, $"{Med(times[a]) / Med(times[b]):F1}×/{times[a].Min() / times[b].Min():F1}×");
            Console.WriteLine($"{t,5} " + string.Join(" ", cells) + $" {Ratio(gru, scan),19} {Ratio(torchGru, scan),14}");
        }
        Console.WriteLine("\nspeed-ups are time(peer) / time(minGRU scan), medians / minima.");
        return 0;
    }
}
