using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Optimizers;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Nn;

public class LinearRecurrenceTests(ITestOutputHelper output)
{
    internal static LinearRecurrence<TT> Make<TT>(string kind, int input, int hidden, bool seq, MinVariant variant)
        where TT : unmanaged, System.Numerics.IFloatingPointIeee754<TT> => kind switch
    {
        "mingru" => new MinGRU<TT>(input, hidden, seq, variant),
        "minlstm" => new MinLSTM<TT>(input, hidden, seq, variant),
        _ => throw new ArgumentException(kind),
    };

    public static TheoryData<string, MinVariant, bool> Cases()
    {
        var d = new TheoryData<string, MinVariant, bool>();
        foreach (var kind in new[] { "mingru", "minlstm" })
            foreach (var v in new[] { MinVariant.Plain, MinVariant.LogSpace })
                foreach (var seq in new[] { false, true })
                    d.Add(kind, v, seq);
        return d;
    }

    [Fact]
    public void Parameters_have_the_papers_names_and_shapes()
    {
        var gru = new MinGRU<float>(3, 5);
        Assert.Equal(["linear_z.weight", "linear_z.bias", "linear_h.weight", "linear_h.bias"], gru.named_parameters().Select(p => p.name));
        Assert.Equal([5, 3], gru.named_parameters().First().parameter.Shape);
        var lstm = new MinLSTM<float>(3, 5, bias: false);
        Assert.Equal(["linear_f.weight", "linear_i.weight", "linear_h.weight"], lstm.named_parameters().Select(p => p.name));
        Assert.Equal(2 * 5 * 3 + 2 * 5, gru.ParameterCount);
    }

    [Fact]
    public void The_scan_kernel_matches_a_plain_loop_for_any_number_of_blocks()
    {
        var rng = new Rng(4);
        int batch = 3, steps = 37, width = 5;
        var a = Tensor.Uniform<double>(rng, 0, 1, batch, steps, width).Data;
        var b = Tensor.Normal<double>(rng, 0, 1, batch, steps, width).Data;
        var h0 = Tensor.Normal<double>(rng, 0, 1, batch, width).Data;
        foreach (bool reverse in new[] { false, true })
        {
            // The expected values: h = a ⊙ h + b, one element at a time, in time order (or reversed).
            var expected = new double[a.Length];
            for (int r = 0; r < batch; r++)
                for (int j = 0; j < width; j++)
                {
                    double h = h0[r * width + j];
                    for (int s = 0; s < steps; s++)
                    {
                        int t = reverse ? steps - 1 - s : s, o = (r * steps + t) * width + j;
                        h = a[o] * h + b[o];
                        expected[o] = h;
                    }
                }
            foreach (int blocks in new[] { 1, 2, 3, 4 })
            {
                var got = new double[a.Length];
                Kernels.LinearScan(a, b, h0, got, batch, steps, width, reverse, blocks);
                for (int i = 0; i < got.Length; i++) Assert.Equal(expected[i], got[i], 1e-13);
            }
        }
    }

    [Fact]
    public void One_block_with_its_rows_on_several_threads_matches_a_plain_loop()
    {
        // 8 × 512 × 256 elements: large enough for the one-block scan to split its rows over the threads.
        var rng = new Rng(6);
        int batch = 8, steps = 512, width = 256;
        var a = Tensor.Uniform<double>(rng, 0, 1, batch, steps, width).Data;
        var b = Tensor.Normal<double>(rng, 0, 1, batch, steps, width).Data;
        var h0 = Tensor.Normal<double>(rng, 0, 1, batch, width).Data;
        var expected = new double[a.Length];
        for (int r = 0; r < batch; r++)
            for (int j = 0; j < width; j++)
            {
                double h = h0[r * width + j];
                for (int t = 0; t < steps; t++) { int o = (r * steps + t) * width + j; h = a[o] * h + b[o]; expected[o] = h; }
            }
        int saved = Kernels.MaxThreads;
        try
        {
            var results = new List<double[]>();
            foreach (int threads in new[] { 1, 2, 3 })
            {
                Kernels.MaxThreads = threads;
                var got = new double[a.Length];
                Kernels.LinearScan(a, b, h0, got, batch, steps, width, reverse: false, blocks: 1);
                for (int i = 0; i < got.Length; i += 97) Assert.Equal(expected[i], got[i], 1e-12);
                results.Add(got);
            }
            Assert.Equal(results[0], results[1]);
            Assert.Equal(results[0], results[2]);
        }
        finally { Kernels.MaxThreads = saved; }
    }

    [Theory]
    [InlineData("mingru", true)]
    [InlineData("mingru", false)]
    [InlineData("minlstm", true)]
    [InlineData("minlstm", false)]
    public void A_second_forward_replaces_everything_the_backward_reads(string kind, bool seq)
    {
        // The scan path keeps its large temporaries from call to call: a forward on other data (and another batch
        // size) must leave nothing of the first behind.
        var x5 = Tensor.Normal<double>(new Rng(5), 0, 1, 5, 9, 3);
        var x1 = Tensor.Normal<double>(new Rng(1), 0, 1, 4, 9, 3);
        var x2 = Tensor.Normal<double>(new Rng(2), 0, 1, 4, 9, 3);
        int[] outShape = seq ? [4, 9, 6] : [4, 6];
        var dy = Tensor.Normal<double>(new Rng(3), 0, 1, outShape);
        (double[] Y, double[] Dx, double[][] Grads) Run(bool warm)
        {
            Rng.ManualSeed(8);
            var layer = Make<double>(kind, 3, 6, seq, MinVariant.LogSpace);
            if (warm)
            {
                layer.forward(x5); layer.backward(Tensor.Normal<double>(new Rng(4), 0, 1, seq ? [5, 9, 6] : [5, 6]));   // another batch size
                layer.forward(x1); layer.backward(Tensor.Normal<double>(new Rng(6), 0, 1, outShape));   // x2's shape, other values
                layer.zero_grad();
            }
            var y = layer.forward(x2);
            var dx = layer.backward(dy);
            return (y.Data, dx.Data, layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray());
        }
        var fresh = Run(warm: false);
        var reused = Run(warm: true);
        Assert.Equal(fresh.Y, reused.Y);
        Assert.Equal(fresh.Dx, reused.Dx);
        for (int i = 0; i < fresh.Grads.Length; i++) Assert.Equal(fresh.Grads[i], reused.Grads[i]);
    }

    [Theory]
    [InlineData("mingru")]
    [InlineData("minlstm")]
    public void Released_buffers_refuse_backward_and_a_new_forward_gives_the_same_bits(string kind)
    {
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, 4, 9, 3);
        var dy = Tensor.Normal<double>(new Rng(3), 0, 1, 4, 9, 6);
        Rng.ManualSeed(8);
        var layer = Make<double>(kind, 3, 6, seq: true, MinVariant.Plain);
        var y1 = layer.forward(x);
        var dx1 = layer.backward(dy);
        var grads1 = layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray();
        layer.ReleaseBuffers();
        Assert.Throws<InvalidOperationException>(() => layer.backward(dy));
        layer.zero_grad();
        Assert.Equal(y1.Data, layer.forward(x).Data);
        Assert.Equal(dx1.Data, layer.backward(dy).Data);
        var grads2 = layer.parameters().Select(p => p.Grad.Data.ToArray()).ToArray();
        for (int i = 0; i < grads1.Length; i++) Assert.Equal(grads1[i], grads2[i]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sequential_and_scan_paths_agree_in_double_and_float(string kind, MinVariant variant, bool seq)
    {
        var worst64 = Agreement<double>(kind, variant, seq);
        var worst32 = Agreement<float>(kind, variant, seq);
        output.WriteLine($"{kind} {variant} seq={seq}: largest difference / largest element, double {worst64:E2}, float {worst32:E2}");
        Assert.True(worst64 < 1e-13, $"double {worst64}");
        Assert.True(worst32 < 1e-6, $"float {worst32}");
    }

    // Runs both paths on the same weights and data (at several block counts); returns the largest relative difference
    // over the output, the final state, and the gradients of every parameter, the input and the initial state.
    private static double Agreement<TT>(string kind, MinVariant variant, bool seq) where TT : unmanaged, System.Numerics.IFloatingPointIeee754<TT>
    {
        int batch = 3, steps = 41, input = 4, hidden = 6;
        var layer = Make<TT>(kind, input, hidden, seq, variant);
        layer.ResetParameters(InitScheme.PyTorch, new Rng(9));
        var rng = new Rng(10);
        var x = Tensor.Normal<TT>(rng, 0, 1, batch, steps, input);
        var h0 = new RecurrentState<TT>(Tensor.Uniform<TT>(rng, 0.1, 1, 1, batch, hidden));
        var dy = Tensor.Normal<TT>(rng, 0, 1, layer.OutputShape(x.Shape));
        var dFinal = new RecurrentState<TT>(Tensor.Normal<TT>(rng, 0, 1, 1, batch, hidden));
        List<Tensor<TT>> Run(ScanPath path, int blocks)
        {
            layer.Path = path; layer.ScanBlocks = blocks;
            layer.zero_grad();
            var o = layer.forward(x, h0);
            var dx = layer.backward(dy, dFinal);
            return [o.Output, o.FinalState.H, dx, layer.InitialStateGradient!.H, .. layer.parameters().Select(p => p.Grad.Clone())];
        }
        var reference = Run(ScanPath.Sequential, 1);
        double worst = 0;
        foreach (int blocks in new[] { 1, 2, 3 })
        {
            var scan = Run(ScanPath.Scan, blocks);
            for (int k = 0; k < reference.Count; k++) worst = Math.Max(worst, RelativeDifference(reference[k], scan[k]));
        }
        return worst;
    }

    // max |a − b| / max |a|: the difference relative to the tensor's scale.
    private static double RelativeDifference<TT>(Tensor<TT> a, Tensor<TT> b) where TT : unmanaged, System.Numerics.IFloatingPointIeee754<TT>
    {
        Assert.Equal(a.Shape, b.Shape);
        double scale = 0, diff = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double x = double.CreateChecked(a.Data[i]), y = double.CreateChecked(b.Data[i]);
            scale = Math.Max(scale, Math.Abs(x));
            diff = Math.Max(diff, Math.Abs(x - y));
        }
        return diff / Math.Max(scale, 1e-30);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_paths_match_finite_differences(string kind, MinVariant variant, bool seq)
    {
        foreach (var path in new[] { ScanPath.Sequential, ScanPath.Scan })
        {
            var layer = Make<double>(kind, 3, 4, seq, variant);
            layer.ResetParameters(InitScheme.PyTorch, new Rng(5));
            layer.Path = path; layer.ScanBlocks = 2;
            int steps = 17;
            var x = Tensor.Normal<double>(new Rng(7), 0, 1, 2, steps, 3);
            double h = GradientCheck.DefaultStep;
            if (variant == MinVariant.LogSpace)
            {
                // g(x) has a kink at 0 (slope ¼ below, 1 above). Take the first input whose every pre-activation
                // Linear_h(xₜ) lies farther from 0 than the stencil (±3h) can move it, so no difference crosses it.
                // Reading only the last step, the first steps' input gradients shrink with every step; 9 steps (two
                // scan blocks) keep them large beside the rounding error of this smaller step.
                h = 1e-3;
                steps = seq ? 17 : 9;
                var wh = layer.named_parameters().Single(p => p.name == "linear_h.weight").parameter.Value;
                var bh = layer.named_parameters().Single(p => p.name == "linear_h.bias").parameter.Value;
                for (ulong seed = 100; ; seed++)
                {
                    x = Tensor.Normal<double>(new Rng(seed), 0, 1, 2, steps, 3);
                    var pre = Tensor.Affine(x.Reshape(2 * steps, 3), wh, bh);
                    double reach = 3 * h * (x.Data.Max(Math.Abs) + wh.Data.Max(Math.Abs) * 3 + 1);
                    if (pre.Data.All(v => Math.Abs(v) > reach)) break;
                    Assert.True(seed < 100_000, "no input clear of the kink");
                }
            }
            foreach (var r in GradientCheck.CheckLayer(layer, x, new Rng(3), h: h))
            {
                output.WriteLine($"{path}: {r}");
                Assert.True(r.MaxRelativeError <= 1e-7, $"{path}: {r}");
            }
        }
    }

    [Theory]
    [InlineData("mingru")]
    [InlineData("minlstm")]
    public void Initial_state_gradient_matches_finite_differences(string kind)
    {
        foreach (var path in new[] { ScanPath.Sequential, ScanPath.Scan })
        {
            var layer = Make<double>(kind, 3, 4, true, MinVariant.Plain);
            layer.Path = path;
            var x = Tensor.Normal<double>(new Rng(1), 0, 1, 2, 9, 3);
            var h0 = Tensor.Normal<double>(new Rng(2), 0, 1, 1, 2, 4);
            var g = Tensor.Normal<double>(new Rng(3), 0, 1, 2, 9, 4);
            var gFinal = Tensor.Normal<double>(new Rng(4), 0, 1, 1, 2, 4);
            double Loss()
            {
                var o = layer.forward(x, new RecurrentState<double>(h0));
                return o.Output.Data.Zip(g.Data, (a, b) => a * b).Sum() + o.FinalState.H.Data.Zip(gFinal.Data, (a, b) => a * b).Sum();
            }
            layer.forward(x, new RecurrentState<double>(h0));
            layer.backward(g, new RecurrentState<double>(gFinal));
            var r = GradientCheck.Compare("h0", h0, layer.InitialStateGradient!.H.Data, Loss);
            output.WriteLine($"{path}: {r}");
            Assert.True(r.MaxRelativeError <= 1e-8, r.ToString());
        }
    }

    [Fact]
    public void One_step_by_hand()
    {
        // minGRU with one input and one unit: z = σ(2·x + 0), h̃ = 3·x − 1, h₁ = (1 − z)·h₀ + z·h̃.
        var layer = new MinGRU<double>(1, 1, returnSequences: true);
        layer.load_state_dict(new Dictionary<string, Tensor<double>>
        {
            ["linear_z.weight"] = Tensor.Full(2.0, 1, 1), ["linear_z.bias"] = Tensor.Full(0.0, 1),
            ["linear_h.weight"] = Tensor.Full(3.0, 1, 1), ["linear_h.bias"] = Tensor.Full(-1.0, 1),
        });
        foreach (var path in new[] { ScanPath.Sequential, ScanPath.Scan })
        {
            layer.Path = path;
            var y = layer.forward(Tensor.Full(0.5, 1, 1, 1), new RecurrentState<double>(Tensor.Full(2.0, 1, 1, 1))).Output;
            double z = 1 / (1 + Math.Exp(-1.0));
            Assert.Equal((1 - z) * 2.0 + z * 0.5, y.Data[0], 1e-15);
        }
        // The log-space variant: h̃ = g(3·x − 1) = g(0.5) = 1.0 and g(−1) = σ(−1).
        Assert.Equal(1.0, MinGRU<double>.G(0.5));
        Assert.Equal(1 / (1 + Math.E), MinGRU<double>.G(-1.0), 1e-15);
    }

    [Theory]
    [InlineData("mingru")]
    [InlineData("minlstm")]
    public void TruncatedBptt_trains_it_with_the_state_carried(string kind)
    {
        var vocab = new CharVocabulary("hello world\n");
        var ids = vocab.Encode(string.Concat(Enumerable.Repeat("hello world\n", 40)));
        Rng.ManualSeed(2);
        var model = new Sequential<double>(new Embedding<double>(vocab.Count, 8), Make<double>(kind, 8, 24, true, MinVariant.Plain), new Linear<double>(24, vocab.Count));
        var loop = new TruncatedBptt<double>(model, new Adam<double>(model.parameters(), learningRate: 0.02));
        var batches = new BpttBatcher(ids, batchSize: 4, steps: 12);
        double first = loop.TrainEpoch(batches), last = first;
        for (int e = 0; e < 30; e++) last = loop.TrainEpoch(batches);
        output.WriteLine($"{kind}: {first:F3} → {last:F3} nats/char");
        Assert.True(last < 0.25 * first, $"loss {first} → {last}");
        Assert.Equal(12, loop.Generate(vocab, "hel", 12, 0, new Rng(1)).Length);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var layer = new MinGRU<double>(3, 4, name: "m");
        var e = Assert.Throws<ShapeException>(() => layer.forward(new Tensor<double>(2, 5, 2)));
        Assert.Contains("MinGRU 'm'", e.Message);
        Assert.Contains("[2, 5, 2]", e.Message);
        var s = Assert.Throws<ShapeException>(() => layer.forward(new Tensor<double>(2, 5, 3), new RecurrentState<double>(new Tensor<double>(1, 3, 4))));
        Assert.Contains("initial state", s.Message);
        Assert.Throws<NotSupportedException>(() => layer.ForwardMasked(new Tensor<double>(1, 2, 3), SequenceMask.FromLengths([1], 2, PadSide.Post)));
        Assert.Throws<InvalidOperationException>(() => new MinLSTM<double>(3, 4).backward(new Tensor<double>(1, 4)));
    }
}
