using System.Diagnostics;

namespace RnnNotebooks.Bench;

/// <summary>
/// Warm-up before timing: a number of iterations and a minimum time, because .NET compiles hot
/// methods again, optimised, only after they have run for a while (tiered compilation); a few
/// iterations in a fresh process still run part of the code unoptimised.
/// </summary>
internal static class Warmup
{
    /// <summary>Minimum warm-up time per case and process (<c>--warmup-seconds</c>).</summary>
    public static double Seconds { get; set; } = 2;

    public static void Run(int iterations, Action iteration)
    {
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < iterations || sw.Elapsed.TotalSeconds < Seconds; i++) iteration();
    }
}
