using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RnnNotebooks.Bench;

/// <summary>Runs bench/torch_rnn_bench.py for one case and reads its JSON line.</summary>
internal static class TorchPeer
{
    public sealed record Result(double[] Seconds, double PeakMb, string Blas);

    /// <summary>Debian's interpreter, which has python3-torch (the python3 first on PATH may not).</summary>
    public const string Python = "/usr/bin/python3";

    public static bool Available(out string why)
    {
        why = "";
        if (!File.Exists(Python)) { why = $"{Python} not found"; return false; }
        if (Script() is null) { why = "bench/torch_rnn_bench.py not found above the working directory"; return false; }
        var probe = Process.Start(new ProcessStartInfo(Python, "-c \"import torch\"") { RedirectStandardError = true, UseShellExecute = false })!;
        probe.WaitForExit();
        if (probe.ExitCode != 0) { why = "python3-torch is not installed (apt-get install -y python3-torch)"; return false; }
        return true;
    }

    public static Result Run(BenchCase c, int warmup, int repeat, int threads)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Script()!, "--case", c.Name, "--warmup", warmup.ToString(CultureInfo.InvariantCulture),
                     "--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture), "--json" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"torch_rnn_bench.py failed for {c.Name}: {stderr}");
        using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        return new Result(r.GetProperty("times_s").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            r.GetProperty("peak_rss_mb").GetDouble(), r.TryGetProperty("blas", out var b) ? b.GetString() ?? "" : "");
    }

    private static string? Script()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "bench", "torch_rnn_bench.py");
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
