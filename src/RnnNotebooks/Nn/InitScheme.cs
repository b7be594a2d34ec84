namespace RnnNotebooks.Nn;

/// <summary>How a layer initialises its parameters.</summary>
public enum InitScheme
{
    /// <summary>
    /// PyTorch defaults: recurrent weights and biases U(−1/√H, 1/√H); Linear weight and bias
    /// U(−1/√in, 1/√in); Embedding N(0, 1).
    /// </summary>
    PyTorch,

    /// <summary>
    /// Keras defaults: glorot_uniform input kernels, orthogonal recurrent kernels, zero biases
    /// (LSTM forget-gate bias 1), Embedding U(−0.05, 0.05), Dense glorot_uniform with zero bias.
    /// </summary>
    Keras,
}
