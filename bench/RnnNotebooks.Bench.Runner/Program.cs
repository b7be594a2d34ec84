// Runner latency: how long a notebook's first cell (library reference and setup) and a small later
// cell take in one or more builds of the runner, run alternately, median and min. A program, not a test.
//
//   dotnet run -c Release --project bench/RnnNotebooks.Bench.Runner -- \
//     --runner after=src/RnnNotebooks.Runner/bin/Release/net10.0/rnn-notebooks.dll=. [--runner before=...=<repo>] [--runs 7]
//
// Each runner is "label=runner dll=repository": the notebook's first cell is the reference cell of
// <repository>/notebooks/00-setup.ipynb (its #r paths made absolute), followed by small cells.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

var runners = new List<(string Label, string Dll, string Repository)>();
var runs = 7;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runner":
            var parts = args[++i].Split('=');
            runners.Add((parts[0], Path.GetFullPath(parts[1]), Path.GetFullPath(parts[2])));
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}
if (runners.Count == 0)
{
    Console.Error.WriteLine("name at least one --runner label=rnn-notebooks.dll=repository");
    return 2;
}

const int SmallCells = 5;
var samples = runners.ToDictionary(r => r.Label, _ => (First: new List<double>(), Small: new List<double>(), Process: new List<double>()));
var folder = Directory.CreateTempSubdirectory("runner-latency-").FullName;
for (var run = 0; run < runs; run++)
{
    foreach (var (label, dll, repository) in runners)
    {
        var notebook = Path.Combine(folder, $"{label}.ipynb");
        File.WriteAllText(notebook, BenchNotebook(repository).ToJsonString());
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "run", notebook, "-o", Path.Combine(folder, "out"), "--plain", "-v" }, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var cells = Regex.Matches(output, @"cell (\d+): ([\d.]+) ms").Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToArray();
        if (process.ExitCode != 0 || cells.Length != SmallCells + 1)
        {
            Console.Error.WriteLine($"{label}: the bench notebook failed:\n{output}");
            return 1;
        }
        samples[label].First.Add(cells[0]);
        samples[label].Small.AddRange(cells[2..]);
        samples[label].Process.Add(clock.Elapsed.TotalMilliseconds);
    }
}

Console.WriteLine($"runner latency, {runs} runs per runner, alternating; median / min in ms (cell times as the runner's -v reports them)");
Console.WriteLine($"{"runner",-10} {"first cell",20} {"small later cell",20} {"whole process",20}");
foreach (var (label, _, _) in runners)
{
    var s = samples[label];
    Console.WriteLine($"{label,-10} {Stat(s.First),20} {Stat(s.Small),20} {Stat(s.Process),20}");
}
return 0;

static string Stat(List<double> values)
{
    var sorted = values.Order().ToArray();
    var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    return string.Create(CultureInfo.InvariantCulture, $"{median:0} / {sorted[0]:0}");
}

// The reference cell of 00-setup (the first code cell that #r's the library), then small cells.
static JsonObject BenchNotebook(string repository)
{
    var setup = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "notebooks", "00-setup.ipynb")))!;
    var reference = setup["cells"]!.AsArray()
        .Select(c => c!)
        .First(c => c["cell_type"]!.GetValue<string>() == "code" && Text(c).TrimStart().StartsWith("#r", StringComparison.Ordinal));
    var source = Text(reference).Replace("\"../", $"\"{repository}/", StringComparison.Ordinal);
    var cells = new JsonArray(Cell("reference", source), Cell("x", "var x = 1;"));
    for (var i = 0; i < SmallCells - 1; i++)
    {
        cells.Add(Cell($"small{i}", $"x = x + {i};\nConsole.WriteLine(x);"));
    }
    return new JsonObject
    {
        ["cells"] = cells,
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    static string Text(JsonNode cell) => cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : cell["source"]!.GetValue<string>();

    static JsonObject Cell(string id, string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id,
        ["metadata"] = new JsonObject(),
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };
}
