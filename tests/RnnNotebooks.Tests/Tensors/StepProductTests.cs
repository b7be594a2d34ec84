using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Tensors;

/// <summary>
/// A recurrent step's pre-activations in one pass (Kernels.StepProduct) have the bits of the separate
/// calls they replace: start + the fused multiply-adds of x in increasing p, then those of h, then end.
/// </summary>
public class StepProductTests
{
    [Theory]
    [MemberData(nameof(VectorWidthTests.Widths), MemberType = typeof(VectorWidthTests))]
    public void Equals_the_sums_in_the_order_of_the_separate_products_bit_for_bit(int bits)
    {
        // Rows below, at and past a tile of 4; columns below, at and past a panel; with and without each part.
        var shapes = new[] { (1, 1, 1, 1), (3, 5, 2, 7), (4, 32, 8, 8), (13, 128, 32, 32), (64, 128, 32, 32), (10, 70, 0, 9), (7, 1024, 64, 256) };
        Kernels.ForceVectorBits(bits);
        try
        {
            foreach (var (m, n, k1, k2) in shapes)
                foreach (bool hasX in new[] { true, false })
                    foreach (bool hasStart in new[] { true, false })
                        foreach (bool hasEnd in new[] { true, false })
                        {
                            Check<float>(m, n, k1, k2, hasX, hasStart, hasEnd, bits);
                            Check<double>(m, n, k1, k2, hasX, hasStart, hasEnd, bits);
                        }
        }
        finally { Kernels.ForceVectorBits(null); }
    }

    [Fact]
    public void Spans_that_do_not_fit_are_refused_with_the_sizes()
    {
        var b = new PackedMatrix<float>().Pack(true, 3, 4, new float[12], Kernels.VectorBits);
        var e = Assert.Throws<ShapeException>(() => Kernels.StepProduct<float>(2, default, null, default, new float[5], b, default, new float[8]));
        Assert.Contains("h 5", e.Message);
        e = Assert.Throws<ShapeException>(() => Kernels.StepProduct<float>(2, default, null, new float[3], new float[6], b, default, new float[8]));
        Assert.Contains("start 3", e.Message);
    }

    private static void Check<T>(int m, int n, int k1, int k2, bool hasX, bool hasStart, bool hasEnd, int bits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng((ulong)(m * 7919 + n * 131 + k1 * 17 + k2));
        var x = Tensor.Normal<T>(rng, 0, 1, Math.Max(1, m * k1)).Data;
        var w1 = Tensor.Normal<T>(rng, 0, 1, Math.Max(1, n * k1)).Data;     // stored [n×k1], used transposed, as Wᵢₕ
        var h = Tensor.Normal<T>(rng, 0, 1, m * k2).Data;
        var w2 = Tensor.Normal<T>(rng, 0, 1, n * k2).Data;                   // stored [n×k2], as Wₕₕ
        var start = Tensor.Normal<T>(rng, 0, 1, n).Data;
        var end = Tensor.Normal<T>(rng, 0, 1, n).Data;
        var expected = new T[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = hasStart ? start[j] : T.Zero;
                if (hasX) for (int p = 0; p < k1; p++) s = T.FusedMultiplyAdd(x[i * k1 + p], w1[j * k1 + p], s);
                for (int p = 0; p < k2; p++) s = T.FusedMultiplyAdd(h[i * k2 + p], w2[j * k2 + p], s);
                if (hasEnd) s += end[j];
                expected[i * n + j] = s;
            }
        var b1 = hasX ? new PackedMatrix<T>().Pack(true, k1, n, w1, bits) : null;
        var b2 = new PackedMatrix<T>().Pack(true, k2, n, w2, bits);
        var c = Enumerable.Repeat(T.NaN, m * n + 3).ToArray();    // C is only written; past its end nothing is
        Kernels.StepProduct<T>(m, hasX ? x : default, b1, hasStart ? start : default, h, b2, hasEnd ? end : default, c);
        Assert.True(expected.AsSpan().SequenceEqual(c.AsSpan(0, m * n)),
            $"{typeof(T).Name} m={m} n={n} k={k1}+{k2} x={hasX} start={hasStart} end={hasEnd} at {bits} bits");
        Assert.True(c.AsSpan(m * n).ToArray().All(T.IsNaN), "wrote past C");
    }
}
