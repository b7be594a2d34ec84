using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// LSTM step with PyTorch's gate order (i, f, g, o):
/// [i f g o] = [σ σ tanh σ](Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ); cₜ = f ⊙ cₜ₋₁ + i ⊙ g; hₜ = o ⊙ tanh(cₜ).
/// </summary>
internal sealed class LstmDirection<T>(int inputSize, int hiddenSize, bool reverse,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 4, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _gates = [];   // [T, B, 4H] activated i, f, g, o
    private T[] _cPrev = [];   // [T, B, H]
    private T[] _c = [];       // [T, B, H]
    private T[] _tanhC = [];   // [T, B, H]
    private T[] _dc = [];      // [B, H] ∂L/∂c carried backwards

    public override bool HasCellState => true;

    protected override void AllocateCaches(int rows)
    {
        Resize(ref _gates, rows * 4 * H); Resize(ref _cPrev, rows * H); Resize(ref _c, rows * H); Resize(ref _tanhC, rows * H);
    }

    protected override void BeginSequence(ReadOnlySpan<T> c0) => c0.CopyTo(_cPrev.AsSpan(TimeOf(0) * Batch * H, Batch * H));

    protected override void EndSequence(Span<T> cT) => _c.AsSpan(TimeOf(Steps - 1) * Batch * H, Batch * H).CopyTo(cT);

    protected override void StepForward(int t)
    {
        int bh = Batch * H, g4 = 4 * H;
        var a = _gates.AsSpan(t * Batch * g4, Batch * g4);          // [B, 4H]
        Zx.AsSpan(t * Batch * g4, Batch * g4).CopyTo(a);
        RecurrentProduct(HPrev.AsSpan(t * bh, bh), a, accumulate: true);
        // cPrev of this step: c₀ for the first processed step, else the previous step's c
        int s = Reverse ? Steps - 1 - t : t;
        if (s > 0) _c.AsSpan(TimeOf(s - 1) * bh, bh).CopyTo(_cPrev.AsSpan(t * bh, bh));
        var cPrev = _cPrev.AsSpan(t * bh, bh);
        var c = _c.AsSpan(t * bh, bh);
        var tc = _tanhC.AsSpan(t * bh, bh);
        var h = Out.AsSpan(t * bh, bh);
        for (int b = 0; b < Batch; b++)
        {
            var row = a.Slice(b * g4, g4);
            for (int j = 0; j < H; j++)
            {
                T i = Activations.Sigmoid(row[j]);
                T f = Activations.Sigmoid(row[H + j]);
                T g = T.Tanh(row[2 * H + j]);
                T o = Activations.Sigmoid(row[3 * H + j]);
                row[j] = i; row[H + j] = f; row[2 * H + j] = g; row[3 * H + j] = o;
                int k = b * H + j;
                c[k] = f * cPrev[k] + i * g;          // cₜ = f ⊙ cₜ₋₁ + i ⊙ g
                tc[k] = T.Tanh(c[k]);
                h[k] = o * tc[k];                      // hₜ = o ⊙ tanh(cₜ)
            }
        }
    }

    protected override void BeginBackward(ReadOnlySpan<T> dcT)
    {
        Resize(ref _dc, Batch * H);
        dcT.CopyTo(_dc);
    }

    protected override void EndBackward(Span<T> dc0) => _dc.CopyTo(dc0);

    protected override void ClearCellGradient() => Array.Clear(_dc);

    protected override void StepBackward(int t, Span<T> dh)
    {
        int bh = Batch * H, g4 = 4 * H;
        var gates = _gates.AsSpan(t * Batch * g4, Batch * g4);
        var da = DAx.AsSpan(t * Batch * g4, Batch * g4);             // [B, 4H] ∂L/∂(pre-activations)
        var cPrev = _cPrev.AsSpan(t * bh, bh);
        var tc = _tanhC.AsSpan(t * bh, bh);
        for (int b = 0; b < Batch; b++)
        {
            var gr = gates.Slice(b * g4, g4);
            var dr = da.Slice(b * g4, g4);
            for (int j = 0; j < H; j++)
            {
                int k = b * H + j;
                T i = gr[j], f = gr[H + j], g = gr[2 * H + j], o = gr[3 * H + j];
                T dc = _dc[k] + dh[k] * o * (T.One - tc[k] * tc[k]);   // ∂L/∂cₜ
                dr[j] = dc * g * i * (T.One - i);                       // ∂aᵢ
                dr[H + j] = dc * cPrev[k] * f * (T.One - f);            // ∂a_f
                dr[2 * H + j] = dc * i * (T.One - g * g);               // ∂a_g
                dr[3 * H + j] = dh[k] * tc[k] * o * (T.One - o);        // ∂a_o
                _dc[k] = dc * f;                                        // ∂L/∂cₜ₋₁
            }
        }
        RecurrentProductBackward(da, dh, accumulate: false);           // ∂L/∂hₜ₋₁ = da · Wₕₕ
    }
}
