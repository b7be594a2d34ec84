using System.Numerics;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// GRU with PyTorch's gate order (r, z, n) and n = tanh(Wᵢₙx + bᵢₙ + r ⊙ (Wₕₙh + bₕₙ)), PyTorch's <c>nn.GRU</c> / Keras's <c>GRU(reset_after=True)</c>.
/// </summary>
public sealed class Gru<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public Gru(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, bool bias = true, string name = "gru")
        : base(name, inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 3)
    {
        Build();
    }

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new GruDirection<T>(inputSize, HiddenSize, reverse, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RecurrentLayer<T> CloneArchitecture(string? name = null) =>
        new Gru<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, HasBias, name ?? Name);
}
