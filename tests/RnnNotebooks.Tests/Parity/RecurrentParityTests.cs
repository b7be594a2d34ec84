using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>Recurrent layers against PyTorch's nn.RNN / nn.LSTM / nn.GRU: outputs, final states and every gradient.</summary>
public class RecurrentParityTests
{
    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var prefix in new[] { "rnn_", "lstm_", "gru_" })
            foreach (var c in TorchFixture.Cases(prefix)) d.Add(c);
        return d;
    }

    [Fact]
    public void All_recurrent_fixtures_are_present() => Assert.Equal(24, Cases().Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_pytorch(string caseName) => Check<float>(TorchFixture.Load(caseName, "float32"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_pytorch(string caseName) => Check<double>(TorchFixture.Load(caseName, "float64"));

    internal static RNNBase<T> Build<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int input = f.Int("input_size"), hidden = f.Int("hidden_size"), layers = f.Int("num_layers");
        bool bidir = f.Bool("bidirectional"), bias = f.Bool("bias");
        return f.Str("mode") switch
        {
            "RNN" => new RNN<T>(input, hidden, layers, bidir, returnSequences: true, f.Str("nonlinearity"), bias),
            "LSTM" => new LSTM<T>(input, hidden, layers, bidir, returnSequences: true, bias),
            "GRU" => new GRU<T>(input, hidden, layers, bidir, returnSequences: true, bias),
            var m => throw new ArgumentException(m),
        };
    }

    internal static void LoadParameters<T>(Module<T> layer, TorchFixture f, string prefix = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        var named = layer.named_parameters().ToList();
        Assert.Equal(f.Names.Count(n => n.StartsWith("param." + prefix)), named.Count);
        foreach (var (name, p) in named) p.Value.CopyFrom(f.Get<T>($"param.{prefix}{name}"));
    }

    private static void Check<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layer = Build<T>(f);
        LoadParameters(layer, f);
        RecurrentState<T>? init = f.Has("h0") ? new(f.Get<T>("h0"), layer.HasCellState ? f.Get<T>("c0") : null) : null;
        CompareRun(f, layer, layer.forward(f.Get<T>("input"), init), init is not null);
    }

    /// <summary>Compares a forward result with the fixture, then back-propagates its gradients and compares every gradient.</summary>
    internal static void CompareRun<T>(TorchFixture f, RNNBase<T> layer, RecurrentOutput<T> result, bool hasInitialState) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool lstm = layer.HasCellState;
        Parity.Close("output", f.Get<T>("output"), result.Output);
        Parity.Close("h_n", f.Get<T>("h_n"), result.FinalState.H);
        if (lstm) Parity.Close("c_n", f.Get<T>("c_n"), result.FinalState.C!);

        layer.zero_grad();
        var dFinal = new RecurrentState<T>(f.Get<T>("grad_h_n"), lstm ? f.Get<T>("grad_c_n") : null);
        var dx = layer.backward(f.Get<T>("grad_output"), dFinal);
        Parity.Close("grad.input", f.Get<T>("grad.input"), dx);
        if (hasInitialState)
        {
            Parity.Close("grad.h0", f.Get<T>("grad.h0"), layer.InitialStateGradient!.H);
            if (lstm) Parity.Close("grad.c0", f.Get<T>("grad.c0"), layer.InitialStateGradient!.C!);
        }
        foreach (var (name, p) in layer.named_parameters())
            Parity.Close("grad." + name, f.Get<T>("grad." + name), p.Grad);
    }
}
