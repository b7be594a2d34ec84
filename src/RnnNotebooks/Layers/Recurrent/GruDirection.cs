using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// GRU step with PyTorch's gate order (r, z, n):
/// r = σ(Wᵢᵣx + bᵢᵣ + Wₕᵣh + bₕᵣ); z = σ(W_iz x + b_iz + W_hz h + b_hz);
/// n = tanh(Wᵢₙx + bᵢₙ + r ⊙ (Wₕₙh + bₕₙ)); hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁.
/// </summary>
internal sealed class GruDirection<T>(int inputSize, int hiddenSize, bool reverse,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 3, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _gates = [];   // [T, B, 3H] r, z, n
    private T[] _ah = [];      // [T, B, 3H] Wₕₕ h + bₕₕ (the n part is needed backwards)

    protected override bool SeparateHiddenGradient => true;

    protected override void AllocateCaches(int rows)
    {
        Resize(ref _gates, rows * 3 * H); Resize(ref _ah, rows * 3 * H);
    }

    protected override void StepForward(int t)
    {
        int bh = Batch * H, g3 = 3 * H, len = Batch * g3;
        var ah = _ah.AsSpan(t * len, len);                          // [B, 3H]
        var hPrev = HPrev.AsSpan(t * bh, bh);
        RecurrentProduct(hPrev, ah, accumulate: false);
        var ax = Zx.AsSpan(t * len, len);
        var gates = _gates.AsSpan(t * len, len);
        var h = Out.AsSpan(t * bh, bh);
        for (int b = 0; b < Batch; b++)
        {
            int o = b * g3;
            for (int j = 0; j < H; j++)
            {
                T r = Activations.Sigmoid(ax[o + j] + ah[o + j]);
                T z = Activations.Sigmoid(ax[o + H + j] + ah[o + H + j]);
                T n = T.Tanh(ax[o + 2 * H + j] + r * ah[o + 2 * H + j]);
                gates[o + j] = r; gates[o + H + j] = z; gates[o + 2 * H + j] = n;
                int k = b * H + j;
                h[k] = (T.One - z) * n + z * hPrev[k];
            }
        }
    }

    protected override void StepBackward(int t, Span<T> dh)
    {
        int bh = Batch * H, g3 = 3 * H, len = Batch * g3;
        var gates = _gates.AsSpan(t * len, len);
        var ah = _ah.AsSpan(t * len, len);
        var dax = DAx.AsSpan(t * len, len);                         // ∂L/∂(Wᵢₕx + bᵢₕ)
        var dah = DAh.AsSpan(t * len, len);                         // ∂L/∂(Wₕₕh + bₕₕ)
        var hPrev = HPrev.AsSpan(t * bh, bh);
        for (int b = 0; b < Batch; b++)
        {
            int o = b * g3;
            for (int j = 0; j < H; j++)
            {
                int k = b * H + j;
                T r = gates[o + j], z = gates[o + H + j], n = gates[o + 2 * H + j];
                T dn = dh[k] * (T.One - z);
                T dz = dh[k] * (hPrev[k] - n);
                T dan = dn * (T.One - n * n);                        // ∂(pre-tanh of n)
                T dar = dan * ah[o + 2 * H + j] * r * (T.One - r);  // ∂(pre-σ of r)
                T daz = dz * z * (T.One - z);                        // ∂(pre-σ of z)
                dax[o + j] = dar; dax[o + H + j] = daz; dax[o + 2 * H + j] = dan;
                dah[o + j] = dar; dah[o + H + j] = daz; dah[o + 2 * H + j] = dan * r;
                dh[k] *= z;                                          // direct path z ⊙ hₜ₋₁
            }
        }
        RecurrentProductBackward(dah, dh, accumulate: true);        // + dah · Wₕₕ
    }
}
