namespace RnnNotebooks.Nn;

/// <summary>
/// A layer computed NaN or ±∞ from finite inputs and finite weights: its activations overflowed (weights or
/// inputs far too large, e.g. after a learning rate that was too high). The <c>Trainer</c> reports it as a
/// <see cref="Training.TrainingDivergedException"/> naming the layer.
/// </summary>
public sealed class ActivationOverflowException : ArithmeticException
{
    /// <summary>Creates the exception for the layer named <paramref name="layer"/> of kind <paramref name="kind"/>.</summary>
    public ActivationOverflowException(string layer, string kind, string what, double value, string index, string largestWeight)
        : base(FormattableString.Invariant($"{kind} '{layer}': {what} is {value} at {index} from finite inputs and weights: its activations overflowed. {largestWeight}."))
    {
        Layer = layer; Kind = kind; Value = value; Index = index;
    }

    /// <summary>The layer's name.</summary>
    public string Layer { get; }
    /// <summary>The layer's kind (RNN, Linear, …).</summary>
    public string Kind { get; }
    /// <summary>The first value that is not finite.</summary>
    public double Value { get; }
    /// <summary>Where it is, e.g. <c>[0, 2]</c>.</summary>
    public string Index { get; }
}
