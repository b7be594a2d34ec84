namespace RnnNotebooks.Nn;

/// <summary>Output activation of a <see cref="Linear{T}"/> layer.</summary>
public enum Activation
{
    /// <summary>Identity (logits).</summary>
    Linear,
    /// <summary>Logistic sigmoid.</summary>
    Sigmoid,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>max(0, x).</summary>
    Relu,
    /// <summary>Softmax over the last axis.</summary>
    Softmax,
}
