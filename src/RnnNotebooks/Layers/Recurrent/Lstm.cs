using System.Numerics;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// LSTM with PyTorch's gate order (i, f, g, o), PyTorch's <c>nn.LSTM</c> / Keras's <c>LSTM</c>. The state carries h and the cell state c.
/// </summary>
public sealed class Lstm<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public Lstm(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, bool bias = true, string name = "lstm")
        : base(name, inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 4)
    {
        Build();
    }

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new LstmDirection<T>(inputSize, HiddenSize, reverse, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RecurrentLayer<T> CloneArchitecture(string? name = null) =>
        new Lstm<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, HasBias, name ?? Name);
}
