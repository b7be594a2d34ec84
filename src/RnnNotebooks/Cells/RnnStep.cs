using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>What <see cref="RnnCell{T}.Forward(Tensor{T}, Tensor{T})"/> computed (and its backward step reads).</summary>
/// <param name="Input">xₜ [B, I].</param>
/// <param name="HiddenPrev">hₜ₋₁ [B, H].</param>
/// <param name="Hidden">hₜ [B, H].</param>
public sealed record RnnStep<T>(Tensor<T> Input, Tensor<T> HiddenPrev, Tensor<T> Hidden)
    : CellStep<T>(Input, HiddenPrev, Hidden)
    where T : unmanaged, IFloatingPointIeee754<T>;
