using System.Numerics;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Cells;

/// <summary>
/// One step of an Elman RNN, PyTorch's <c>nn.RNNCell</c>: hₜ = φ(xₜ Wᵢₕᵀ + bᵢₕ + hₜ₋₁ Wₕₕᵀ + bₕₕ),
/// φ = tanh or relu. Shapes: B batch rows, I inputs, H hidden units.
/// </summary>
public sealed class RnnCell<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the cell from Wᵢₕ [H, I], Wₕₕ [H, H] and optional biases [H].</summary>
    public RnnCell(Tensor<T> weightIh, Tensor<T> weightHh, Tensor<T>? biasIh = null, Tensor<T>? biasHh = null, bool relu = false)
        : base(1, weightIh, weightHh, biasIh, biasHh) => Relu = relu;

    /// <summary>True for φ = relu, false for tanh.</summary>
    public bool Relu { get; }

    /// <summary>hₜ from xₜ [B, I] and hₜ₋₁ [B, H].</summary>
    public RnnStep<T> Forward(Tensor<T> x, Tensor<T> hPrev)
    {
        ExpectStep(x, hPrev);
        var a = Affine(x, WeightIh, BiasIh) + Affine(hPrev, WeightHh, BiasHh);   // a  = x Wᵢₕᵀ + bᵢₕ + h Wₕₕᵀ + bₕₕ   [B, H]
        var h = Relu ? Tensor.Relu(a) : Tanh(a);                                     // hₜ = φ(a)                          [B, H]
        return new RnnStep<T>(x, hPrev, h);
    }

    /// <summary>Back through one step, from ∂L/∂hₜ [B, H] (everything that reaches hₜ: the output and the next step).</summary>
    public CellGradient<T> Backward(RnnStep<T> step, Tensor<T> dh)
    {
        var h = step.Hidden;
        var dPhi = Relu ? Positive(h) : OneMinus(h * h);                             // φ'(a) from hₜ: relu' = [h > 0], tanh' = 1 − h²
        var da = dh * dPhi;                                                          // ∂L/∂a = dh ⊙ φ'(a)                 [B, H]
        return Project(step.Input, step.HiddenPrev, da, da, null, null);
    }

    /// <inheritdoc/>
    public override CellStep<T> Forward(Tensor<T> x, Tensor<T> hPrev, Tensor<T>? cPrev) =>
        cPrev is null ? Forward(x, hPrev) : throw NoCellState(nameof(cPrev));

    /// <inheritdoc/>
    public override CellGradient<T> Backward(CellStep<T> step, Tensor<T> dh, Tensor<T>? dc) =>
        dc is null ? Backward(StepOf<RnnStep<T>>(step), dh) : throw NoCellState(nameof(dc));
}
