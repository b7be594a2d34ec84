using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>What <see cref="GruCell{T}.Forward(Tensor{T}, Tensor{T})"/> computed, gates included; every tensor but the input is [B, H].</summary>
/// <param name="Input">xₜ [B, I].</param>
/// <param name="HiddenPrev">hₜ₋₁.</param>
/// <param name="ResetGate">r = σ(axᵣ + ahᵣ).</param>
/// <param name="UpdateGate">z = σ(ax_z + ah_z).</param>
/// <param name="Candidate">n = tanh(axₙ + r ⊙ ahₙ).</param>
/// <param name="HiddenCandidate">ahₙ = hₜ₋₁ Wₕₙᵀ + bₕₙ, the part r scales.</param>
/// <param name="Hidden">hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁.</param>
public sealed record GruStep<T>(Tensor<T> Input, Tensor<T> HiddenPrev,
    Tensor<T> ResetGate, Tensor<T> UpdateGate, Tensor<T> Candidate, Tensor<T> HiddenCandidate, Tensor<T> Hidden)
    : CellStep<T>(Input, HiddenPrev, Hidden)
    where T : unmanaged, IFloatingPointIeee754<T>;
