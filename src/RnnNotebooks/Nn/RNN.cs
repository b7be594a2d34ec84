using System.Numerics;
using RnnNotebooks.Nn.Fused;

namespace RnnNotebooks.Nn;

/// <summary>
/// Elman RNN, PyTorch's <c>nn.RNN</c> / Keras's <c>SimpleRNN</c>:
/// hₜ = φ(Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ) with φ = tanh (default) or relu.
/// </summary>
public sealed class RNN<T> : RNNBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _relu;

    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public RNN(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, string nonlinearity = "tanh", bool bias = true, string name = "rnn")
        : base(Sizes.Recurrent("RNN", name, inputSize, hiddenSize, numLayers, bidirectional, gates: 1), inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 1)
    {
        _relu = nonlinearity switch
        {
            "tanh" => false,
            "relu" => true,
            _ => throw new ArgumentException($"RNN '{name}': nonlinearity must be \"tanh\" or \"relu\", got \"{nonlinearity}\".", nameof(nonlinearity)),
        };
        Build();
    }

    /// <summary>"tanh" or "relu".</summary>
    public string Nonlinearity => _relu ? "relu" : "tanh";

    /// <summary>Layer <paramref name="layer"/>'s weights as a one-step <see cref="Cells.RnnCell{T}"/> (shared, not copied).</summary>
    public new Cells.RnnCell<T> Cell(int layer = 0, bool reverse = false) => (Cells.RnnCell<T>)base.Cell(layer, reverse);

    private protected override Cells.Cell<T> CreateCell(Tensors.Tensor<T> weightIh, Tensors.Tensor<T> weightHh, Tensors.Tensor<T>? biasIh, Tensors.Tensor<T>? biasHh)
        => new Cells.RnnCell<T>(weightIh, weightHh, biasIh, biasHh, relu: _relu);

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new RnnDirection<T>(inputSize, HiddenSize, reverse, _relu, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RNNBase<T> CloneArchitecture(string? name = null) =>
        new RNN<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, Nonlinearity, HasBias, name ?? Name) { Dropout = Dropout };
}
