using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Attention.AttentionMath;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Attention;

/// <summary>
/// Additive attention (Bahdanau, Cho &amp; Bengio, 2015), one step:
/// <code>
/// uₛ = tanh(Wq q + Wk hₛ)     eₛ = v · uₛ     α = softmax(e)     c = Σₛ αₛ hₛ
/// </code>
/// Shapes: B batch rows, S source positions, Q query and K key features, A attention units;
/// Wq [A, Q], Wk [A, K], v [A], no biases (as d2l.ai's <c>AdditiveAttention</c>).
/// </summary>
public sealed class AdditiveAttention<T> : AttentionCell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the step from Wq [A, Q], Wk [A, K] and v [A] (shared, not copied).</summary>
    public AdditiveAttention(Tensor<T> weightQuery, Tensor<T> weightKey, Tensor<T> weightScore)
    {
        if (weightQuery.Rank != 2 || weightKey.Rank != 2 || weightScore.Rank != 1 ||
            weightKey.Dim(0) != weightQuery.Dim(0) || weightScore.Dim(0) != weightQuery.Dim(0))
            throw new ShapeException($"AdditiveAttention: expected Wq [A, Q], Wk [A, K] and v [A], got {Format(weightQuery.Shape)}, {Format(weightKey.Shape)} and {Format(weightScore.Shape)}.");
        WeightQuery = weightQuery; WeightKey = weightKey; WeightScore = weightScore;
    }

    /// <summary>Wq [A, Q].</summary>
    public Tensor<T> WeightQuery { get; }
    /// <summary>Wk [A, K].</summary>
    public Tensor<T> WeightKey { get; }
    /// <summary>v [A].</summary>
    public Tensor<T> WeightScore { get; }
    /// <inheritdoc/>
    public override int QuerySize => WeightQuery.Dim(1);
    /// <inheritdoc/>
    public override int KeySize => WeightKey.Dim(1);

    /// <inheritdoc/>
    public override AttentionStep<T> Forward(Tensor<T> query, Tensor<T> keys, SequenceMask? mask = null)
    {
        ExpectStep(query, keys, mask);
        int b = keys.Dim(0), s = keys.Dim(1), a = WeightQuery.Dim(0);
        var pq = Affine(query, WeightQuery, null);                                   // Wq q                     [B, A]
        var pk = Affine(keys.Reshape(b * s, KeySize), WeightKey, null);              // Wk hₛ                    [B·S, A]
        var u = Tanh(pk.Reshape(b, s, a) + RepeatRows(pq, s));                       // uₛ = tanh(Wq q + Wk hₛ)  [B, S, A]
        var raw = MatMul(u.Reshape(b * s, a), WeightScore.Reshape(a, 1));            // eₛ = v · uₛ              [B·S, 1]
        var (e, alpha) = MaskedSoftmax(raw.Reshape(b, s), mask);                     // α = softmax(e)           [B, S]
        var c = WeightedSum(alpha, keys);                                            // c = Σₛ αₛ hₛ             [B, K]
        return new AttentionStep<T>(query, keys, mask, e, alpha, c, u);
    }

    /// <inheritdoc/>
    public override AttentionGradient<T> Backward(AttentionStep<T> st, Tensor<T> dContext, Tensor<T>? dWeights = null)
    {
        var (q, h, alpha, u) = (st.Query, st.Keys, st.Weights, st.Hidden!);
        int b = h.Dim(0), s = h.Dim(1), a = WeightQuery.Dim(0);
        var dAlpha = KeysDot(h, dContext);                                           // ∂L/∂αₛ = hₛ · ∂c         [B, S]
        if (dWeights is not null) dAlpha += dWeights;
        var de = SoftmaxBackward(alpha, dAlpha);                                     // ∂L/∂e (0 where padded)   [B, S]
        var dhValue = Outer(alpha, dContext);                                        // hₛ as value: αₛ ∂c       [B, S, K]
        var du = Outer(de, RepeatRows(WeightScore.Reshape(1, a), b).Reshape(b, a));  // ∂L/∂uₛ = ∂eₛ v            [B, S, A]
        var dz = (du * OneMinus(u * u)).Reshape(b * s, a);                           // tanh' = 1 − u²           [B·S, A]
        var dpq = SumPositions(dz.Reshape(b, s, a));                                 // Wq q feeds every s       [B, A]
        var dhKey = MatMul(dz, WeightKey).Reshape(b, s, KeySize);                    // hₛ as key: ∂z Wk         [B, S, K]
        return new AttentionGradient<T>(
            Query: MatMul(dpq, WeightQuery),                                         // ∂L/∂q  = ∂pq Wq          [B, Q]
            Keys: dhValue + dhKey,                                                   // ∂L/∂hₛ, both paths       [B, S, K]
            WeightQuery: TransposeMatMul(dpq, q),                                    // ∂L/∂Wq = ∂pqᵀ q          [A, Q]
            WeightKey: TransposeMatMul(dz, h.Reshape(b * s, KeySize)),               // ∂L/∂Wk = ∂zᵀ h           [A, K]
            WeightScore: TransposeMatMul(de.Reshape(b * s, 1), u.Reshape(b * s, a)).Reshape(a));   // ∂L/∂v = Σ ∂eₛ uₛ  [A]
    }
}
