using System.Numerics;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Cells;

/// <summary>
/// One step of a GRU, PyTorch's <c>nn.GRUCell</c>, gate blocks in PyTorch's order r, z, n:
/// <code>
/// [axᵣ ax_z axₙ] = xₜ Wᵢₕᵀ + bᵢₕ        [ahᵣ ah_z ahₙ] = hₜ₋₁ Wₕₕᵀ + bₕₕ
/// r = σ(axᵣ + ahᵣ)   z = σ(ax_z + ah_z)   n = tanh(axₙ + r ⊙ ahₙ)
/// hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁
/// </code>
/// The reset gate multiplies the hidden projection including its bias, as in PyTorch.
/// Shapes: B batch rows, I inputs, H hidden units; every gate is [B, H].
/// </summary>
public sealed class GruCell<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the cell from Wᵢₕ [3H, I], Wₕₕ [3H, H] and optional biases [3H].</summary>
    public GruCell(Tensor<T> weightIh, Tensor<T> weightHh, Tensor<T>? biasIh = null, Tensor<T>? biasHh = null)
        : base(3, weightIh, weightHh, biasIh, biasHh) { }

    /// <summary>hₜ from xₜ [B, I] and hₜ₋₁ [B, H]; the step keeps the gates.</summary>
    public GruStep<T> Forward(Tensor<T> x, Tensor<T> hPrev)
    {
        ExpectStep(x, hPrev);
        int H = HiddenSize;
        var ax = Affine(x, WeightIh, BiasIh);                                        // input projection            [B, 3H]
        var ah = Affine(hPrev, WeightHh, BiasHh);                                    // hidden projection           [B, 3H]
        var r = Sigmoid(Block(ax, 0, H) + Block(ah, 0, H));                          // reset gate                  [B, H]
        var z = Sigmoid(Block(ax, 1, H) + Block(ah, 1, H));                          // update gate                 [B, H]
        var ahn = Block(ah, 2, H);
        var n = Tanh(Block(ax, 2, H) + r * ahn);                                     // candidate                   [B, H]
        var h = OneMinus(z) * n + z * hPrev;                                         // hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁  [B, H]
        return new GruStep<T>(x, hPrev, r, z, n, ahn, h);
    }

    /// <summary>Back through one step, from ∂L/∂hₜ [B, H] (everything that reaches hₜ: the output and the next step).</summary>
    public CellGradient<T> Backward(GruStep<T> s, Tensor<T> dh)
    {
        var (r, z, n) = (s.ResetGate, s.UpdateGate, s.Candidate);
        var dn = dh * OneMinus(z);                                                   // ∂L/∂n = dh ⊙ (1 − z)
        var dz = dh * (s.HiddenPrev - n);                                            // ∂L/∂z = dh ⊙ (hₜ₋₁ − n)
        var dan = dn * OneMinus(n * n);                                              // ∂ of n's pre-activation (tanh' = 1 − n²)
        var dr = dan * s.HiddenCandidate;                                            // ∂L/∂r = ∂aₙ ⊙ ahₙ
        var dar = dr * r * OneMinus(r);                                              // σ' = σ(1 − σ)
        var daz = dz * z * OneMinus(z);
        var dax = ConcatColumns(dar, daz, dan);                                      // ∂L/∂ax                      [B, 3H]
        var dah = ConcatColumns(dar, daz, dan * r);                                  // ∂L/∂ah: r scales ahₙ        [B, 3H]
        return Project(s.Input, s.HiddenPrev, dax, dah, dhDirect: dh * z, null);     // + z ⊙ dh: hₜ₋₁ also enters hₜ directly
    }

    /// <inheritdoc/>
    public override CellStep<T> Forward(Tensor<T> x, Tensor<T> hPrev, Tensor<T>? cPrev) =>
        cPrev is null ? Forward(x, hPrev) : throw NoCellState(nameof(cPrev));

    /// <inheritdoc/>
    public override CellGradient<T> Backward(CellStep<T> step, Tensor<T> dh, Tensor<T>? dc) =>
        dc is null ? Backward(StepOf<GruStep<T>>(step), dh) : throw NoCellState(nameof(dc));
}
