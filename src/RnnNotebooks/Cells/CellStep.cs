using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>
/// What one forward step of any cell kept for its backward step: the part every kind shares
/// (<see cref="RnnStep{T}"/>, <see cref="LstmStep{T}"/> and <see cref="GruStep{T}"/> add their gates).
/// <see cref="Unroll"/> reads only this part.
/// </summary>
/// <param name="Input">xₜ [B, I].</param>
/// <param name="HiddenPrev">hₜ₋₁ [B, H].</param>
/// <param name="Hidden">hₜ [B, H].</param>
public abstract record CellStep<T>(Tensor<T> Input, Tensor<T> HiddenPrev, Tensor<T> Hidden)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>cₜ [B, H] for the LSTM; null for cells without a cell state.</summary>
    public virtual Tensor<T>? Cell => null;
}
