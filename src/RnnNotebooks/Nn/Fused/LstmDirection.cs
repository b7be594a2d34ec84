using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Nn.Fused;

/// <summary>
/// <see cref="Cells.LstmCell{T}"/> run over a whole sequence, fused (the tests hold it to the cell):
/// gate order (i, f, g, o),
/// [i f g o] = [σ σ tanh σ](Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ); cₜ = f ⊙ cₜ₋₁ + i ⊙ g; hₜ = o ⊙ tanh(cₜ).
/// </summary>
internal sealed class LstmDirection<T>(int inputSize, int hiddenSize, bool reverse,
    Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    : RecurrentDirection<T>(inputSize, hiddenSize, 4, reverse, weightIh, weightHh, biasIh, biasHh)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _c0 = [];      // [B, H] initial cell state
    private T[] _c = [];       // [T, B, H]
    private T[] _tanhC = [];   // [T, B, H]
    private T[] _dc = [];      // [B, H] ∂L/∂c carried backwards
    private T[] _dcKept = [];  // [B, H] ∂L/∂c of rows at a padded step

    public override bool HasCellState => true;

    protected override void AllocateCaches(int rows)
    {
        Resize(ref _c0, Batch * H); Resize(ref _c, rows * H); Resize(ref _tanhC, rows * H);
    }

    protected override void BeginSequence(ReadOnlySpan<T> c0) => c0.CopyTo(_c0);

    protected override void EndSequence(Span<T> cT) => _c.AsSpan(TimeOf(Steps - 1) * Batch * H, Batch * H).CopyTo(cT);

    protected override void StepForward(int t, int b0, int b1)
    {
        int rows = b1 - b0, g4 = 4 * H, oh = At(t, b0, H), og = At(t, b0, g4);
        var a = Zx.AsSpan(og, rows * g4);                             // [rows, 4H]: Wᵢₕx + bᵢₕ + Wₕₕh + bₕₕ, becomes i, f, g, o
        PreActivations(t, b0, rows, a);
        var cPrev = Previous(_c, _c0, t, b0, rows, H);
        var c = _c.AsSpan(oh, rows * H);
        for (int b = 0; b < rows; b++)
        {
            var row = a.Slice(b * g4, g4);
            Activations.Sigmoid(row[..(2 * H)]);                   // i, f
            Activations.Tanh(row.Slice(2 * H, H));                 // g
            Activations.Sigmoid(row.Slice(3 * H, H));              // o
            ElementwiseSteps.LstmCellState<T>(row, cPrev.Slice(b * H, H), c.Slice(b * H, H));   // c = f ⊙ cPrev + i ⊙ g
        }
        var tanhC = _tanhC.AsSpan(oh, rows * H);
        Activations.Tanh(c, tanhC);                                // tanh(c), all rows at once
        for (int b = 0; b < rows; b++)
            ElementwiseSteps.LstmOutput<T>(a.Slice(b * g4, g4), tanhC.Slice(b * H, H), Out.AsSpan(oh + b * H, H));   // h = o ⊙ tanh(c)
    }

    protected override void CarryCellState(int t, int b) =>
        Previous(_c, _c0, t, b, 1, H).CopyTo(_c.AsSpan(At(t, b, H), H));

    protected override void KeepCellGradient(int b, bool save)
    {
        if (save) _dc.AsSpan(b * H, H).CopyTo(_dcKept.AsSpan(b * H, H));
        else _dcKept.AsSpan(b * H, H).CopyTo(_dc.AsSpan(b * H, H));
    }

    protected override void BeginBackward(ReadOnlySpan<T> dcT)
    {
        Resize(ref _dc, Batch * H);
        Resize(ref _dcKept, Batch * H);
        dcT.CopyTo(_dc);
    }

    protected override void EndBackward(Span<T> dc0) => _dc.AsSpan(0, Batch * H).CopyTo(dc0);

    protected override void ReleaseCaches() { _c0 = []; _c = []; _tanhC = []; _dc = []; _dcKept = []; }

    protected override void ClearCellGradient(int b0, int b1) => _dc.AsSpan(b0 * H, (b1 - b0) * H).Clear();

    protected override void StepBackward(int t, int b0, int b1, Span<T> dh)
    {
        int rows = b1 - b0, g4 = 4 * H, oh = At(t, b0, H), og = At(t, b0, g4);
        var da = DAx.AsSpan(og, rows * g4);                          // [rows, 4H] ∂L/∂(pre-activations)
        var cPrev = Previous(_c, _c0, t, b0, rows, H);
        for (int b = 0; b < rows; b++)
        {
            int k = oh + b * H;
            ElementwiseSteps.LstmCellBackward<T>(dh.Slice(b * H, H), _dc.AsSpan((b0 + b) * H, H),
                Zx.AsSpan(og + b * g4, g4), cPrev.Slice(b * H, H), _tanhC.AsSpan(k, H), da.Slice(b * g4, g4));
        }
        RecurrentProductBackward(da, dh, rows, accumulate: false);  // ∂L/∂hₜ₋₁ = da · Wₕₕ
    }
}
