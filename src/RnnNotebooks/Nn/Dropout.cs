using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// PyTorch's <c>nn.Dropout</c> / Keras's <c>Dropout</c>: in training mode each element is
/// zeroed with probability <see cref="P"/> and the survivors are scaled by 1/(1 − p), so the
/// expected output equals the input; in evaluation mode (<see cref="Module{T}.eval"/>) it is
/// the identity. The mask of the last forward pass is reused by <see cref="backward"/>.
/// </summary>
public sealed class Dropout<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _mask;     // 0 or 1/(1 − p) per element; null when the last pass was the identity
    private Rng _rng;

    /// <summary>Creates the layer; its masks come from <paramref name="seed"/> (any value, 0 included, is a seed), or from
    /// <see cref="Rng.Global"/> when null. <paramref name="p"/> is in [0, 1); 0: no dropout (the identity in training too).</summary>
    public Dropout(double p = 0.5, ulong? seed = null, string name = "dropout") : base(name)
    {
        if (!(p >= 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"Dropout '{name}': p must be in [0, 1), got {p}.");
        P = p;
        _rng = seed is { } s ? new Rng(s) : new Rng(Rng.Global.NextUInt64());
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double P { get; }

    /// <summary>Restarts the mask sequence from a seed (the same seed gives the same masks; any value, 0 included, is a seed).</summary>
    public void ManualSeed(ulong seed) => _rng = new Rng(seed);

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Rng generator)> OwnGenerators() => [("mask", _rng)];

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => inputShape;

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input)
    {
        _mask = Training && P > 0 ? DropoutMask.Draw<T>(input.Shape, P, _rng) : null;
        return _mask is null ? input.Clone() : input * _mask;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward(Tensor<T> outputGradient) =>
        _mask is null ? outputGradient.Clone() : outputGradient * _mask;
}
