using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>What <see cref="Unroll.Backward"/> returns for a sequence of T steps.</summary>
/// <param name="Inputs">∂L/∂xₜ [B, I] for every step.</param>
/// <param name="Hidden">
/// [T + 1] gradients [B, H] with respect to the state after t steps, as carried back along the
/// recurrence: Hidden[T] is the gradient given for the final state, Hidden[0] ∂L/∂h₀; in between,
/// what step t sends back (the gradient from outside that reaches the same state is not included).
/// </param>
/// <param name="Cell">The same for the LSTM's cell state; null for the other cells.</param>
/// <param name="WeightIh">∂L/∂Wᵢₕ [G·H, I], summed over the steps.</param>
/// <param name="WeightHh">∂L/∂Wₕₕ [G·H, H], summed over the steps.</param>
/// <param name="BiasIh">∂L/∂bᵢₕ [G·H], or null without bias.</param>
/// <param name="BiasHh">∂L/∂bₕₕ [G·H], or null without bias.</param>
public sealed record UnrollGradient<T>(Tensor<T>[] Inputs, Tensor<T>[] Hidden, Tensor<T>[]? Cell,
    Tensor<T> WeightIh, Tensor<T> WeightHh, Tensor<T>? BiasIh, Tensor<T>? BiasHh)
    where T : unmanaged, IFloatingPointIeee754<T>;
