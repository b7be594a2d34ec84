using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Attention;

/// <summary>
/// One attention step, forward and backward, as <see cref="Cells.Cell{T}"/> is one recurrent step:
/// scores eₛ for every source position s from a query q and the keys hₛ, weights α = softmax(e)
/// over the real positions, and the context c = Σₛ αₛ hₛ. The two kinds differ only in the score.
/// The cell reads its weights; it never changes them.
/// </summary>
public abstract class AttentionCell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Q, features of the query.</summary>
    public abstract int QuerySize { get; }
    /// <summary>K, features of each key.</summary>
    public abstract int KeySize { get; }

    /// <summary>Weights and context for query q [B, Q] over keys h [B, S, K]; padded positions (mask) get weight 0.</summary>
    public abstract AttentionStep<T> Forward(Tensor<T> query, Tensor<T> keys, SequenceMask? mask = null);

    /// <summary>Back through one step from ∂L/∂c [B, K] and, optionally, ∂L/∂α [B, S].</summary>
    public abstract AttentionGradient<T> Backward(AttentionStep<T> step, Tensor<T> dContext, Tensor<T>? dWeights = null);

    /// <summary>Throws unless q is [B, Q], h is [B, S, K] and the mask is [B, S] with a real position in every row.</summary>
    private protected void ExpectStep(Tensor<T> query, Tensor<T> keys, SequenceMask? mask)
    {
        string kind = GetType().Name.Split('`')[0];
        if (query.Rank != 2 || query.Dim(1) != QuerySize)
            throw new ShapeException($"{kind}: expected query of shape [batch, {QuerySize}], got {Tensor.Format(query.Shape)}.");
        if (keys.Rank != 3 || keys.Dim(0) != query.Dim(0) || keys.Dim(2) != KeySize || keys.Dim(1) == 0)
            throw new ShapeException($"{kind}: expected keys of shape [{query.Dim(0)}, steps, {KeySize}], got {Tensor.Format(keys.Shape)}.");
        if (mask is null) return;
        if (mask.Batch != keys.Dim(0) || mask.Steps != keys.Dim(1))
            throw new ShapeException($"{kind}: the mask is for [{mask.Batch}, {mask.Steps}] (batch, steps), the keys are {Tensor.Format(keys.Shape)}.");
        var lengths = mask.Lengths();
        int empty = Array.IndexOf(lengths, 0);
        if (empty >= 0) throw new ArgumentException($"{kind}: row {empty} of the mask has no real position to attend to.", nameof(mask));
    }

    /// <summary>∂L/∂e from ∂L/∂α through the softmax: ∂eₛ = αₛ (∂αₛ − Σⱼ αⱼ ∂αⱼ).</summary>
    private protected static Tensor<T> SoftmaxBackward(Tensor<T> weights, Tensor<T> dWeights)
    {
        int b = weights.Dim(0), s = weights.Dim(1);
        var de = new Tensor<T>(b, s);
        for (int i = 0; i < b; i++)
        {
            T dot = T.Zero;
            for (int j = 0; j < s; j++) dot += weights.Data[i * s + j] * dWeights.Data[i * s + j];
            for (int j = 0; j < s; j++) de.Data[i * s + j] = weights.Data[i * s + j] * (dWeights.Data[i * s + j] - dot);
        }
        return de;
    }
}
