using System.Numerics;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// Elman RNN, PyTorch's <c>nn.RNN</c> / Keras's <c>SimpleRNN</c>:
/// hₜ = φ(Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ) with φ = tanh (default) or relu.
/// </summary>
public sealed class SimpleRnn<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _relu;

    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as in Keras.</summary>
    public SimpleRnn(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = false, string nonlinearity = "tanh", bool bias = true, string name = "rnn")
        : base(name, inputSize, hiddenSize, numLayers, bidirectional, returnSequences, bias, gates: 1)
    {
        _relu = nonlinearity switch
        {
            "tanh" => false,
            "relu" => true,
            _ => throw new ArgumentException($"SimpleRnn '{name}': nonlinearity must be \"tanh\" or \"relu\", got \"{nonlinearity}\".", nameof(nonlinearity)),
        };
        Build();
    }

    /// <summary>"tanh" or "relu".</summary>
    public string Nonlinearity => _relu ? "relu" : "tanh";

    private protected override RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
        => new SimpleRnnDirection<T>(inputSize, HiddenSize, reverse, _relu, weightIh, weightHh, biasIh, biasHh);

    /// <inheritdoc/>
    public override RecurrentLayer<T> CloneArchitecture(string? name = null) =>
        new SimpleRnn<T>(InputSize, HiddenSize, NumLayers, Bidirectional, ReturnSequences, Nonlinearity, HasBias, name ?? Name);
}
