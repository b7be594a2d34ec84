using RnnNotebooks.Layers.Recurrent;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>The Keras-style Bidirectional wrapper around a one-layer network equals PyTorch's bidirectional=True.</summary>
public class BidirectionalWrapperParityTests
{
    [Theory]
    [InlineData("rnn_tanh_bidir")]
    [InlineData("lstm_bidir")]
    [InlineData("gru_bidir")]
    public void Wrapper_matches_pytorch_bidirectional_layer(string caseName)
    {
        var f = TorchFixture.Load(caseName, "float64");
        int input = f.Int("input_size"), hidden = f.Int("hidden_size");
        RecurrentLayer<double> inner = f.Str("mode") switch
        {
            "RNN" => new SimpleRnn<double>(input, hidden, returnSequences: true),
            "LSTM" => new Lstm<double>(input, hidden, returnSequences: true),
            _ => new Gru<double>(input, hidden, returnSequences: true),
        };
        var wrapper = new Bidirectional<double>(inner);
        RecurrentParityTests.LoadParameters(wrapper, f);

        Parity.Close("output", f.Get<double>("output"), wrapper.Forward(f.Get<double>("input")));
        foreach (var p in wrapper.Parameters) p.ZeroGrad();
        // Only the output's gradient: the wrapper has no final-state output, so the fixture's h_n term is left out
        // by comparing against a pass of the PyTorch-layout layer with the same upstream gradient.
        var reference = RecurrentParityTests.Build<double>(f);
        RecurrentParityTests.LoadParameters(reference, f);
        reference.Forward(f.Get<double>("input"));
        var dxRef = reference.Backward(f.Get<double>("grad_output"));
        var dx = wrapper.Backward(f.Get<double>("grad_output"));
        Parity.Close("grad.input", dxRef, dx);
        var refGrads = reference.NamedParameters().ToDictionary(kv => kv.Key, kv => kv.Value.Grad);
        foreach (var (name, p) in wrapper.NamedParameters())
            Parity.Close("grad." + name, refGrads[name], p.Grad);
    }
}
