using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Attention.AttentionMath;

namespace RnnNotebooks.Attention;

/// <summary>
/// Dot-product attention (Luong, Pham &amp; Manning, 2015, "dot"), one step, no weights:
/// <code>
/// eₛ = λ hₛ · q     α = softmax(e)     c = Σₛ αₛ hₛ
/// </code>
/// with λ = 1, or λ = 1/√K when <see cref="Scaled"/> (the Transformer's scaled dot product).
/// Shapes: B batch rows, S source positions, K features of the query and of each key.
/// </summary>
public sealed class DotProductAttention<T> : AttentionCell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the step for queries and keys of <paramref name="size"/> features (1 to <see cref="AttentionLayer{T}.MaxSize"/>).</summary>
    public DotProductAttention(int size, bool scaled = false)
    {
        if (size < 1 || size > AttentionLayer<T>.MaxSize)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"DotProductAttention: size must be in [1, {AttentionLayer<T>.MaxSize}], got {size}.");
        Size = size; Scaled = scaled;
    }

    /// <summary>K, features of the query and of each key.</summary>
    public int Size { get; }
    /// <summary>Whether the scores are divided by √K.</summary>
    public bool Scaled { get; }
    /// <summary>λ: 1/√K when scaled, else 1.</summary>
    public T Scale => Scaled ? T.One / T.Sqrt(T.CreateChecked(Size)) : T.One;
    /// <inheritdoc/>
    public override int QuerySize => Size;
    /// <inheritdoc/>
    public override int KeySize => Size;

    /// <inheritdoc/>
    public override AttentionStep<T> Forward(Tensor<T> query, Tensor<T> keys, SequenceMask? mask = null)
    {
        ExpectStep(query, keys, mask);
        var raw = KeysDot(keys, query);                                              // hₛ · q                   [B, S]
        if (Scaled) ScaleInPlace(raw, Scale);                                             // × λ
        var (e, alpha) = MaskedSoftmax(raw, mask);                                   // α = softmax(e)           [B, S]
        var c = WeightedSum(alpha, keys);                                            // c = Σₛ αₛ hₛ             [B, K]
        return new AttentionStep<T>(query, keys, mask, e, alpha, c, null);
    }

    /// <inheritdoc/>
    public override AttentionGradient<T> Backward(AttentionStep<T> st, Tensor<T> dContext, Tensor<T>? dWeights = null)
    {
        var (q, h, alpha) = (st.Query, st.Keys, st.Weights);
        var dAlpha = KeysDot(h, dContext);                                           // ∂L/∂αₛ = hₛ · ∂c         [B, S]
        if (dWeights is not null) dAlpha += dWeights;
        var de = SoftmaxBackward(alpha, dAlpha);                                     // ∂L/∂e (0 where padded)   [B, S]
        if (Scaled) ScaleInPlace(de, Scale);                                              // ∂L/∂(hₛ · q) = λ ∂eₛ
        return new AttentionGradient<T>(
            Query: WeightedSum(de, h),                                               // ∂L/∂q  = Σₛ ∂eₛ hₛ       [B, K]
            Keys: Outer(alpha, dContext) + Outer(de, q),                             // ∂L/∂hₛ = αₛ ∂c + ∂eₛ q   [B, S, K]
            null, null, null);
    }
}
