using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Layers.Recurrent;

/// <summary>
/// One layer and one direction of a recurrent network run over a whole sequence.
/// Buffers are time-major: x [steps, batch, input], output [steps, batch, hidden].
/// The input projection of every step (x Wᵢₕᵀ + bᵢₕ) is one GEMM before the time loop, and
/// the weight gradients are GEMMs after the backward time loop, so the loop itself holds
/// only the recurrent product and the element-wise step.
/// </summary>
internal abstract class RecurrentDirection<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    protected readonly int I, H, G;       // input size, hidden size, gates
    protected int Steps, Batch;
    protected T[] X = [];                 // [T, B, I]   input (not copied)
    protected T[] Zx = [];                // [T, B, G·H] x Wᵢₕᵀ + bᵢₕ by time
    protected T[] HPrev = [];             // [T, B, H]   the state each step started from
    protected T[] Out = [];               // [T, B, H]   the state each step produced
    protected T[] DAx = [];               // [T, B, G·H] ∂L/∂(input projection)
    protected T[] DAh = [];               // [T, B, G·H] ∂L/∂(h Wₕₕᵀ + bₕₕ)

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

    /// <summary>Runs the sequence. <paramref name="output"/> [T, B, H] receives every step's state.</summary>
    public void Forward(T[] x, int steps, int batch, ReadOnlySpan<T> h0, ReadOnlySpan<T> c0,
        Span<T> output, Span<T> hT, Span<T> cT)
    {
        Steps = steps; Batch = batch; X = x;
        int bh = batch * H, n = steps * batch;
        Resize(ref Zx, n * G * H); Resize(ref HPrev, n * H); Resize(ref Out, n * H);
        AllocateCaches(n);

        // Zx[T·B, G·H] = X[T·B, I] · Wᵢₕᵀ + bᵢₕ   (all steps at once)
        Kernels.Gemm(false, true, n, G * H, I, x, WeightIh.Value.Data, Zx, accumulate: false);
        if (BiasIh is not null) Kernels.AddRowVector<T>(Zx, BiasIh.Value.Data, n);

        BeginSequence(c0);
        for (int s = 0; s < steps; s++)
        {
            int t = Reverse ? steps - 1 - s : s;
            var prev = s == 0 ? h0 : Out.AsSpan(TimeOf(s - 1) * bh, bh);
            prev.CopyTo(HPrev.AsSpan(t * bh, bh));
            StepForward(t);
        }
        Out.AsSpan(0, steps * bh).CopyTo(output);
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
    public void Backward(ReadOnlySpan<T> dOut, ReadOnlySpan<T> dhT, ReadOnlySpan<T> dcT,
        Span<T> dx, Span<T> dh0, Span<T> dc0, int truncate)
    {
        int bh = Batch * H, n = Steps * Batch;
        Resize(ref DAx, n * G * H);
        if (SeparateHiddenGradient) Resize(ref DAh, n * G * H);
        var dh = new T[bh];
        dhT.CopyTo(dh);
        BeginBackward(dcT);
        for (int s = Steps - 1; s >= 0; s--)
        {
            int t = TimeOf(s);
            Kernels.Add(dOut.Slice(t * bh, bh), dh);
            StepBackward(t, dh);            // dh becomes ∂L/∂HPrev[t]
            if (truncate > 0 && s % truncate == 0 && s > 0)
            {
                Array.Clear(dh);
                ClearCellGradient();
            }
        }
        dh.CopyTo(dh0);
        EndBackward(dc0);

        var dAh = SeparateHiddenGradient ? DAh : DAx;
        // ∂Wᵢₕ += DAxᵀ · X ;  ∂bᵢₕ += Σ DAx ;  ∂x = DAx · Wᵢₕ
        Kernels.Gemm(true, false, G * H, I, n, DAx, X, WeightIh.Grad.Data, accumulate: true);
        if (BiasIh is not null) Kernels.AccumulateColumnSums<T>(DAx, BiasIh.Grad.Data, n);
        Kernels.Gemm(false, false, n, I, G * H, DAx, WeightIh.Value.Data, dx, accumulate: false);
        // ∂Wₕₕ += DAhᵀ · HPrev ;  ∂bₕₕ += Σ DAh
        Kernels.Gemm(true, false, G * H, H, n, dAh, HPrev, WeightHh.Grad.Data, accumulate: true);
        if (BiasHh is not null) Kernels.AccumulateColumnSums<T>(dAh, BiasHh.Grad.Data, n);
    }

    /// <summary>Time index of processing step s.</summary>
    protected int TimeOf(int s) => Reverse ? Steps - 1 - s : s;

    /// <summary>Whether ∂L/∂(h Wₕₕᵀ + bₕₕ) differs from ∂L/∂(x Wᵢₕᵀ + bᵢₕ) (only for the GRU).</summary>
    protected virtual bool SeparateHiddenGradient => false;

    /// <summary>One step at time t: reads Zx[t] and HPrev[t], writes Out[t] and the step's caches.</summary>
    protected abstract void StepForward(int t);

    /// <summary>One step back at time t: <paramref name="dh"/> holds ∂L/∂Out[t] on entry and ∂L/∂HPrev[t] on exit.</summary>
    protected abstract void StepBackward(int t, Span<T> dh);

    protected virtual void AllocateCaches(int rows) { }
    protected virtual void BeginSequence(ReadOnlySpan<T> c0) { }
    protected virtual void EndSequence(Span<T> cT) { }
    protected virtual void BeginBackward(ReadOnlySpan<T> dcT) { }
    protected virtual void EndBackward(Span<T> dc0) { }
    protected virtual void ClearCellGradient() { }

    /// <summary>h · Wₕₕᵀ (+ bₕₕ) for the B×H state <paramref name="h"/> into <paramref name="a"/> [B, G·H], added or assigned.</summary>
    protected void RecurrentProduct(ReadOnlySpan<T> h, Span<T> a, bool accumulate)
    {
        Kernels.Gemm(false, true, Batch, G * H, H, h, WeightHh.Value.Data, a, accumulate);
        if (BiasHh is not null) Kernels.AddRowVector(a, BiasHh.Value.Data, Batch);
    }

    /// <summary>dh = da · Wₕₕ for da [B, G·H].</summary>
    protected void RecurrentProductBackward(ReadOnlySpan<T> da, Span<T> dh, bool accumulate)
        => Kernels.Gemm(false, false, Batch, H, G * H, da, WeightHh.Value.Data, dh, accumulate);

    protected static void Resize(ref T[] buffer, int length)
    {
        if (buffer.Length != length) buffer = new T[length];
    }
}
