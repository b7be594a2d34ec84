using System.Numerics;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Cells;

/// <summary>
/// One step of an LSTM, PyTorch's <c>nn.LSTMCell</c>, gate blocks in PyTorch's order i, f, g, o:
/// <code>
/// [aᵢ a_f a_g aₒ] = xₜ Wᵢₕᵀ + bᵢₕ + hₜ₋₁ Wₕₕᵀ + bₕₕ
/// i = σ(aᵢ)  f = σ(a_f)  g = tanh(a_g)  o = σ(aₒ)
/// cₜ = f ⊙ cₜ₋₁ + i ⊙ g      hₜ = o ⊙ tanh(cₜ)
/// </code>
/// Shapes: B batch rows, I inputs, H hidden units; every gate is [B, H].
/// </summary>
public sealed class LstmCell<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the cell from Wᵢₕ [4H, I], Wₕₕ [4H, H] and optional biases [4H].</summary>
    public LstmCell(Tensor<T> weightIh, Tensor<T> weightHh, Tensor<T>? biasIh = null, Tensor<T>? biasHh = null)
        : base(4, weightIh, weightHh, biasIh, biasHh) { }

    /// <inheritdoc/>
    public override bool HasCellState => true;

    /// <summary>(hₜ, cₜ) from xₜ [B, I], hₜ₋₁ [B, H] and cₜ₋₁ [B, H]; the step keeps the gates.</summary>
    public override LstmStep<T> Forward(Tensor<T> x, Tensor<T> hPrev, Tensor<T>? cPrev)
    {
        ArgumentNullException.ThrowIfNull(cPrev);                                    // the LSTM needs cₜ₋₁
        ExpectStep(x, hPrev, cPrev);
        int H = HiddenSize;
        var a = Affine(x, WeightIh, BiasIh) + Affine(hPrev, WeightHh, BiasHh);   // a = [aᵢ a_f a_g aₒ]          [B, 4H]
        var i = Sigmoid(Block(a, 0, H));                                             // input gate                   [B, H]
        var f = Sigmoid(Block(a, 1, H));                                             // forget gate                  [B, H]
        var g = Tanh(Block(a, 2, H));                                                // candidate                    [B, H]
        var o = Sigmoid(Block(a, 3, H));                                             // output gate                  [B, H]
        var c = f * cPrev + i * g;                                                   // cₜ = f ⊙ cₜ₋₁ + i ⊙ g        [B, H]
        var tanhC = Tanh(c);
        var h = o * tanhC;                                                           // hₜ = o ⊙ tanh(cₜ)            [B, H]
        return new LstmStep<T>(x, hPrev, cPrev, i, f, g, o, c, tanhC, h);
    }

    /// <summary>
    /// Back through one step, from ∂L/∂hₜ and ∂L/∂cₜ [B, H] (everything that reaches them: the
    /// output and the next step). Returns ∂L/∂cₜ₋₁ in <see cref="CellGradient{T}.CellPrev"/>.
    /// </summary>
    public CellGradient<T> Backward(LstmStep<T> s, Tensor<T> dh, Tensor<T> dc)
    {
        var (i, f, g, o, tanhC) = (s.InputGate, s.ForgetGate, s.Candidate, s.OutputGate, s.TanhCell);
        var do_ = dh * tanhC;                                                        // ∂L/∂o  = dh ⊙ tanh(cₜ)
        var dcT = dc + dh * o * OneMinus(tanhC * tanhC);                             // ∂L/∂cₜ = dc + dh ⊙ o ⊙ (1 − tanh²cₜ)
        var di = dcT * g;                                                            // ∂L/∂i  = ∂cₜ ⊙ g
        var df = dcT * s.CellPrev;                                                   // ∂L/∂f  = ∂cₜ ⊙ cₜ₋₁
        var dg = dcT * i;                                                            // ∂L/∂g  = ∂cₜ ⊙ i
        var dcPrev = dcT * f;                                                        // ∂L/∂cₜ₋₁ = ∂cₜ ⊙ f
        var da = ConcatColumns(                                                      // through σ' = σ(1 − σ), tanh' = 1 − tanh²:
            di * i * OneMinus(i),                                                    //   ∂aᵢ
            df * f * OneMinus(f),                                                    //   ∂a_f
            dg * OneMinus(g * g),                                                    //   ∂a_g
            do_ * o * OneMinus(o));                                                  //   ∂aₒ                        [B, 4H]
        return Project(s.Input, s.HiddenPrev, da, da, null, dcPrev);
    }

    /// <inheritdoc/>
    public override CellGradient<T> Backward(CellStep<T> step, Tensor<T> dh, Tensor<T>? dc) =>
        Backward(StepOf<LstmStep<T>>(step), dh, dc ?? new Tensor<T>(dh.Shape));
}
