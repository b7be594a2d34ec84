using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>MinGRU and MinLSTM against the PyTorch references of tests/torch/min_rnn_fixtures.py (the paper's
/// step-by-step equations, and its log-space scan for the log-space variant), on both paths.</summary>
public class MinRecurrenceParityTests(Xunit.Abstractions.ITestOutputHelper log)
{
    public static TheoryData<string, ScanPath> Cases()
    {
        var d = new TheoryData<string, ScanPath>();
        foreach (var prefix in new[] { "mingru_", "minlstm_" })
            foreach (var c in TorchFixture.Cases(prefix))
                foreach (var path in new[] { ScanPath.Sequential, ScanPath.Scan })
                    d.Add(c, path);
        return d;
    }

    [Fact]
    public void All_fixtures_are_present() => Assert.Equal(12, Cases().Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_pytorch(string caseName, ScanPath path) =>
        // PyTorch's float32 log-space scan rounds in log, exp and logcumsumexp: its gradients differ from its own
        // float64 run by up to 2.2e-5 of their largest element, more than the tolerance. The float64 file holds the
        // same inputs and weights (drawn in float32), so the float32 layer is held to PyTorch's float64 results there.
        Check<float>(TorchFixture.Load(caseName, caseName.Contains("logspace") ? "float64" : "float32"), path);

    [Fact]
    public void Pytorch_float32_log_space_scan_is_the_less_accurate_one()
    {
        var f32 = TorchFixture.Load("minlstm_logspace_init", "float32");
        var f64 = TorchFixture.Load("minlstm_logspace_init", "float64");
        var layer = new MinLSTM<float>(f32.Int("input_size"), f32.Int("hidden_size"), returnSequences: true, MinVariant.LogSpace);
        RecurrentParityTests.LoadParameters(layer, f32);
        layer.forward(f32.Get<float>("input"), new RecurrentState<float>(f32.Get<float>("h0")));
        layer.backward(f32.Get<float>("grad_output"), new RecurrentState<float>(f32.Get<float>("grad_h_n")));
        var ours = layer.named_parameters().Single(p => p.name == "linear_f.bias").parameter.Grad;
        var truth = f64.Get<double>("grad.linear_f.bias");
        var torch32 = f32.Get<double>("grad.linear_f.bias");
        double Err(Func<int, double> v) => Enumerable.Range(0, truth.Length).Max(i => Math.Abs(v(i) - truth.Data[i])) / truth.Data.Max(Math.Abs);
        double oursErr = Err(i => ours.Data[i]), torchErr = Err(i => torch32.Data[i]);
        Assert.True(torchErr > 1e-5, $"PyTorch float32 log-space error {torchErr:E2}");
        Assert.True(oursErr < 1e-6, $"linear-space scan float32 error {oursErr:E2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_pytorch(string caseName, ScanPath path) => Check<double>(TorchFixture.Load(caseName, "float64"), path);

    private void Check<T>(TorchFixture f, ScanPath path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int input = f.Int("input_size"), hidden = f.Int("hidden_size");
        var variant = f.Str("variant") == "logspace" ? MinVariant.LogSpace : MinVariant.Plain;
        LinearRecurrence<T> layer = f.Str("mode") switch
        {
            "MinGRU" => new MinGRU<T>(input, hidden, returnSequences: true, variant),
            "MinLSTM" => new MinLSTM<T>(input, hidden, returnSequences: true, variant),
            var m => throw new ArgumentException(m),
        };
        layer.Path = path;
        layer.ScanBlocks = 3;
        RecurrentParityTests.LoadParameters(layer, f);
        bool init = f.Bool("has_initial_state");
        var result = layer.forward(f.Get<T>("input"), init ? new RecurrentState<T>(f.Get<T>("h0")) : null);
        double worst = Math.Max(Parity.Close("output", f.Get<T>("output"), result.Output),
                                Parity.Close("h_n", f.Get<T>("h_n"), result.FinalState.H));
        layer.zero_grad();
        var dx = layer.backward(f.Get<T>("grad_output"), new RecurrentState<T>(f.Get<T>("grad_h_n")));
        worst = Math.Max(worst, Parity.Close("grad.input", f.Get<T>("grad.input"), dx));
        if (init) worst = Math.Max(worst, Parity.Close("grad.h0", f.Get<T>("grad.h0"), layer.InitialStateGradient!.H));
        foreach (var (name, p) in layer.named_parameters())
            worst = Math.Max(worst, Parity.Close("grad." + name, f.Get<T>("grad." + name), p.Grad));
        log.WriteLine($"{f.Name} {path}: largest relative error {worst:E2}");
    }
}
