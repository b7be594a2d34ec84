namespace RnnNotebooks.Attention;

/// <summary>How a decoder step scores the source positions.</summary>
public enum AttentionKind
{
    /// <summary>No attention: the decoder sees the source only through its initial state (the bottleneck).</summary>
    None,
    /// <summary>Additive (Bahdanau et al., 2015): e = vᵀ tanh(Wq q + Wk h), see <see cref="AdditiveAttention{T}"/>.</summary>
    Additive,
    /// <summary>Dot product (Luong et al., 2015): e = hᵀ q, see <see cref="DotProductAttention{T}"/>.</summary>
    DotProduct,
}
