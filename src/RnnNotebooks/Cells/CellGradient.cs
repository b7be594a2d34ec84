using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>What one backward step of a cell returns: the gradient of the loss with respect to
/// everything the step read.</summary>
/// <param name="Input">∂L/∂xₜ [B, I].</param>
/// <param name="HiddenPrev">∂L/∂hₜ₋₁ [B, H], to carry into the step before.</param>
/// <param name="CellPrev">∂L/∂cₜ₋₁ [B, H] for the LSTM, else null.</param>
/// <param name="WeightIh">∂L/∂Wᵢₕ [G·H, I] from this step alone.</param>
/// <param name="WeightHh">∂L/∂Wₕₕ [G·H, H] from this step alone.</param>
/// <param name="BiasIh">∂L/∂bᵢₕ [G·H], or null without bias.</param>
/// <param name="BiasHh">∂L/∂bₕₕ [G·H], or null without bias.</param>
public sealed record CellGradient<T>(Tensor<T> Input, Tensor<T> HiddenPrev, Tensor<T>? CellPrev,
    Tensor<T> WeightIh, Tensor<T> WeightHh, Tensor<T>? BiasIh, Tensor<T>? BiasHh)
    where T : unmanaged, IFloatingPointIeee754<T>;
