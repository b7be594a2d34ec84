using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// The stacked price regressor: RNN(64, every step) → RNN(32, last output) → Linear(1).
/// Parameter names match the scratch model: <c>rnn.*</c>, <c>rnn_1.*</c>, <c>linear.*</c>.
/// </summary>
public sealed class PriceRegressor : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module _first, _second;
    private readonly nn.Module<Tensor, Tensor> _linear;

    /// <summary>Creates the regressor for windows of <paramref name="features"/> values per step.</summary>
    public PriceRegressor(long features = 1, long firstHidden = 64, long secondHidden = 32, ScalarType? dtype = null, Device? device = null)
        : base(nameof(PriceRegressor))
    {
        _first = Recurrent.Create(RecurrentKind.Rnn, features, firstHidden, dtype: dtype, device: device);
        _second = Recurrent.Create(RecurrentKind.Rnn, firstHidden, secondHidden, dtype: dtype, device: device);
        _linear = nn.Linear(secondHidden, 1, device: device, dtype: dtype);
        register_module("rnn", _first);
        register_module("rnn_1", _second);
        register_module("linear", _linear);
    }

    /// <summary>Windows [B, T, features] → next value [B, 1].</summary>
    public override Tensor forward(Tensor windows)
    {
        using var scope = NewDisposeScope();
        var (sequence, _, _) = Recurrent.Forward(_first, windows);
        var (_, h, _) = Recurrent.Forward(_second, sequence);
        return _linear.forward(Recurrent.LastOutput(h, 1)).MoveToOuterDisposeScope();
    }
}
