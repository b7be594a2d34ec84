using TorchSharp;
using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Torch.Models;
using RnnNotebooks.Torch.Tests.Support;
using Xunit.Abstractions;


namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// nn.RNN / nn.LSTM / nn.GRU against the scratch layers on the same weights, from a non-zero
/// initial state: outputs, final states, ∂L/∂input, ∂L/∂(initial state) and every weight gradient,
/// for L = Σ output ⊙ A + Σ h_n ⊙ B (+ Σ c_n ⊙ C), so every path back carries a gradient.
/// </summary>
public sealed class RecurrentTwinTests(ITestOutputHelper output)
{
    public static TheoryData<RecurrentKind, int, bool, bool, string> Stacks => new()
    {
        { RecurrentKind.Rnn, 1, false, true, "tanh" },
        { RecurrentKind.Rnn, 2, false, false, "relu" },
        { RecurrentKind.Rnn, 2, true, true, "tanh" },
        { RecurrentKind.Lstm, 1, false, false, "tanh" },
        { RecurrentKind.Lstm, 2, true, true, "tanh" },
        { RecurrentKind.Gru, 1, false, true, "tanh" },
        { RecurrentKind.Gru, 2, true, false, "tanh" },
        { RecurrentKind.Gru, 3, true, true, "tanh" },
    };

    [Theory, MemberData(nameof(Stacks))]
    public void Float32_stack_matches(RecurrentKind kind, int layers, bool bidirectional, bool sequences, string nonlinearity) =>
        Check<float>(kind, layers, bidirectional, sequences, nonlinearity);

    [Theory, MemberData(nameof(Stacks))]
    public void Float64_stack_matches(RecurrentKind kind, int layers, bool bidirectional, bool sequences, string nonlinearity) =>
        Check<double>(kind, layers, bidirectional, sequences, nonlinearity);

    private void Check<T>(RecurrentKind kind, int layers, bool bidirectional, bool sequences, string nonlinearity)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int batch = 3, steps = 5, input = 4, hidden = 6;
        int dirs = bidirectional ? 2 : 1;
        bool lstm = kind == RecurrentKind.Lstm;
        string name = $"{kind}{(nonlinearity == "relu" ? "(relu)" : "")} layers={layers}{(bidirectional ? " bidirectional" : "")}{(sequences ? " sequences" : " last")}";
        var check = new Agreement<T>(name, output);

        Rng.ManualSeed(7);
        var layer = ScratchTwins.Recurrent<T>(kind, input, hidden, layers, bidirectional, sequences, nonlinearity);
        using var twin = Recurrent.Create(kind, input, hidden, layers, bidirectional, nonlinearity, dtype: TensorBridge.DType<T>());
        ScratchTwins.CopyTo(layer, twin);

        var rng = new Rng(11);
        var x = Tensor.Normal<T>(rng, 0, 1, batch, steps, input);
        var h0 = Tensor.Normal<T>(rng, 0, 0.5, layers * dirs, batch, hidden);
        var c0 = lstm ? Tensor.Normal<T>(rng, 0, 0.5, layers * dirs, batch, hidden) : null;
        var a = Tensor.Normal<T>(rng, 0, 1, sequences ? [batch, steps, dirs * hidden] : [batch, dirs * hidden]);
        var b = Tensor.Normal<T>(rng, 0, 1, layers * dirs, batch, hidden);
        var c = lstm ? Tensor.Normal<T>(rng, 0, 1, layers * dirs, batch, hidden) : null;

        var scratch = layer.forward(x, new RecurrentState<T>(h0, c0));
        var dx = layer.backward(a, new RecurrentState<T>(b, c));
        var dState = layer.InitialStateGradient!;

        using var scope = torch.NewDisposeScope();
        var xt = TensorBridge.ToTorch(x).requires_grad_();
        var h0t = TensorBridge.ToTorch(h0).requires_grad_();
        var c0t = c0 is null ? null : TensorBridge.ToTorch(c0).requires_grad_();
        var (y, h, cn) = Recurrent.Forward(twin, xt, h0t, c0t);
        var outT = sequences ? y : Recurrent.LastOutput(h, dirs);
        var loss = (outT * TensorBridge.ToTorch(a)).sum() + (h * TensorBridge.ToTorch(b)).sum();
        if (lstm) loss = loss + (cn! * TensorBridge.ToTorch(c!)).sum();
        loss.backward();

        check.Close("output", outT, scratch.Output);
        check.Close("h_n", h, scratch.FinalState.H);
        if (lstm) check.Close("c_n", cn!, scratch.FinalState.C!);
        check.Close("grad input", xt.grad!, dx);
        check.Close("grad h0", h0t.grad!, dState.H);
        if (lstm) check.Close("grad c0", c0t!.grad!, dState.C!);
        check.CloseAll("grad", StateDictBridge.Gradients<T>(twin), ScratchTwins.Gradients(layer));
        check.Report();
    }
}
