using System.Globalization;
using System.Text.Json;
using RnnNotebooks.Bench;

// Recurrent-layer benchmark of the from-scratch engine; see bench/README.md.
//   dotnet run -c Release --project bench/RnnNotebooks.Bench -- [--case NAME]... [--warmup N] [--repeat N] [--json]
var cases = new List<BenchCase>();
int warmup = 2, repeat = 5;
bool json = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--case":
            var c = BenchCase.All.FirstOrDefault(b => b.Name == args[++i])
                ?? throw new ArgumentException($"unknown case '{args[i]}'; known: {string.Join(", ", BenchCase.All.Select(b => b.Name))}");
            cases.Add(c);
            break;
        case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--json": json = true; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: [--case NAME]... [--warmup N] [--repeat N] [--json]");
            return 2;
    }
}
if (cases.Count == 0) cases.AddRange(BenchCase.All);

if (!json) Console.WriteLine($"RnnNotebooks engine, {Environment.ProcessorCount} cores, float32, warmup {warmup}, repeat {repeat}\n" +
    $"{"case",-10} {"B",4} {"T",4} {"I",4} {"H",4} {"median s",9} {"min s",8} {"GFLOP/s",8} {"alloc MB/it",11} {"peak MB",8}");
foreach (var c in cases)
{
    var r = LayerBenchmark.Run(c, warmup, repeat);
    if (json)
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            @case = c.Name, mode = c.Mode, batch = c.Batch, steps = c.Steps, input = c.Input, hidden = c.Hidden,
            threads = Environment.ProcessorCount, times_s = r.Seconds, median_s = r.Median, min_s = r.Min,
            peak_rss_mb = Math.Round(r.PeakMb, 1), flops = c.Flops, allocated_bytes_per_iteration = r.AllocatedBytesPerIteration,
        }));
    else
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name,-10} {c.Batch,4} {c.Steps,4} {c.Input,4} {c.Hidden,4} {r.Median,9:F4} {r.Min,8:F4} {c.Flops / r.Min / 1e9,8:F2} {r.AllocatedBytesPerIteration / 1048576.0,11:F1} {r.PeakMb,8:F1}"));
}
return 0;
