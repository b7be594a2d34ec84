using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Tensors;

public class TensorTests
{
    [Fact]
    public void Indexing_reshape_and_errors()
    {
        var t = new Tensor<float>([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(6f, t[1, 2]);
        var r = t.Reshape(3, -1);
        Assert.Equal([3, 2], r.Shape);
        r[2, 1] = 9;
        Assert.Equal(9f, t[1, 2]);
        Assert.Throws<ShapeException>(() => t.Reshape(4, -1));
        Assert.Throws<IndexOutOfRangeException>(() => t[2, 0]);
        Assert.Throws<ShapeException>(() => new Tensor<float>([1, 2, 3], 2, 2));
        Assert.Equal("[1, 0]", t.FormatIndex(3));
    }

    [Fact]
    public void Gemm_all_transpose_combinations_against_naive_products()
    {
        var rng = new Rng(3);
        int m = 5, n = 4, k = 3;
        var a = Tensor.Normal<double>(rng, 0, 1, m, k);
        var b = Tensor.Normal<double>(rng, 0, 1, k, n);
        var expected = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) for (int p = 0; p < k; p++) expected[i * n + j] += a[i, p] * b[p, j];
        var at = Transpose(a); var bt = Transpose(b);
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var c = Enumerable.Repeat(1.0, m * n).ToArray();
            Kernels.Gemm<double>(ta, tb, m, n, k, ta ? at.Data : a.Data, tb ? bt.Data : b.Data, c, accumulate: true);
            for (int i = 0; i < c.Length; i++) Assert.Equal(expected[i] + 1, c[i], 12);
        }
    }

    [Fact]
    public void Column_sums_add_rows_in_order_whatever_the_threads_and_fill_a_second_target()
    {
        int rows = 2000, n = 700;   // large enough to split its columns over threads
        var x = Tensor.Normal<float>(new Rng(4), 0, 1, rows, n).Data;
        var start = Tensor.Normal<float>(new Rng(5), 0, 1, n).Data;
        var expected = (float[])start.Clone();
        for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) expected[j] += x[r * n + j];
        int saved = Kernels.MaxThreads;
        try
        {
            foreach (int threads in new[] { 1, 3 })
            {
                Kernels.MaxThreads = threads;
                var sums = (float[])start.Clone();
                var second = (float[])start.Clone();
                Kernels.AccumulateColumnSums<float>(x, sums, rows, second);
                Assert.Equal(expected, sums);
                Assert.Equal(expected, second);
            }
        }
        finally { Kernels.MaxThreads = saved; }
        Assert.Throws<ShapeException>(() => Kernels.AccumulateColumnSums<float>(x, new float[n], rows, new float[n - 1]));
    }

    [Fact]
    public void Rng_is_reproducible_and_uniform_enough()
    {
        var a = new Rng(5); var b = new Rng(5);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
        var r = new Rng(1);
        var counts = new int[4];
        for (int i = 0; i < 40000; i++) counts[r.NextInt(4)]++;
        Assert.All(counts, c => Assert.InRange(c, 9600, 10400));
        var perm = new Rng(2).Permutation(50);
        Assert.Equal(Enumerable.Range(0, 50), perm.Order());
    }

    private static Tensor<double> Transpose(Tensor<double> x)
    {
        var t = new Tensor<double>(x.Shape[1], x.Shape[0]);
        for (int i = 0; i < x.Shape[0]; i++) for (int j = 0; j < x.Shape[1]; j++) t[j, i] = x[i, j];
        return t;
    }
}
