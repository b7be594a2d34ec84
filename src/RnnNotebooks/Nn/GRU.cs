using System.Numerics;
using RnnNotebooks.Nn.Fused;

namespace RnnNotebooks.Nn;

/// <summary>
/// GRU with PyTorch's gate order (r, z, n) and n = tanh(Wᵢₙx + bᵢₙ + r ⊙ (Wₕₙh + bₕₙ)), PyTorch's <c>nn.GRU</c> / Keras's <c>GRU(reset_after=True)</c>.
/// </summary>
public sealed class GRU<T> : RNNBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public GRU(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, bool bias = true, string name = "gru")
        : base(Sizes.Recurrent("GRU", name, inputSize, hiddenSize, numLayers, bidirectional, gates: 3), inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 3)
    {
        Build();
    }

    /// <summary>Layer <paramref name="layer"/>'s weights as a one-step <see cref="Cells.GruCell{T}"/> (shared, not copied).</summary>
    public new Cells.GruCell<T> Cell(int layer = 0, bool reverse = false) => (Cells.GruCell<T>)base.Cell(layer, reverse);

    private protected override Cells.Cell<T> CreateCell(Tensors.Tensor<T> weightIh, Tensors.Tensor<T> weightHh, Tensors.Tensor<T>? biasIh, Tensors.Tensor<T>? biasHh)
        => new Cells.GruCell<T>(weightIh, weightHh, biasIh, biasHh);

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new GruDirection<T>(inputSize, HiddenSize, reverse, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RNNBase<T> CloneArchitecture(string? name = null) =>
        new GRU<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, HasBias, name ?? Name) { Dropout = Dropout };
}
