using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Base of <see cref="MinGRU{T}"/> and <see cref="MinLSTM{T}"/>: a recurrence whose gates read only xₜ, so that
/// hₜ = aₜ ⊙ hₜ₋₁ + bₜ is linear in the state. Input [batch, steps, input], state h [1, batch, hidden] (no cell state).
/// <see cref="Path"/> chooses the per-step loop (<see cref="StepForward"/>/<see cref="StepBackward"/>, the readable
/// reference) or every step at once (<see cref="Coefficients"/>, then the parallel scan; backward is the reverse
/// scan δₜ = gₜ + aₜ₊₁ ⊙ δₜ₊₁, then <see cref="CoefficientsBackward"/>). Both paths compute in linear space.
/// </summary>
public abstract class LinearRecurrence<T> : Module<T>, IRecurrentModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _input, _h0, _h;          // h: [B, T, H], every step's state
    private T[] _a = [];                         // the scan path's coefficients aₜ [B, T, H]
    private T[]? _next, _delta, _da, _g;         // the scan path's backward buffers [B, T, H], kept from call to call
    private T[]? _hBuf;                          // h [B, T, H], reused from pass to pass unless returned to keep (Module.ResultArray)
    private object[] _steps = [];                // the sequential path's step records

    private protected LinearRecurrence(string name, int inputSize, int hiddenSize, bool returnSequences, MinVariant variant) : base(name)
    {
        string owner = $"{GetType().Name.Split('`')[0]} '{name}'";
        Sizes.Positive(owner, nameof(inputSize), inputSize);
        Sizes.Positive(owner, nameof(hiddenSize), hiddenSize);
        // The weights are [hidden, input]: blame the larger of the two sizes.
        if (hiddenSize >= inputSize) Sizes.Allocatable(owner, nameof(hiddenSize), hiddenSize, (double)hiddenSize * inputSize, "a weight matrix [hidden, input]");
        else Sizes.Allocatable(owner, nameof(inputSize), inputSize, (double)hiddenSize * inputSize, "a weight matrix [hidden, input]");
        if (!Enum.IsDefined(variant)) throw new ArgumentOutOfRangeException(nameof(variant), variant, $"'{name}': unknown variant.");
        InputSize = inputSize; HiddenSize = hiddenSize; ReturnSequences = returnSequences; Variant = variant;
    }

    /// <summary>Features per input step.</summary>
    public int InputSize { get; }
    /// <summary>Hidden units.</summary>
    public int HiddenSize { get; }
    /// <summary>Whether <see cref="Module{T}.forward"/> returns every step [B, T, H] or only the last [B, H] (as the library's GRU).</summary>
    public bool ReturnSequences { get; }
    /// <summary>The paper's plain or log-space definition of the candidate (see <see cref="MinVariant"/>).</summary>
    public MinVariant Variant { get; }
    /// <summary>Sequential loop or parallel scan (default).</summary>
    public ScanPath Path { get; set; } = ScanPath.Scan;
    /// <summary>Blocks of steps the scan runs on separate threads, at least 1 (an upper bound: more blocks than a quarter
    /// of the steps are merged). Null (the default) chooses: one block, its rows split over the threads, when the batch
    /// has at least <see cref="Kernels.MaxThreads"/> rows (every row is then scanned step by step, so the result does not
    /// depend on the thread count), else <see cref="Kernels.MaxThreads"/> blocks.</summary>
    public int? ScanBlocks
    {
        get => _scanBlocks;
        set => _scanBlocks = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(ScanBlocks), value, $"{Describe()}: ScanBlocks must be at least 1 (or null: chosen from the batch), got {value}.");
    }
    private int? _scanBlocks;
    private int BlocksFor(int batch) => _scanBlocks ?? (batch >= Kernels.MaxThreads ? 1 : Kernels.MaxThreads);

    /// <summary>∂L/∂h₀ from the last backward pass.</summary>
    public RecurrentState<T>? InitialStateGradient { get; private set; }

    /// <summary>A zero state [1, batch, hidden].</summary>
    public RecurrentState<T> ZeroState(int batch)
    {
        Sizes.Positive(Describe(), nameof(batch), batch);
        Sizes.Allocatable(Describe(), nameof(batch), batch, (double)batch * HiddenSize, "a state");
        return new(new Tensor<T>(1, batch, HiddenSize));
    }

    /// <summary>aₜ and bₜ of every step, flat [B, T, H]; remembers what <see cref="CoefficientsBackward"/> needs.</summary>
    private protected abstract (T[] A, T[] B) Coefficients(Tensor<T> input);
    /// <summary>From ∂L/∂aₜ and ∂L/∂bₜ [B, T, H]: adds the parameter gradients, returns ∂L/∂input.</summary>
    private protected abstract Tensor<T> CoefficientsBackward(T[] da, T[] db);
    /// <summary>One step hₜ from xₜ [B, I] and hₜ₋₁ [B, H]: the step record, whose last element is hₜ.</summary>
    private protected abstract (object Step, Tensor<T> H) StepForward(Tensor<T> x, Tensor<T> hPrev);
    /// <summary>Back through one step from ∂L/∂hₜ: adds the parameter gradients, returns (∂L/∂xₜ, ∂L/∂hₜ₋₁).</summary>
    private protected abstract (Tensor<T> Dx, Tensor<T> DhPrev) StepBackward(object step, Tensor<T> dh);

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input) => forward(input, null).Output;
    /// <inheritdoc/>
    public override Tensor<T> backward(Tensor<T> outputGradient) => backward(outputGradient, null);
    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => ReturnSequences ? [inputShape[0], inputShape[1], HiddenSize] : [inputShape[0], HiddenSize];

    /// <summary>A linear recurrence takes no mask: padded steps would still move the state.</summary>
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask) =>
        mask is null ? (forward(input), null) : throw new NotSupportedException($"{Describe()}: masks of padded batches are not supported; pad after the sequence and read the state before the padding.");

    /// <summary>Runs the sequence from <paramref name="initialState"/> (zeros when null); returns the output and hₜ of the last step.</summary>
    public RecurrentOutput<T> forward(Tensor<T> input, RecurrentState<T>? initialState)
    {
        ExpectShape(input, "input [batch, steps, features]", -1, -1, InputSize);
        ExpectFinite(input, "input");
        int batch = input.Shape[0], steps = input.Shape[1], H = HiddenSize;
        var h0 = initialState?.H ?? new Tensor<T>(1, batch, H);
        ExpectShape(h0, "initial state H [1, batch, hidden]", 1, batch, H);
        ExpectFinite(h0, "initial state");
        if (initialState?.C is not null) throw new ArgumentException($"{Describe()}: the state is h alone; got a cell state C.", nameof(initialState));
        // Every step of h is written below. It is kept for backward, and returned only with ReturnSequences: its array is
        // reused from pass to pass unless the caller gets it to keep.
        var h = new Tensor<T>(ResultArray(ref _hBuf, batch * steps * H, OutputIsTransient || !ReturnSequences), batch, steps, H);
        if (Path == ScanPath.Scan)
        {
            var (a, b) = Coefficients(input);
            Kernels.LinearScan(a, b, h0.Data, h.Data, batch, steps, H, reverse: false, BlocksFor(batch));
            _a = a; _steps = [];
        }
        else
        {
            _steps = new object[steps];
            var hPrev = h0.Reshape(batch, H);
            for (int t = 0; t < steps; t++)
            {
                (_steps[t], hPrev) = StepForward(StepOf(input, t), hPrev);
                SetStep(h, t, hPrev);
            }
            _a = [];
        }
        _input = input; _h0 = h0; _h = h;
        var final = new RecurrentState<T>(StepOf(h, steps - 1).Reshape(1, batch, H));
        return new RecurrentOutput<T>(ReturnSequences ? h : final.H.Reshape(batch, H).Clone(), final);
    }

    /// <summary>Back-propagates ∂L/∂output and ∂L/∂(final state) (null: zero); returns ∂L/∂input and sets <see cref="InitialStateGradient"/>.</summary>
    public Tensor<T> backward(Tensor<T> outputGradient, RecurrentState<T>? finalStateGradient)
    {
        if (_input is null || _h is null || _h0 is null) throw NoForward();
        int batch = _input.Shape[0], steps = _input.Shape[1], H = HiddenSize;
        ExpectShape(outputGradient, "output gradient", OutputShape(_input.Shape));
        if (finalStateGradient is not null) ExpectShape(finalStateGradient.H, "final state gradient H [1, batch, hidden]", 1, batch, H);
        // g: ∂L/∂hₜ from the output alone, [B, T, H]; the final state's gradient joins the last step.
        var g = new Tensor<T>(Scratch(ref _g, batch * steps * H), batch, steps, H);
        if (ReturnSequences) outputGradient.Data.CopyTo(g.Data, 0); else Array.Clear(g.Data);
        var last = StepOf(g, steps - 1);
        if (!ReturnSequences) last = last + outputGradient;
        if (finalStateGradient is not null) last = last + finalStateGradient.H.Reshape(batch, H);
        SetStep(g, steps - 1, last);

        Tensor<T> dx, dh0;
        if (_steps.Length == steps)
        {
            dx = new Tensor<T>(_input.Shape);
            var dh = new Tensor<T>(batch, H);                          // ∂L/∂hₜ arriving from step t+1
            for (int t = steps - 1; t >= 0; t--)
            {
                var (dxt, dhPrev) = StepBackward(_steps[t], StepOf(g, t) + dh);
                SetStep(dx, t, dxt);
                dh = dhPrev;
            }
            dh0 = dh;
        }
        else
        {
            // δₜ = gₜ + aₜ₊₁ ⊙ δₜ₊₁ (a_T = 1): the same scan run backwards, with the coefficients moved one step.
            var next = Scratch(ref _next, _a.Length);
            for (int r = 0; r < batch; r++)
            {
                int o = r * steps * H;
                Array.Copy(_a, o + H, next, o, (steps - 1) * H);
                next.AsSpan(o + (steps - 1) * H, H).Fill(T.One);
            }
            var delta = Scratch(ref _delta, _a.Length);
            Kernels.LinearScan(next, g.Data, new T[batch * H], delta, batch, steps, H, reverse: true, BlocksFor(batch));
            // ∂L/∂aₜ = δₜ ⊙ hₜ₋₁, ∂L/∂bₜ = δₜ, ∂L/∂h₀ = a₀ ⊙ δ₀.
            var da = Scratch(ref _da, _a.Length);
            dh0 = new Tensor<T>(batch, H);
            for (int r = 0; r < batch; r++)
            {
                int o = r * steps * H;
                System.Numerics.Tensors.TensorPrimitives.Multiply<T>(delta.AsSpan(o, H), _h0.Data.AsSpan(r * H, H), da.AsSpan(o, H));
                System.Numerics.Tensors.TensorPrimitives.Multiply<T>(delta.AsSpan(o + H, (steps - 1) * H), _h.Data.AsSpan(o, (steps - 1) * H), da.AsSpan(o + H, (steps - 1) * H));
                System.Numerics.Tensors.TensorPrimitives.Multiply<T>(delta.AsSpan(o, H), _a.AsSpan(o, H), dh0.Data.AsSpan(r * H, H));
            }
            dx = CoefficientsBackward(da, delta);
        }
        InitialStateGradient = new RecurrentState<T>(dh0.Reshape(1, batch, H));
        return dx;
    }

    /// <inheritdoc/>
    protected override void ReleaseOwnBuffers()
    {
        _input = _h0 = _h = null; _a = []; _steps = [];
        _next = _delta = _da = _g = _hBuf = null;
        ReleaseCoefficients();
    }

    /// <summary>Drops the derived layer's scan-path buffers (<see cref="Module{T}.ReleaseBuffers"/>).</summary>
    private protected abstract void ReleaseCoefficients();

    /// <summary>An array of <paramref name="n"/> elements kept in <paramref name="slot"/> from call to call (not cleared):
    /// the scan path's [B, T, H] temporaries are large, and a fresh array each step costs more than the arithmetic.</summary>
    private protected static T[] Scratch(ref T[]? slot, int n) => slot is { } s && s.Length == n ? s : slot = new T[n];

    /// <summary>Step t of x [B, T, F] as a new [B, F] tensor.</summary>
    private protected static Tensor<T> StepOf(Tensor<T> x, int t)
    {
        int batch = x.Shape[0], steps = x.Shape[1], f = x.Shape[2];
        var y = new Tensor<T>(batch, f);
        for (int r = 0; r < batch; r++) x.Data.AsSpan((r * steps + t) * f, f).CopyTo(y.Data.AsSpan(r * f, f));
        return y;
    }

    private static void SetStep(Tensor<T> x, int t, Tensor<T> value)
    {
        int batch = x.Shape[0], steps = x.Shape[1], f = x.Shape[2];
        for (int r = 0; r < batch; r++) value.Data.AsSpan(r * f, f).CopyTo(x.Data.AsSpan((r * steps + t) * f, f));
    }

    /// <summary>g(x) = x + ½ for x ≥ 0, σ(x) below: positive, continuous, with g' = 1 above 0 and σ(1 − σ) below.</summary>
    public static T G(T x) => x >= T.Zero ? x + T.CreateChecked(0.5) : Activations.Sigmoid(x);
    /// <summary>g'(x).</summary>
    public static T GDerivative(T x)
    {
        if (x >= T.Zero) return T.One;
        var s = Activations.Sigmoid(x);
        return s * (T.One - s);
    }

    /// <summary>The candidate h̃ = p (plain) or g(p) (log-space variant), element-wise.</summary>
    private protected Tensor<T> Candidate(Tensor<T> p)
    {
        if (Variant == MinVariant.Plain) return p;                 // shared: neither is written after the forward pass
        var y = new Tensor<T>(p.Shape);
        for (int i = 0; i < y.Length; i++) y.Data[i] = G(p.Data[i]);
        return y;
    }

    /// <summary>∂h̃/∂p: 1 (plain) or g'(p).</summary>
    private protected Tensor<T> CandidateDerivative(Tensor<T> p)
    {
        var y = new Tensor<T>(p.Shape);
        for (int i = 0; i < y.Length; i++) y.Data[i] = Variant == MinVariant.Plain ? T.One : GDerivative(p.Data[i]);
        return y;
    }
}
