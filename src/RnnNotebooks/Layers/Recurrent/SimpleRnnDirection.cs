using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>Elman RNN step: hₜ = φ(Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ), φ = tanh or relu.</summary>
internal sealed class SimpleRnnDirection<T>(int inputSize, int hiddenSize, bool reverse, bool relu,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 1, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void StepForward(int t)
    {
        int bh = Batch * H;
        var h = Out.AsSpan(t * bh, bh);                      // [B, H]
        Zx.AsSpan(t * bh, bh).CopyTo(h);                     // a = Wᵢₕ xₜ + bᵢₕ
        RecurrentProduct(HPrev.AsSpan(t * bh, bh), h, accumulate: true);  // a += Wₕₕ hₜ₋₁ + bₕₕ
        if (relu) Activations.Relu(h); else Activations.Tanh(h);          // hₜ = φ(a)
    }

    protected override void StepBackward(int t, Span<T> dh)
    {
        int bh = Batch * H;
        var h = Out.AsSpan(t * bh, bh);
        var da = DAx.AsSpan(t * bh, bh);                     // [B, H]
        // da = dh ⊙ φ'(a), with tanh' = 1 − h² and relu' = [h > 0]
        for (int i = 0; i < bh; i++)
            da[i] = relu ? (h[i] > T.Zero ? dh[i] : T.Zero) : dh[i] * (T.One - h[i] * h[i]);
        RecurrentProductBackward(da, dh, accumulate: false); // dhₜ₋₁ = da · Wₕₕ
    }
}
