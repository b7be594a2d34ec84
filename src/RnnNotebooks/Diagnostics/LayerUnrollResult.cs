using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>What <see cref="LayerUnroll.Run"/> computed with the cells.</summary>
/// <param name="Output">Every step of the top layer [B, T, D·H].</param>
/// <param name="FinalState">h_T (and c_T) [L·D, B, H].</param>
/// <param name="InputGradient">∂L/∂input [B, T, I].</param>
/// <param name="InitialStateGradient">∂L/∂(initial state) [L·D, B, H].</param>
/// <param name="Gradients">∂L/∂ each parameter, by the layer's parameter names (<c>weight_ih_l0</c>, …).</param>
/// <param name="Directions">Each layer and direction's <see cref="UnrollGradient{T}"/>, index l·D + d, its steps in that direction's order.</param>
public sealed record LayerUnrollResult<T>(Tensor<T> Output, RecurrentState<T> FinalState, Tensor<T> InputGradient,
    RecurrentState<T> InitialStateGradient, IReadOnlyDictionary<string, Tensor<T>> Gradients, IReadOnlyList<UnrollGradient<T>> Directions)
    where T : unmanaged, IFloatingPointIeee754<T>;
