using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Nn.Fused;

/// <summary>
/// <see cref="Cells.GruCell{T}"/> run over a whole sequence, fused (the tests hold it to the cell):
/// gate order (r, z, n),
/// r = σ(Wᵢᵣx + bᵢᵣ + Wₕᵣh + bₕᵣ); z = σ(W_iz x + b_iz + W_hz h + b_hz);
/// n = tanh(Wᵢₙx + bᵢₙ + r ⊙ (Wₕₙh + bₕₙ)); hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁.
/// </summary>
internal sealed class GruDirection<T>(int inputSize, int hiddenSize, bool reverse,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 3, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _ah = [];      // [T, B, 3H] Wₕₕ h + bₕₕ (the n part is needed backwards)

    protected override bool SeparateHiddenGradient => true;

    protected override T[] HiddenProjection => _ah;

    protected override void AllocateCaches(int rows)
    {
        Resize(ref _ah, rows * 3 * H);
    }

    protected override void ReleaseCaches() => _ah = [];

    protected override void StepForward(int t, int b0, int b1)
    {
        int rows = b1 - b0, g3 = 3 * H, oh = At(t, b0, H), og = At(t, b0, g3);
        var ah = _ah.AsSpan(og, rows * g3);                          // [rows, 3H]
        var hPrev = Previous(Out, H0, t, b0, rows, H);
        InputProjection(t, b0, rows, Zx.AsSpan(og, rows * g3));      // Wᵢₕx + bᵢₕ
        RecurrentProduct(hPrev, ah, rows);                            // Wₕₕh + bₕₕ
        for (int b = 0; b < rows; b++)
        {
            int k = oh + b * H, kg = og + b * g3;
            // Zx holds Wᵢₕx + bᵢₕ and is overwritten by the gates r, z, n
            var zx = Zx.AsSpan(kg, g3);
            ElementwiseSteps.GruCell<T>(zx, _ah.AsSpan(kg, g3), hPrev.Slice(b * H, H), zx, Out.AsSpan(k, H));
        }
    }

    protected override void StepBackward(int t, int b0, int b1, Span<T> dh)
    {
        int rows = b1 - b0, g3 = 3 * H, og = At(t, b0, g3);
        var dah = DAh.AsSpan(og, rows * g3);                         // ∂L/∂(Wₕₕh + bₕₕ)
        var hPrev = Previous(Out, H0, t, b0, rows, H);
        for (int b = 0; b < rows; b++)
        {
            int kg = og + b * g3;
            ElementwiseSteps.GruCellBackward<T>(dh.Slice(b * H, H), Zx.AsSpan(kg, g3), _ah.AsSpan(kg + 2 * H, H),
                hPrev.Slice(b * H, H), DAx.AsSpan(kg, g3), DAh.AsSpan(kg, g3));
        }
        RecurrentProductBackward(dah, dh, rows, accumulate: true);   // + dah · Wₕₕ
    }
}
