using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Torch.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using TwinGru = RnnNotebooks.Torch.Models.MinGRU;
using TwinLstm = RnnNotebooks.Torch.Models.MinLSTM;

namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// The TorchSharp minGRU/minLSTM twins against the scratch layers on the same weights, from a positive initial state:
/// outputs, final state, ∂L/∂input, ∂L/∂h₀ and every weight gradient for L = Σ output ⊙ A + Σ h_n ⊙ B, on both
/// scratch paths. The twins' log-space variant runs the paper's log-space scan, so it is an independent computation.
/// </summary>
public sealed class MinRecurrenceTwinTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool, ScanPath> Cases()
    {
        var d = new TheoryData<string, bool, ScanPath>();
        foreach (var kind in new[] { "mingru", "minlstm" })
            foreach (var logSpace in new[] { false, true })
                foreach (var path in new[] { ScanPath.Sequential, ScanPath.Scan })
                    d.Add(kind, logSpace, path);
        return d;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Float32_matches(string kind, bool logSpace, ScanPath path)
    {
        // libtorch's float32 log-space scan rounds in log, exp and logcumsumexp: its gradients are up to 2.2e-5 of
        // their largest element off its own float64 run (the PyTorch fixtures show the same), more than the tolerance.
        // So the float32 layer is held to the float64 twin there, on the same weights and inputs.
        if (logSpace) Check<float, double>(kind, logSpace, path);
        else Check<float, float>(kind, logSpace, path);
    }

    [Theory, MemberData(nameof(Cases))]
    public void Float64_matches(string kind, bool logSpace, ScanPath path) => Check<double, double>(kind, logSpace, path);

    [Fact]
    public void Parameter_names_are_the_same()
    {
        using var gru = new TwinGru(3, 4);
        using var lstm = new TwinLstm(3, 4);
        Assert.Equal(new MinGRU<float>(3, 4).named_parameters().Select(p => p.name), gru.named_parameters().Select(p => p.name));
        Assert.Equal(new MinLSTM<float>(3, 4).named_parameters().Select(p => p.name), lstm.named_parameters().Select(p => p.name));
    }

    // The scratch layer in T, the twin in TT (the same precision, or float64 for a float32 layer); compared in TT with T's tolerance.
    private void Check<T, TT>(string kind, bool logSpace, ScanPath path) where T : unmanaged, IFloatingPointIeee754<T> where TT : unmanaged, IFloatingPointIeee754<TT>
    {
        const int batch = 3, steps = 23, input = 4, hidden = 6;
        var check = new Agreement<T>($"{kind}{(logSpace ? " log-space" : "")} {path}{(typeof(T) != typeof(TT) ? " (float64 twin)" : "")}", output);
        var variant = logSpace ? MinVariant.LogSpace : MinVariant.Plain;
        Rng.ManualSeed(7);
        LinearRecurrence<T> layer = kind == "mingru" ? new MinGRU<T>(input, hidden, true, variant) : new MinLSTM<T>(input, hidden, true, variant);
        layer.Path = path;
        layer.ScanBlocks = 3;
        var dtype = TensorBridge.DType<TT>();
        using torch.nn.Module<torch.Tensor, torch.Tensor> twin = kind == "mingru" ? new TwinGru(input, hidden, logSpace, dtype) : new TwinLstm(input, hidden, logSpace, dtype);
        StateDictBridge.Load(twin, layer.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.Cast<TT>()));

        var rng = new Rng(11);
        var x = Tensor.Normal<T>(rng, 0, 1, batch, steps, input);
        var h0 = Tensor.Uniform<T>(rng, 0.1, 1, 1, batch, hidden);
        var a = Tensor.Normal<T>(rng, 0, 1, batch, steps, hidden);
        var b = Tensor.Normal<T>(rng, 0, 1, 1, batch, hidden);

        var scratch = layer.forward(x, new RecurrentState<T>(h0));
        var dx = layer.backward(a, new RecurrentState<T>(b));

        using var scope = torch.NewDisposeScope();
        var xt = TensorBridge.ToTorch(x.Cast<TT>()).requires_grad_();
        var h0t = TensorBridge.ToTorch(h0.Cast<TT>()).requires_grad_();
        var (y, h) = twin is TwinGru g ? g.forward(xt, h0t) : ((TwinLstm)twin).forward(xt, h0t);
        ((y * TensorBridge.ToTorch(a.Cast<TT>())).sum() + (h * TensorBridge.ToTorch(b.Cast<TT>())).sum()).backward();

        Tensor<T> Back(torch.Tensor t) => TensorBridge.ToScratch<TT>(t).Cast<T>();
        check.Close("output", Back(y), scratch.Output);
        check.Close("h_n", Back(h), scratch.FinalState.H);
        check.Close("grad input", Back(xt.grad!), dx);
        check.Close("grad h0", Back(h0t.grad!), layer.InitialStateGradient!.H);
        check.CloseAll("grad", StateDictBridge.Gradients<TT>(twin).ToDictionary(kv => kv.Key, kv => kv.Value.Cast<T>()), ScratchTwins.Gradients(layer));
        check.Report();
    }
}
