using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Tensors;

/// <summary>
/// The matrix products run at the widest SIMD width the runtime accelerates (512, 256 or 128 bits,
/// or scalar loops); every width gives the same bits, those of a plain loop of fused multiply-adds
/// in increasing p. Narrower widths are tested in this process (Kernels.ForceVectorBits) and, as the
/// runtime selects them, in a child process started with the runtime's switches (DOTNET_EnableAVX512=0 and
/// DOTNET_PreferredVectorBitWidth=256 leave 256 bits, DOTNET_EnableAVX2=0 128 bits, DOTNET_EnableHWIntrinsic=0 none).
/// </summary>
public class VectorWidthTests
{
    /// <summary>The widths this machine can run: scalar, and each accelerated width up to the detected one.</summary>
    public static TheoryData<int> Widths()
    {
        var data = new TheoryData<int>();
        foreach (int bits in new[] { 0, 128, 256, 512 }) if (bits <= Kernels.DetectedBits) data.Add(bits);
        return data;
    }

    [Fact]
    public void The_detected_width_is_the_widest_the_runtime_accelerates()
    {
        int expected = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512
            : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256
            : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? 128 : 0;
        Assert.Equal(expected, Kernels.DetectedBits);
        Assert.Equal(expected, Kernels.VectorBits);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.ForceVectorBits(1024));
        Assert.Contains("no wider than the detected", e.Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Products_equal_a_loop_of_fused_multiply_adds_bit_for_bit(int bits)
    {
        // Shapes below, at and past a tile (4 rows × 2 vectors), a panel slice and a row block, and one large enough to split over threads.
        var shapes = new[] { (1, 1, 1), (5, 3, 7), (4, 32, 16), (13, 37, 29), (33, 65, 257), (130, 70, 600), (200, 70, 80) };
        WithWidth(bits, () =>
        {
            foreach (var (m, n, k) in shapes)
                foreach (bool ta in new[] { false, true })
                    foreach (bool tb in new[] { false, true })
                    {
                        CheckProduct<float>(m, n, k, ta, tb, accumulate: true, bits);
                        CheckProduct<float>(m, n, k, ta, tb, accumulate: false, bits);
                        CheckProduct<double>(m, n, k, ta, tb, accumulate: true, bits);
                    }
        });
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void A_product_with_a_bias_row_starts_every_element_from_the_row(int bits)
    {
        WithWidth(bits, () =>
        {
            int m = 9, n = 41, k = 19;
            var rng = new Rng(11);
            var a = Tensor.Normal<double>(rng, 0, 1, m, k).Data;
            var w = Tensor.Normal<double>(rng, 0, 1, n, k).Data;     // stored [n×k], used as wᵀ
            var row = Tensor.Normal<double>(rng, 0, 1, n).Data;
            var c = Enumerable.Repeat(double.NaN, m * n).ToArray();   // never read
            Kernels.GemmAddRow<double>(false, true, m, n, k, a, w, row, c);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = row[j];
                    for (int p = 0; p < k; p++) s = double.FusedMultiplyAdd(a[i * k + p], w[j * k + p], s);
                    Assert.Equal(s, c[i * n + j]);
                }
            var e = Assert.Throws<ShapeException>(() => Kernels.GemmAddRow<double>(false, true, m, n, k, a, w, row.AsSpan(1), c));
            Assert.Contains("row 40", e.Message);
        });
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Recurrent_layers_give_the_same_bits_at_every_width(int bits)
    {
        var reference = ProbeResults(Kernels.DetectedBits);
        var narrow = ProbeResults(bits);
        foreach (var (name, values) in reference) Assert.Equal(values, narrow[name]);
    }

    [Theory]
    [InlineData("DOTNET_EnableAVX512", "0", 256)]
    [InlineData("DOTNET_PreferredVectorBitWidth", "256", 256)]
    [InlineData("DOTNET_EnableAVX2", "0", 128)]
    [InlineData("DOTNET_EnableHWIntrinsic", "0", 0)]
    public void The_runtime_switches_select_the_narrower_kernels(string variable, string value, int expectedBits)
    {
        bool x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        // On ARM64 only the last switch applies (NEON is 128-bit); elsewhere the machine must have the wider width to lose.
        if (!x64 && variable is "DOTNET_EnableAVX512" or "DOTNET_EnableAVX2") expectedBits = Kernels.DetectedBits;
        else if (expectedBits > Kernels.DetectedBits) expectedBits = Kernels.DetectedBits;
        var lines = RunProbe(variable, value);
        Assert.Equal($"bits {expectedBits}", lines[0]);
        var child = lines.Skip(1).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1].Split(',').Select(h => BitConverter.Int32BitsToSingle(Convert.ToInt32(h, 16))).ToArray());
        var here = ProbeResults(expectedBits);
        // The product has the same bits at every width; the layers also run tanh and σ, which the
        // runtime computes with other code when SIMD is off, so there they agree to float rounding.
        Assert.Equal(here["gemm"], child["gemm"]);
        foreach (var (name, values) in here)
        {
            Assert.Equal(values.Length, child[name].Length);
            for (int i = 0; i < values.Length; i++)
                if (expectedBits == 0) Assert.True(Math.Abs(values[i] - child[name][i]) <= 1e-5f * (1 + Math.Abs(values[i])), $"{name}[{i}]: {values[i]} here, {child[name][i]} in the child");
                else Assert.Equal(values[i], child[name][i]);
        }
    }

    private static Dictionary<string, float[]> ProbeResults(int bits)
    {
        Dictionary<string, float[]> results = [];
        WithWidth(bits, () => results = VectorProbe.Results().ToDictionary(r => r.Name, r => r.Values));
        return results;
    }

    private static string[] RunProbe(string variable, string value)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "RnnNotebooks.VectorProbe.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.Environment[variable] = value;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "the probe did not finish in 2 minutes");
        Assert.True(p.ExitCode == 0, $"the probe failed with {variable}={value}: {stderr.Result}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static void WithWidth(int bits, Action body)
    {
        Kernels.ForceVectorBits(bits);
        try { body(); }
        finally { Kernels.ForceVectorBits(null); }
    }

    private static void CheckProduct<T>(int m, int n, int k, bool ta, bool tb, bool accumulate, int bits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng((ulong)(m * 1000 + n * 10 + k));
        var a = Tensor.Normal<T>(rng, 0, 1, m * k).Data;    // A [m×k], or stored [k×m] when ta
        var b = Tensor.Normal<T>(rng, 0, 1, k * n).Data;    // B [k×n], or stored [n×k] when tb
        var c = Tensor.Normal<T>(rng, 0, 1, m * n).Data;
        var expected = new T[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = accumulate ? c[i * n + j] : T.Zero;
                for (int p = 0; p < k; p++)
                    s = T.FusedMultiplyAdd(ta ? a[p * m + i] : a[i * k + p], tb ? b[j * k + p] : b[p * n + j], s);
                expected[i * n + j] = s;
            }
        foreach (int threads in new[] { 1, 3 })
        {
            int saved = Kernels.MaxThreads;
            Kernels.MaxThreads = threads;
            try
            {
                var got = (T[])c.Clone();
                Kernels.Gemm<T>(ta, tb, m, n, k, a, b, got, accumulate);
                Assert.True(expected.AsSpan().SequenceEqual(got),
                    $"{typeof(T).Name} {m}×{n}×{k} transA={ta} transB={tb} accumulate={accumulate} at {bits} bits, {threads} threads");
            }
            finally { Kernels.MaxThreads = saved; }
        }
    }
}
