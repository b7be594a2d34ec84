// Times loading the 25,000 IMDB training reviews and encoding them with the Keras word index
// (num_words = 10,000), as a notebook's first cell does. Usage:
//   dotnet run -c Release --project bench/RnnNotebooks.Bench.Data [-- runs [dataRoot]]
using System.Diagnostics;
using System.Globalization;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Imdb;

int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string? root = args.Length > 1 ? args[1] : null;
Console.WriteLine($"Data root: {DataRoot.Describe(root)}");
Console.WriteLine($"IMDB source: {ImdbLoader.FindSource(root) ?? "(none: the benchmark needs the real data)"}");
var options = new KerasImdbOptions { NumWords = 10_000 };

var times = new List<double>();
for (int run = 0; run <= runs; run++)
{
    var sw = Stopwatch.StartNew();
    var index = KerasImdb.LoadWordIndex(root);
    var train = ImdbLoader.Load(root, requireRealData: true).Train;
    long tokens = 0;
    foreach (var review in train.Reviews)
        tokens += KerasImdb.EncodeText(review.Text, index, options).Length;
    sw.Stop();
    if (run == 0) { Console.WriteLine($"warm-up: {sw.Elapsed.TotalSeconds:F2} s ({train.Count:N0} reviews, {tokens:N0} ids)"); continue; }
    times.Add(sw.Elapsed.TotalSeconds);
    Console.WriteLine($"run {run}: {sw.Elapsed.TotalSeconds:F2} s");
}
times.Sort();
Console.WriteLine($"Load + Keras-encode 25k IMDB train reviews (includes the 2x25k CSV parse and word index): median {times[times.Count / 2]:F2} s, min {times[0]:F2} s over {runs} runs");

// Also the all-in-one Keras call (both splits, shuffle, num_words) once.
var all = Stopwatch.StartNew();
var keras = KerasImdb.LoadData(options, root, requireRealData: true);
all.Stop();
Console.WriteLine($"KerasImdb.LoadData(num_words=10000), train + test: {all.Elapsed.TotalSeconds:F2} s, mean length {keras.XTrain.Average(x => x.Length):F2} (train, Keras: 238.71), {keras.XTest.Average(x => x.Length):F2} (test) ids");
var plain = KerasImdb.Encode(ImdbLoader.Load(root), keras.WordIndex, options with { Normalizer = RnnNotebooks.Data.Sequences.TextNormalizer.Default, DropUnknownWords = false });
Console.WriteLine($"With TextNormalizer.Default (<br /> removed, unknown words as OOV): mean length {plain.XTrain.Average(x => x.Length):F2} (train), {plain.XTest.Average(x => x.Length):F2} (test) ids");
