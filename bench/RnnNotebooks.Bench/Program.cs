using System.Globalization;
using System.Text.Json;
using RnnNotebooks.Bench;
using RnnNotebooks.Tensors;

// Benchmarks of the from-scratch engine; see bench/README.md.
//   dotnet run -c Release --project bench/RnnNotebooks.Bench -- [--compare [--peers torch,torchsharp]] [--case NAME]... [--warmup N] [--warmup-seconds S] [--repeat N] [--rounds N] [--threads N] [--json]
//   dotnet run -c Release --project bench/RnnNotebooks.Bench -- --imdb-epoch [--epochs N] [--kind rnn|lstm|gru]
//   dotnet run -c Release --project bench/RnnNotebooks.Bench -- --linear [--steps 64,256,1024,4096] [--batch N] [--hidden N] [--threads N] [--rounds N] [--repeat N]
var cases = new List<BenchCase>();
int warmup = 3, repeat = 5, rounds = 3, threads = Environment.ProcessorCount, epochs = 2;
bool json = false, compare = false, imdb = false, linear = false;
int linearBatch = 16, linearHidden = 64;
int[] linearSteps = [64, 256, 1024, 4096];
string kind = "rnn", peer = "", peers = "torch,torchsharp";
for (int i = 0; i < args.Length; i++)
{
    int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--case":
            string name = args[++i];
            var c = BenchCase.Find(name);
            if (c is null) { Console.Error.WriteLine($"unknown case '{name}'; known: {string.Join(", ", BenchCase.All.Select(b => b.Name))}"); return 2; }
            cases.Add(c);
            break;
        case "--warmup": warmup = Next(); break;
        case "--warmup-seconds": Warmup.Seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--repeat": repeat = Next(); break;
        case "--rounds": rounds = Next(); break;
        case "--threads": threads = Next(); break;
        case "--epochs": epochs = Next(); break;
        case "--kind": kind = args[++i]; break;
        case "--json": json = true; break;
        case "--compare": compare = true; break;
        case "--imdb-epoch": imdb = true; break;
        case "--peers": peers = args[++i]; break;
        case "--linear": linear = true; break;
        case "--steps": linearSteps = args[++i].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--batch": linearBatch = Next(); break;
        case "--hidden": linearHidden = Next(); break;
        case "--peer": peer = args[++i]; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: [--compare [--peers torch,torchsharp]] [--case NAME]... [--warmup N] [--warmup-seconds S] [--repeat N] [--rounds N] [--threads N] [--json] | --imdb-epoch [--epochs N] [--kind rnn|lstm|gru] | --linear [--steps 64,256,1024,4096] [--batch N] [--hidden N]");
            return 2;
    }
}
if (cases.Count == 0) cases.AddRange(BenchCase.All);
Kernels.MaxThreads = threads;
if (imdb) return ImdbEpoch.Run(epochs, kind);
if (peer != "" && !ChildPeer.Names.Contains(peer)) { Console.Error.WriteLine($"unknown peer '{peer}'; known: {string.Join(", ", ChildPeer.Names)}"); return 2; }
if (peer != "") return ChildPeer.Serve(peer, cases, warmup, repeat, threads);
if (linear) return LinearBenchmark.Run(linearSteps, linearBatch, linearHidden, warmup, repeat, rounds, threads);
if (compare) return Compare.Run(cases, warmup, repeat, rounds, threads, peers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

if (!json) Console.WriteLine($"RnnNotebooks engine, {threads} threads, float32, warmup {warmup} iterations and {Warmup.Seconds} s, repeat {repeat}; {Machine.Describe(threads)}\n" +
    $"{"case",-10} {"B",4} {"T",4} {"I",4} {"H",4} {"median s",9} {"min s",8} {"GFLOP/s",8} {"alloc MB/it",11} {"peak MB",8} {"% peak",7} {"cpu med s",9} {"cpu min s",9}");
foreach (var c in cases)
{
    var r = LayerBenchmark.Run(c, warmup, repeat);
    if (json)
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            @case = c.Name, mode = c.Mode, batch = c.Batch, steps = c.Steps, input = c.Input, hidden = c.Hidden,
            threads, times_s = r.Seconds, median_s = r.Median, min_s = r.Min,
            peak_rss_mb = Math.Round(r.PeakMb, 1), flops = c.Flops, allocated_bytes_per_iteration = r.AllocatedBytesPerIteration,
            cpu_s = r.CpuSeconds, cpu_median_s = r.CpuMedian, cpu_min_s = r.CpuMin,
        }));
    else
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name,-10} {c.Batch,4} {c.Steps,4} {c.Input,4} {c.Hidden,4} {r.Median,9:F4} {r.Min,8:F4} {c.Flops / r.Min / 1e9,8:F2} {r.AllocatedBytesPerIteration / 1048576.0,11:F1} {r.PeakMb,8:F1} {100 * c.Flops / r.Min / 1e9 / Machine.MeasuredPeakGflops(threads),7:F1} {r.CpuMedian,9:F4} {r.CpuMin,9:F4}"));
}
return 0;
