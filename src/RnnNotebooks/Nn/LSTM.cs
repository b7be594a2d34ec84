using System.Numerics;
using RnnNotebooks.Nn.Fused;

namespace RnnNotebooks.Nn;

/// <summary>
/// LSTM with PyTorch's gate order (i, f, g, o), PyTorch's <c>nn.LSTM</c> / Keras's <c>LSTM</c>. The state carries h and the cell state c.
/// </summary>
public sealed class LSTM<T> : RNNBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, bool bias = true, string name = "lstm")
        : base(Sizes.Recurrent("LSTM", name, inputSize, hiddenSize, numLayers, bidirectional, gates: 4), inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 4)
    {
        Build();
    }

    /// <summary>Layer <paramref name="layer"/>'s weights as a one-step <see cref="Cells.LstmCell{T}"/> (shared, not copied).</summary>
    public new Cells.LstmCell<T> Cell(int layer = 0, bool reverse = false) => (Cells.LstmCell<T>)base.Cell(layer, reverse);

    private protected override Cells.Cell<T> CreateCell(Tensors.Tensor<T> weightIh, Tensors.Tensor<T> weightHh, Tensors.Tensor<T>? biasIh, Tensors.Tensor<T>? biasHh)
        => new Cells.LstmCell<T>(weightIh, weightHh, biasIh, biasHh);

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new LstmDirection<T>(inputSize, HiddenSize, reverse, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RNNBase<T> CloneArchitecture(string? name = null) =>
        new LSTM<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, HasBias, name ?? Name) { Dropout = Dropout };
}
