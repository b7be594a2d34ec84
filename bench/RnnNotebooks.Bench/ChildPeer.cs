using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RnnNotebooks.Bench;

/// <summary>
/// Runs one case of one side in a fresh process of this program (<c>--peer engine</c> or
/// <c>--peer torchsharp</c>) and reads its JSON line, so each side's peak memory is its own for
/// that case and no side inherits another's heap, JIT state or threads. The children run with
/// non-concurrent GC and GCConserveMemory=5 (bench/README.md).
/// </summary>
internal static class ChildPeer
{
    public static readonly string[] Names = ["engine", "torchsharp"];

    public static LayerBenchmark.Result Run(string peer, BenchCase c, int warmup, int repeat, int threads)
    {
        string host = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(ChildPeer).Assembly.Location);
        foreach (var a in new[] { "--peer", peer, "--case", c.Name, "--warmup", warmup.ToString(CultureInfo.InvariantCulture),
                     "--warmup-seconds", Warmup.Seconds.ToString(CultureInfo.InvariantCulture),
                     "--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        // The cases keep every core busy, so a background GC thread would take a core from them;
        // and with default settings the GC lets the results of earlier iterations pile up to
        // hundreds of MB before it collects them. Both sides get the same settings.
        psi.Environment["DOTNET_gcConcurrent"] = "0";
        psi.Environment["DOTNET_GCConserveMemory"] = "5";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"the {peer} peer failed for {c.Name}: {stderr.Result}");
        using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        return new LayerBenchmark.Result(c, r.GetProperty("times_s").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            r.GetProperty("allocated_bytes_per_iteration").GetInt64(), r.GetProperty("peak_rss_mb").GetDouble());
    }

    /// <summary>The child's side: runs the cases and prints one JSON line each.</summary>
    public static int Serve(string peer, IReadOnlyList<BenchCase> cases, int warmup, int repeat, int threads)
    {
        foreach (var c in cases)
        {
            var r = peer == "engine" ? LayerBenchmark.Run(c, warmup, repeat) : TorchSharpBenchmark.Run(c, warmup, repeat, threads);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                @case = c.Name, threads, times_s = r.Seconds, peak_rss_mb = Math.Round(r.PeakMb, 1),
                allocated_bytes_per_iteration = r.AllocatedBytesPerIteration,
            }));
        }
        return 0;
    }
}
