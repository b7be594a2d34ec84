using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Bench;

/// <summary>
/// The float32 peak the engine's products are measured against, at the vector width the engine
/// uses (<see cref="Kernels.VectorBits"/>). Two figures: the nominal one, cores × lanes × FMA units ×
/// 2 FLOP × the clock /proc/cpuinfo reports, and the measured one, independent fused multiply-add
/// chains run on every thread at that width. They differ where the clock boosts above the reported
/// one, or where a core splits a 512-bit FMA into two 256-bit halves (AMD Zen 4): there 512-bit
/// vectors double the nominal figure but not the measured one. Percentages use the measured peak.
/// </summary>
internal static class Machine
{
    /// <summary>Assumed FMA pipes per core (two on current x86 and Apple cores).</summary>
    public const int FmaUnits = 2;

    /// <summary>float32 lanes per vector at the engine's width.</summary>
    public static int Lanes => Math.Max(1, Kernels.VectorBits / 32);

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

    public static double? NominalPeakGflops(int threads) => ClockGHz() is double g ? threads * Lanes * FmaUnits * 2 * g : null;

    private static double? _measured;

    /// <summary>Where the probe's result goes, so the JIT cannot drop its chains.</summary>
    public static volatile float Sink;

    /// <summary>GFLOP/s of <paramref name="threads"/> threads each running 12 independent FMA chains at the engine's width (best of 5 runs of about 0.1 s each).</summary>
    public static double MeasuredPeakGflops(int threads)
    {
        if (_measured is double m) return m;
        double best = 0;
        for (int run = 0; run < 5; run++)
        {
            const long Iterations = 600_000_000 / 12 * 12;
            using var start = new Barrier(threads + 1);
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() => { start.SignalAndWait(); Sink = FmaChains(Iterations); })).ToList();
            workers.ForEach(w => w.Start());
            start.SignalAndWait();
            var sw = Stopwatch.StartNew();
            workers.ForEach(w => w.Join());
            best = Math.Max(best, threads * (double)Iterations * Lanes * 2 / sw.Elapsed.TotalSeconds / 1e9);
        }
        return (_measured = best).Value;
    }

    public static string Describe(int threads)
    {
        string nominal = NominalPeakGflops(threads) is double n
            ? string.Create(CultureInfo.InvariantCulture, $"{n:F0} GFLOP/s ({threads} cores × {Lanes} lanes × {FmaUnits} FMA × 2 × {ClockGHz():F2} GHz)")
            : "unknown (no clock reading)";
        return string.Create(CultureInfo.InvariantCulture,
            $"engine vectors: {Kernels.VectorBits} bit; float32 peak at that width: measured {MeasuredPeakGflops(threads):F0} GFLOP/s on {threads} threads, nominal {nominal}");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static float FmaChains(long iterations) => Kernels.VectorBits switch
    {
        512 => Chains<Vector512<float>, Fma512>(iterations),
        256 => Chains<Vector256<float>, Fma256>(iterations),
        _ => Chains<Vector128<float>, Fma128>(iterations),
    };

    private interface IFma<TV>
    {
        static abstract TV Splat(float x);
        static abstract TV Fma(TV a, TV b, TV c);
        static abstract float First(TV v);
    }

    private readonly struct Fma128 : IFma<Vector128<float>>
    {
        public static Vector128<float> Splat(float x) => Vector128.Create(x);
        public static Vector128<float> Fma(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);
        public static float First(Vector128<float> v) => v.ToScalar();
    }

    private readonly struct Fma256 : IFma<Vector256<float>>
    {
        public static Vector256<float> Splat(float x) => Vector256.Create(x);
        public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
        public static float First(Vector256<float> v) => v.ToScalar();
    }

    private readonly struct Fma512 : IFma<Vector512<float>>
    {
        public static Vector512<float> Splat(float x) => Vector512.Create(x);
        public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
        public static float First(Vector512<float> v) => v.ToScalar();
    }

    /// <summary>12 independent chains x = x·b + c, <paramref name="iterations"/> FMAs in all: enough in flight to cover the FMA latency on two pipes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static float Chains<TV, F>(long iterations) where TV : struct where F : IFma<TV>
    {
        TV b = F.Splat(0.999999f), c = F.Splat(1e-6f);
        TV x0 = F.Splat(1), x1 = F.Splat(2), x2 = F.Splat(3), x3 = F.Splat(4), x4 = F.Splat(5), x5 = F.Splat(6);
        TV x6 = F.Splat(7), x7 = F.Splat(8), x8 = F.Splat(9), x9 = F.Splat(10), x10 = F.Splat(11), x11 = F.Splat(12);
        for (long i = 0; i < iterations; i += 12)
        {
            x0 = F.Fma(x0, b, c); x1 = F.Fma(x1, b, c); x2 = F.Fma(x2, b, c); x3 = F.Fma(x3, b, c);
            x4 = F.Fma(x4, b, c); x5 = F.Fma(x5, b, c); x6 = F.Fma(x6, b, c); x7 = F.Fma(x7, b, c);
            x8 = F.Fma(x8, b, c); x9 = F.Fma(x9, b, c); x10 = F.Fma(x10, b, c); x11 = F.Fma(x11, b, c);
        }
        return F.First(x0) + F.First(x1) + F.First(x2) + F.First(x3) + F.First(x4) + F.First(x5)
            + F.First(x6) + F.First(x7) + F.First(x8) + F.First(x9) + F.First(x10) + F.First(x11);
    }
}
