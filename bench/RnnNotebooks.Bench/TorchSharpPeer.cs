using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RnnNotebooks.Bench;

/// <summary>Runs this program again as the TorchSharp peer (<c>--peer torchsharp</c>) for one case and reads its JSON line.</summary>
internal static class TorchSharpPeer
{
    public static LayerBenchmark.Result Run(BenchCase c, int warmup, int repeat, int threads)
    {
        string host = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(TorchSharpPeer).Assembly.Location);
        foreach (var a in new[] { "--peer", "torchsharp", "--case", c.Name, "--warmup", warmup.ToString(CultureInfo.InvariantCulture),
                     "--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"TorchSharp peer failed for {c.Name}: {stderr.Result}");
        using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        return new LayerBenchmark.Result(c, r.GetProperty("times_s").EnumerateArray().Select(e => e.GetDouble()).ToArray(), 0,
            r.GetProperty("peak_rss_mb").GetDouble());
    }

    /// <summary>The peer's side: runs the case and prints one JSON line.</summary>
    public static int Serve(IReadOnlyList<BenchCase> cases, int warmup, int repeat, int threads)
    {
        foreach (var c in cases)
        {
            var r = TorchSharpBenchmark.Run(c, warmup, repeat, threads);
            Console.WriteLine(JsonSerializer.Serialize(new { @case = c.Name, threads, times_s = r.Seconds, peak_rss_mb = Math.Round(r.PeakMb, 1) }));
        }
        return 0;
    }
}
