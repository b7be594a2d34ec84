using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// TorchSharp's <c>nn.RNN</c>, <c>nn.LSTM</c> and <c>nn.GRU</c> behind one call, batch first, with
/// the scratch library's "last output" (every direction's final state of the top layer).
/// </summary>
public static class Recurrent
{
    /// <summary>Creates <c>nn.RNN</c> / <c>nn.LSTM</c> / <c>nn.GRU</c> with <c>batch_first</c>.</summary>
    public static nn.Module Create(RecurrentKind kind, long inputSize, long hiddenSize, long numLayers = 1, bool bidirectional = false,
        string nonlinearity = "tanh", bool bias = true, ScalarType? dtype = null, Device? device = null) => kind switch
    {
        RecurrentKind.Rnn => nn.RNN(inputSize, hiddenSize, numLayers, nonlinearity switch
        {
            "tanh" => nn.NonLinearities.Tanh,
            "relu" => nn.NonLinearities.ReLU,
            _ => throw new ArgumentException($"Recurrent: nonlinearity must be \"tanh\" or \"relu\", got \"{nonlinearity}\".", nameof(nonlinearity)),
        }, bias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
        RecurrentKind.Lstm => nn.LSTM(inputSize, hiddenSize, numLayers, bias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
        RecurrentKind.Gru => nn.GRU(inputSize, hiddenSize, numLayers, bias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Recurrent: unknown kind."),
    };

    /// <summary>
    /// Runs a recurrent module from the state (h0, c0) (zeros when null; c0 only for an LSTM).
    /// Returns every step's output [B, T, D·H] and the final state h [L·D, B, H] (and c for an LSTM).
    /// </summary>
    public static (Tensor Output, Tensor H, Tensor? C) Forward(nn.Module module, Tensor input, Tensor? h0 = null, Tensor? c0 = null)
    {
        switch (module)
        {
            case LSTM lstm:
                if ((h0 is null) != (c0 is null)) throw new ArgumentException("Recurrent: an LSTM needs both h0 and c0, or neither.");
                var (y, h, c) = lstm.forward(input, h0 is null ? null : (h0, c0!));
                return (y, h, c);
            case GRU gru:
                var (gy, gh) = gru.forward(input, h0);
                return (gy, gh, null);
            case RNN rnn:
                var (ry, rh) = rnn.forward(input, h0!);
                return (ry, rh, null);
            default:
                throw new ArgumentException($"Recurrent: {module.GetType().Name} is not nn.RNN, nn.LSTM or nn.GRU.", nameof(module));
        }
    }

    /// <summary>
    /// The final state of every direction of the top layer side by side, [B, D·H]: what the scratch
    /// layers (and Keras) return without <c>returnSequences</c>.
    /// </summary>
    public static Tensor LastOutput(Tensor h, int directions)
    {
        long rows = h.shape[0], batch = h.shape[1], hidden = h.shape[2];
        return h.narrow(0, rows - directions, directions).transpose(0, 1).reshape(batch, directions * hidden);
    }
}
