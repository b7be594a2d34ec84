using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>What <see cref="LstmCell{T}.Forward"/> computed, gates included; every tensor but the input is [B, H].</summary>
/// <param name="Input">xₜ [B, I].</param>
/// <param name="HiddenPrev">hₜ₋₁.</param>
/// <param name="CellPrev">cₜ₋₁.</param>
/// <param name="InputGate">i = σ(aᵢ).</param>
/// <param name="ForgetGate">f = σ(a_f).</param>
/// <param name="Candidate">g = tanh(a_g).</param>
/// <param name="OutputGate">o = σ(aₒ).</param>
/// <param name="Cell">cₜ = f ⊙ cₜ₋₁ + i ⊙ g.</param>
/// <param name="TanhCell">tanh(cₜ).</param>
/// <param name="Hidden">hₜ = o ⊙ tanh(cₜ).</param>
public sealed record LstmStep<T>(Tensor<T> Input, Tensor<T> HiddenPrev, Tensor<T> CellPrev,
    Tensor<T> InputGate, Tensor<T> ForgetGate, Tensor<T> Candidate, Tensor<T> OutputGate,
    Tensor<T> Cell, Tensor<T> TanhCell, Tensor<T> Hidden)
    : CellStep<T>(Input, HiddenPrev, Hidden)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>cₜ = f ⊙ cₜ₋₁ + i ⊙ g.</summary>
    public override Tensor<T> Cell { get; } = Cell;
}
