using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Bench;

/// <summary>
/// The nominal float32 peak for the engine's vector width: cores × lanes of Vector&lt;float&gt; × FMA
/// units × 2 FLOP × clock. (With AVX-512 a CPU may offer twice the lanes; on AMD Zen 4 the 512-bit
/// FMA is double-pumped, so the 256-bit figure is the real limit there.)
/// </summary>
internal static class Machine
{
    /// <summary>Assumed FMA pipes per core (two on current x86 and Apple cores).</summary>
    public const int FmaUnits = 2;

    public static int Lanes => Vector<float>.Count;

    /// <summary>Clock in GHz from /proc/cpuinfo, or null where it is not readable.</summary>
    public static double? ClockGHz()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("cpu MHz"));
            return line is null ? null : double.Parse(line.Split(':')[1], CultureInfo.InvariantCulture) / 1000;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static string Describe(int threads)
    {
        var ghz = ClockGHz();
        string peak = ghz is double g
            ? string.Create(CultureInfo.InvariantCulture, $"{threads * Lanes * FmaUnits * 2 * g:F0} GFLOP/s ({threads} cores × {Lanes} lanes × {FmaUnits} FMA × 2 × {g:F2} GHz)")
            : "unknown (no clock reading)";
        return $"float32 peak {peak}; AVX-512: {Vector512.IsHardwareAccelerated}";
    }

    public static double? PeakGflops(int threads) => ClockGHz() is double g ? threads * Lanes * FmaUnits * 2 * g : null;
}
