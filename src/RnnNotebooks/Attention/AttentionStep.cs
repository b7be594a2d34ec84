using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Attention;

/// <summary>What one attention step computed; B batch rows, S source positions, K key features.</summary>
/// <param name="Query">q [B, Q]: the decoder state asking.</param>
/// <param name="Keys">h [B, S, K]: the encoder outputs, both keys and values.</param>
/// <param name="Mask">Which of the S positions are real (null: all); padded ones get weight 0.</param>
/// <param name="Scores">e [B, S]: the score of each position (−∞ where padded).</param>
/// <param name="Weights">α = softmax(e) [B, S]: each row sums to 1, the alignment.</param>
/// <param name="Context">c = Σₛ αₛ hₛ [B, K].</param>
/// <param name="Hidden">u = tanh(q Wqᵀ + hₛ Wkᵀ) [B, S, A] for additive attention, else null.</param>
public sealed record AttentionStep<T>(Tensor<T> Query, Tensor<T> Keys, SequenceMask? Mask,
    Tensor<T> Scores, Tensor<T> Weights, Tensor<T> Context, Tensor<T>? Hidden)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>The gradients of one attention step's backward pass.</summary>
/// <param name="Query">∂L/∂q [B, Q].</param>
/// <param name="Keys">∂L/∂h [B, S, K] (as keys and as values).</param>
/// <param name="WeightQuery">∂L/∂Wq [A, Q] (additive only).</param>
/// <param name="WeightKey">∂L/∂Wk [A, K] (additive only).</param>
/// <param name="WeightScore">∂L/∂v [A] (additive only).</param>
public sealed record AttentionGradient<T>(Tensor<T> Query, Tensor<T> Keys,
    Tensor<T>? WeightQuery, Tensor<T>? WeightKey, Tensor<T>? WeightScore)
    where T : unmanaged, IFloatingPointIeee754<T>;
