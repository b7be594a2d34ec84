using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Nn.Fused;

/// <summary><see cref="Cells.RnnCell{T}"/> run over a whole sequence, fused (the tests hold it to the cell): hₜ = φ(Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ), φ = tanh or relu.</summary>
internal sealed class RnnDirection<T>(int inputSize, int hiddenSize, bool reverse, bool relu,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 1, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override bool ProjectIntoOutput => true;

    protected override void StepForward(int t, int b0, int b1)
    {
        int rows = b1 - b0, len = rows * H, o = At(t, b0, H);
        var h = Out.AsSpan(o, len);                                   // [rows, H]
        PreActivations(t, b0, rows, h);                               // a = Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ
        if (relu) Activations.Relu(h); else Activations.Tanh(h);   // hₜ = φ(a)
    }

    protected override void StepBackward(int t, int b0, int b1, Span<T> dh)
    {
        int rows = b1 - b0, len = rows * H, o = At(t, b0, H);
        var h = Out.AsSpan(o, len);
        var da = DAx.AsSpan(o, len);                                  // [rows, H]
        // da = dh ⊙ φ'(a), with tanh' = 1 − h² and relu' = [h > 0]
        if (relu)
            for (int i = 0; i < len; i++) da[i] = h[i] > T.Zero ? dh[i] : T.Zero;
        else
            ElementwiseSteps.TanhBackward<T>(dh, h, da);
        RecurrentProductBackward(da, dh, rows, accumulate: false);   // dhₜ₋₁ = da · Wₕₕ
    }
}
