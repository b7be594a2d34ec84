using RnnNotebooks.Nn;
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
        RNNBase<double> inner = f.Str("mode") switch
        {
            "RNN" => new RNN<double>(input, hidden, returnSequences: true),
            "LSTM" => new LSTM<double>(input, hidden, returnSequences: true),
            _ => new GRU<double>(input, hidden, returnSequences: true),
        };
        var wrapper = new Bidirectional<double>(inner);
        RecurrentParityTests.LoadParameters(wrapper, f);

        Parity.Close("output", f.Get<double>("output"), wrapper.forward(f.Get<double>("input")));
        wrapper.zero_grad();
        // Only the output's gradient: the wrapper has no final-state output, so the fixture's h_n term is left out
        // by comparing against a pass of the PyTorch-layout layer with the same upstream gradient.
        var reference = RecurrentParityTests.Build<double>(f);
        RecurrentParityTests.LoadParameters(reference, f);
        reference.forward(f.Get<double>("input"));
        var dxRef = reference.backward(f.Get<double>("grad_output"));
        var dx = wrapper.backward(f.Get<double>("grad_output"));
        Parity.Close("grad.input", dxRef, dx);
        var refGrads = reference.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.Grad);
        foreach (var (name, p) in wrapper.named_parameters())
            Parity.Close("grad." + name, refGrads[name], p.Grad);
    }
}
