using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Nn.Fused;

/// <summary>
/// One layer and one direction of a recurrent network run over a whole sequence: the fused
/// form of a cell in <c>Cells/</c> (the derived class names which), computing the same numbers
/// with the per-step work batched into few large products.
/// Buffers are time-major: x [steps, batch, input], output [steps, batch, hidden].
/// Each step's input projection (x Wᵢₕᵀ + bᵢₕ) and recurrent product are products with weights
/// packed once per sequence; the weight gradients and ∂L/∂x are large GEMMs after the backward
/// time loop, so that loop holds only the recurrent product and the element-wise step. The
/// batch is independent across its rows, so the time loop runs on contiguous row blocks
/// [b0, b1) in parallel; each element is computed the same way whatever the split, so results
/// do not depend on it.
/// Buffers are kept between calls and grow to the largest sequence seen, so batches of other sizes
/// (the last, smaller batch of an epoch; larger evaluation batches) reuse them instead of leaving
/// garbage behind; <see cref="ReleaseBuffers"/> gives them back.
/// </summary>
internal abstract class RecurrentDirection<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows per worker below which the time loop stays on one thread.</summary>
    private const int MinRowsPerWorker = 16;

    protected readonly int I, H, G;       // input size, hidden size, gates
    protected int Steps, Batch;
    protected T[] X = [];                 // [T, B, I]   input (not copied)
    protected T[] Zx = [];                // [T, B, G·H] x Wᵢₕᵀ + bᵢₕ by time (LSTM, GRU: overwritten by the step's gates)
    protected T[] Out = [];               // [T, B, H]   the state each step produced
    protected T[] H0 = [];                // [B, H]      the initial state (the previous state of the first step)
    protected T[] DAx = [];               // [T, B, G·H] ∂L/∂(input projection) (LSTM, GRU: written over Zx)
    protected T[] DAh = [];               // [T, B, G·H] ∂L/∂(h Wₕₕᵀ + bₕₕ) (GRU: written over its hidden projection)
    private readonly PackedMatrix<T> _whhT = new();   // Wₕₕᵀ [H, G·H] packed for the forward step's product
    private readonly PackedMatrix<T> _wihT = new();   // Wᵢₕᵀ [I, G·H] packed for the input projection
    private T[] _bihRow = [];                         // [G·H] bᵢₕ, or zeros
    private readonly PackedMatrix<T> _whh = new();    // Wₕₕ [G·H, H] packed for the backward step's product
    private readonly PackedMatrix<T> _wih = new();    // Wᵢₕ [G·H, I] packed for ∂L/∂x
    private readonly PackedMatrix<T> _packed = new(); // [X | hPrev] or hPrev packed for the weight gradients
    private T[] _dh = [];                 // [B, H]      ∂L/∂h carried backwards
    private bool[]? _valid;               // [T, B]      false where a step is padding (null: no mask)

    protected RecurrentDirection(int inputSize, int hiddenSize, int gates, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh)
    {
        I = inputSize; H = hiddenSize; G = gates; Reverse = reverse;
        WeightIh = weightIh; WeightHh = weightHh; BiasIh = biasIh; BiasHh = biasHh;
    }

    public bool Reverse { get; }
    public Parameter<T> WeightIh { get; }
    public Parameter<T> WeightHh { get; }
    public Parameter<T>? BiasIh { get; }
    public Parameter<T>? BiasHh { get; }

    /// <summary>True for an LSTM, which carries a cell state besides h.</summary>
    public virtual bool HasCellState => false;

    /// <summary>
    /// Runs the sequence. <paramref name="output"/> [T, B, H] receives every step's state.
    /// With <paramref name="valid"/> [T, B] (time-major), a step marked false is padding: the
    /// state passes through it unchanged (and, backwards, so does its gradient), so the final
    /// state is the state after each sequence's last real step.
    /// </summary>
    public void Forward(T[] x, int steps, int batch, ReadOnlySpan<T> h0, ReadOnlySpan<T> c0,
        Span<T> output, Span<T> hT, Span<T> cT, bool[]? valid = null)
    {
        Steps = steps; Batch = batch; X = x; _valid = valid;
        if (!ProjectIntoOutput) { DAx = []; DAh = []; }   // they alias this pass's caches once backward runs
        int bh = batch * H, n = steps * batch, gh = G * H;
        Resize(ref Out, n * H); Resize(ref H0, bh);
        if (!ProjectIntoOutput) Resize(ref Zx, n * gh);
        AllocateCaches(n);
        _whhT.Pack(transpose: true, H, gh, WeightHh.Value.Data, Kernels.VectorBits);
        _wihT.Pack(transpose: true, I, gh, WeightIh.Value.Data, Kernels.VectorBits);
        Resize(ref _bihRow, gh);
        if (BiasIh is null) _bihRow.AsSpan().Clear(); else BiasIh.Value.Data.CopyTo(_bihRow);

        h0.CopyTo(H0);
        BeginSequence(c0);
        ForEachRowBlock((b0, b1) =>
        {
            for (int s = 0; s < Steps; s++)
            {
                int t = TimeOf(s);
                StepForward(t, b0, b1);
                if (_valid is not null) CarryPaddedRows(t, b0, b1);
            }
        });
        if (!output.IsEmpty) Out.AsSpan(0, steps * bh).CopyTo(output);
        Out.AsSpan(TimeOf(steps - 1) * bh, bh).CopyTo(hT);
        EndSequence(cT);
    }

    /// <summary>
    /// Back-propagates through time. <paramref name="dOut"/> [T, B, H] is ∂L/∂output per step,
    /// <paramref name="dhT"/>/<paramref name="dcT"/> ∂L/∂(final state). Writes ∂L/∂x into
    /// <paramref name="dx"/> and ∂L/∂(initial state) into <paramref name="dh0"/>/<paramref name="dc0"/>;
    /// adds the parameter gradients. With <paramref name="truncate"/> = k &gt; 0 the sequence is
    /// cut into chunks of k steps (in processing order) and no gradient crosses a chunk boundary.
    /// </summary>
    public void Backward(T[] dOut, ReadOnlySpan<T> dhT, ReadOnlySpan<T> dcT,
        Span<T> dx, Span<T> dh0, Span<T> dc0, int truncate)
    {
        int bh = Batch * H, n = Steps * Batch, gh = G * H;
        // Each step reads its gates before writing their gradients in the same places, so the
        // gradients of the pre-activations can overwrite the cached activations (no second buffer).
        if (ProjectIntoOutput) Resize(ref DAx, n * gh); else DAx = Zx;
        if (SeparateHiddenGradient) DAh = HiddenProjection;
        Resize(ref _dh, bh);
        _whh.Pack(transpose: false, gh, H, WeightHh.Value.Data, Kernels.VectorBits);
        _wih.Pack(transpose: false, gh, I, WeightIh.Value.Data, Kernels.VectorBits);
        if (dx.Length < n * I) throw new ShapeException($"RecurrentDirection: ∂L/∂x needs {n * I} values, got {dx.Length}.");
        dhT.CopyTo(_dh);
        BeginBackward(dcT);
        unsafe
        {
            fixed (T* pdx = dx)
            {
                nint dxAt = (nint)pdx;
                ForEachRowBlock((b0, b1) =>
                {
                    int rows = b1 - b0;
                    var dh = _dh.AsSpan(b0 * H, rows * H);
                    var kept = _valid is null ? null : new T[rows * H];
                    for (int s = Steps - 1; s >= 0; s--)
                    {
                        int t = TimeOf(s);
                        if (_valid is null)
                        {
                            Kernels.Add<T>(dOut.AsSpan((t * Batch + b0) * H, rows * H), dh);
                            StepBackward(t, b0, b1, dh);      // dh becomes ∂L/∂(state before step t)
                        }
                        else StepBackwardMasked(t, b0, b1, dh, dOut, kept!);
                        // ∂L/∂xₜ = DAxₜ · Wᵢₕ while this step's gradients are in cache (each element sums
                        // over G·H in increasing order, as one product over all steps would)
                        Kernels.StepProduct(rows, default, null, default, DAx.AsSpan(At(t, b0, gh), rows * gh), _wih, default,
                            new Span<T>((T*)dxAt + At(t, b0, I), rows * I));
                        if (truncate > 0 && s % truncate == 0 && s > 0)
                        {
                            dh.Clear();
                            ClearCellGradient(b0, b1);
                        }
                    }
                });
            }
        }
        _dh.AsSpan(0, bh).CopyTo(dh0);
        EndBackward(dc0);

        // ∂bᵢₕ += Σ DAx ;  ∂bₕₕ += Σ DAh (the same sums, but for the GRU)
        var dAh = SeparateHiddenGradient ? DAh : DAx;
        if (BiasIh is not null && BiasHh is not null && !SeparateHiddenGradient)
            Kernels.AccumulateColumnSums<T>(DAx.AsSpan(0, n * gh), BiasIh.Grad.Data, n, BiasHh.Grad.Data);
        else
        {
            if (BiasIh is not null) Kernels.AccumulateColumnSums<T>(DAx.AsSpan(0, n * gh), BiasIh.Grad.Data, n);
            if (BiasHh is not null) Kernels.AccumulateColumnSums<T>(dAh.AsSpan(0, n * gh), BiasHh.Grad.Data, n);
        }
        // hPrev, the state each step started from: the output of the step before, or h₀ for the first step
        var prevTop = Reverse ? Out.AsSpan(bh, n * H - bh) : H0.AsSpan(0, bh);
        var prevBottom = Reverse ? H0.AsSpan(0, bh) : Out.AsSpan(0, n * H - bh);
        if (SeparateHiddenGradient)
        {
            // ∂Wᵢₕ += DAxᵀ · X ;  ∂Wₕₕ += DAhᵀ · hPrev
            Kernels.Gemm(true, false, gh, I, n, DAx, X, WeightIh.Grad.Data, accumulate: true);
            _packed.PackSideBySide(n, default, 0, prevTop, prevBottom, H, Kernels.VectorBits);
            Kernels.GemmTransposedA(n, gh, DAh, _packed, WeightHh.Grad.Data);
        }
        else
        {
            // [∂Wᵢₕ | ∂Wₕₕ] += DAxᵀ · [X | hPrev]: one product for both, reading DAx once
            _packed.PackSideBySide(n, X.AsSpan(0, n * I), I, prevTop, prevBottom, H, Kernels.VectorBits);
            Kernels.GemmTransposedAInto(n, gh, DAx, _packed, WeightIh.Grad.Data, WeightHh.Grad.Data, I);
        }
    }

    /// <summary>At padded steps of rows [b0, b1), replaces the computed state by the previous one.</summary>
    private void CarryPaddedRows(int t, int b0, int b1)
    {
        for (int b = b0; b < b1; b++)
        {
            if (_valid![t * Batch + b]) continue;
            Previous(Out, H0, t, b, 1, H).CopyTo(Out.AsSpan(At(t, b, H), H));
            CarryCellState(t, b);
        }
    }

    /// <summary>
    /// One masked step back: real rows take the output gradient and run the step; padded rows
    /// keep ∂L/∂state (and ∂L/∂cell) unchanged and leave no gradient for the step's weights or input.
    /// </summary>
    private void StepBackwardMasked(int t, int b0, int b1, Span<T> dh, T[] dOut, T[] kept)
    {
        int gh = G * H;
        for (int b = b0; b < b1; b++)
        {
            var row = dh.Slice((b - b0) * H, H);
            if (_valid![t * Batch + b]) Kernels.Add<T>(dOut.AsSpan(At(t, b, H), H), row);
            else { row.CopyTo(kept.AsSpan((b - b0) * H, H)); KeepCellGradient(b, save: true); }
        }
        StepBackward(t, b0, b1, dh);
        for (int b = b0; b < b1; b++)
        {
            if (_valid![t * Batch + b]) continue;
            kept.AsSpan((b - b0) * H, H).CopyTo(dh.Slice((b - b0) * H, H));
            KeepCellGradient(b, save: false);
            DAx.AsSpan(At(t, b, gh), gh).Clear();
            if (SeparateHiddenGradient) DAh.AsSpan(At(t, b, gh), gh).Clear();
        }
    }

    /// <summary>Copies the previous cell state into step t of row b (LSTM), for a padded step.</summary>
    protected virtual void CarryCellState(int t, int b) { }

    /// <summary>Saves (or restores) row b of the carried ∂L/∂cell around a padded step (LSTM).</summary>
    protected virtual void KeepCellGradient(int b, bool save) { }

    /// <summary>Time index of processing step s.</summary>
    protected int TimeOf(int s) => Reverse ? Steps - 1 - s : s;

    /// <summary>Whether the input projection is written straight into <see cref="Out"/> (one gate: the simple RNN).</summary>
    protected virtual bool ProjectIntoOutput => false;

    /// <summary>Whether ∂L/∂(h Wₕₕᵀ + bₕₕ) differs from ∂L/∂(x Wᵢₕᵀ + bᵢₕ) (only for the GRU).</summary>
    protected virtual bool SeparateHiddenGradient => false;

    /// <summary>[T, B, G·H] the cached h Wₕₕᵀ + bₕₕ, which its gradient overwrites (only for the GRU).</summary>
    protected virtual T[] HiddenProjection => [];

    /// <summary>[T, B, H] every step's state after <see cref="Forward"/> (the buffer may be longer); valid until the next forward pass.</summary>
    public T[] Output => Out;

    /// <summary>One step at time t for batch rows [b0, b1): computes the pre-activations from xₜ and the previous state (<see cref="PreActivations"/>), writes Out[t] and the step's caches.</summary>
    protected abstract void StepForward(int t, int b0, int b1);

    /// <summary>One step back at time t for rows [b0, b1): <paramref name="dh"/> holds ∂L/∂Out[t] on entry and ∂L/∂(previous state) on exit.</summary>
    protected abstract void StepBackward(int t, int b0, int b1, Span<T> dh);

    protected virtual void AllocateCaches(int rows) { }
    protected virtual void BeginSequence(ReadOnlySpan<T> c0) { }
    protected virtual void EndSequence(Span<T> cT) { }
    protected virtual void BeginBackward(ReadOnlySpan<T> dcT) { }
    protected virtual void EndBackward(Span<T> dc0) { }
    protected virtual void ClearCellGradient(int b0, int b1) { }

    /// <summary>
    /// Rows [b0, b0 + rows) of the state step t started from: the output of the previous step
    /// in processing order, or the initial state for the first step (also for the cell state).
    /// </summary>
    protected Span<T> Previous(T[] states, T[] initial, int t, int b0, int rows, int width)
    {
        int s = Reverse ? Steps - 1 - t : t;
        return s == 0 ? initial.AsSpan(b0 * width, rows * width) : states.AsSpan(At(TimeOf(s - 1), b0, width), rows * width);
    }

    /// <summary>Offset of row b at time t in a [T, B, width] buffer.</summary>
    protected int At(int t, int b, int width) => (t * Batch + b) * width;

    /// <summary>
    /// a[rows, G·H] = xₜ Wᵢₕᵀ + bᵢₕ + hₜ₋₁ Wₕₕᵀ + bₕₕ for rows [b0, b0 + rows) at time t: the input
    /// projection is computed here, step by step, rather than for all steps before the loop, so the
    /// step finds it in cache instead of in main memory, and in one pass with the recurrent product.
    /// </summary>
    protected void PreActivations(int t, int b0, int rows, Span<T> a) =>
        Kernels.StepProduct(rows, X.AsSpan(At(t, b0, I), rows * I), _wihT, _bihRow, Previous(Out, H0, t, b0, rows, H), _whhT, HiddenBias, a);

    /// <summary>zx[rows, G·H] = xₜ Wᵢₕᵀ + bᵢₕ for rows [b0, b0 + rows) at time t (the GRU keeps it apart from the recurrent product).</summary>
    protected void InputProjection(int t, int b0, int rows, Span<T> zx) =>
        Kernels.MatMulAddRow(X.AsSpan(At(t, b0, I), rows * I), _wihT, _bihRow, zx, rows);

    /// <summary>a[rows, G·H] = h[rows, H] · Wₕₕᵀ + bₕₕ.</summary>
    protected void RecurrentProduct(ReadOnlySpan<T> h, Span<T> a, int rows) =>
        Kernels.StepProduct(rows, default, null, default, h, _whhT, HiddenBias, a);

    private ReadOnlySpan<T> HiddenBias => BiasHh is null ? default : BiasHh.Value.Data;

    /// <summary>dh[rows, H] (+)= da[rows, G·H] · Wₕₕ.</summary>
    protected void RecurrentProductBackward(ReadOnlySpan<T> da, Span<T> dh, int rows, bool accumulate)
    {
        if (accumulate) Kernels.MatMulAdd(da, _whh, dh, rows);
        else Kernels.StepProduct(rows, default, null, default, da, _whh, default, dh);   // from 0 in registers: dh is only written
    }

    /// <summary>Makes <paramref name="buffer"/> hold at least <paramref name="length"/> values (its contents are not kept when it grows).</summary>
    protected static void Resize(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
    }

    /// <summary>Drops every buffer of the sequence (caches, gradients, packed weights); the next <see cref="Forward"/> allocates them again.</summary>
    public void ReleaseBuffers()
    {
        X = []; Zx = []; Out = []; H0 = []; DAx = []; DAh = []; _dh = []; _bihRow = []; _valid = null;
        _whhT.Release(); _wihT.Release(); _whh.Release(); _wih.Release(); _packed.Release();
        ReleaseCaches();
    }

    /// <summary>Drops the derived class's own buffers (<see cref="ReleaseBuffers"/>).</summary>
    protected virtual void ReleaseCaches() { }

    private void ForEachRowBlock(Action<int, int> body)
    {
        Kernels.ForEachRange(Batch, Math.Min(Kernels.MaxThreads, Batch / MinRowsPerWorker), 1, body);
    }
}
