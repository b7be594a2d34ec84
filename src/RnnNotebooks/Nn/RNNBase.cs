using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn.Fused;

namespace RnnNotebooks.Nn;

/// <summary>
/// Base of <see cref="RNN{T}"/>, <see cref="LSTM{T}"/> and <see cref="GRU{T}"/>: a stack of
/// <see cref="NumLayers"/> recurrent layers, each with one or two directions, with PyTorch's
/// parameter names (<c>weight_ih_l{k}</c>, <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>,
/// <c>bias_hh_l{k}</c>, suffix <c>_reverse</c>) and shapes ([gates·hidden, input], …).
/// Input is batch-first [batch, steps, input].
/// <para>Each layer and direction runs the fused multi-step code in <c>Nn/Fused</c> (<c>FusedStack</c>
/// holds the buffers, the dropout masks and the order of the layers; this class validates and delegates), which
/// computes exactly what the cell of <see cref="Cell"/> computes step by step
/// (<see cref="Cells.RnnCell{T}"/>, <see cref="Cells.LstmCell{T}"/>, <see cref="Cells.GruCell{T}"/>):
/// read the cell to learn the equations; the tests hold the fused code to it.</para>
/// </summary>
public abstract class RNNBase<T> : Module<T>, IRecurrentModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private RecurrentDirection<T>[] _directions = [];         // index l·D + d
    private FusedStack<T> _stack = null!;                      // runs the directions: buffers, dropout masks, layer order
    private bool _backwardDone;                                 // backward has consumed the last forward's activations
    private Rng _dropoutRng = new(Rng.Global.NextUInt64());
    private double _dropout;

    /// <summary>Builds the stack; <paramref name="gates"/> is 1 (RNN), 4 (LSTM) or 3 (GRU).</summary>
    private protected RNNBase(string name, int inputSize, int hiddenSize, int numLayers, bool bidirectional,
        bool returnSequences, bool bias, int gates)
        : base(name)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputSize),
                $"{GetType().Name.Split('`')[0]} '{name}': sizes must be positive, got input={inputSize}, hidden={hiddenSize}, layers={numLayers}.");
        InputSize = inputSize; HiddenSize = hiddenSize; NumLayers = numLayers;
        Bidirectional = bidirectional; ReturnSequences = returnSequences; HasBias = bias; Gates = gates;
    }

    /// <summary>Creates the parameters and directions; derived constructors call it last.</summary>
    private protected void Build()
    {
        int numLayers = NumLayers, inputSize = InputSize, hiddenSize = HiddenSize, gates = Gates, dirs = Directions;
        bool bias = HasBias;
        _directions = new RecurrentDirection<T>[numLayers * dirs];
        for (int l = 0; l < numLayers; l++)
        {
            int inL = l == 0 ? inputSize : dirs * hiddenSize;
            for (int d = 0; d < dirs; d++)
            {
                string sfx = $"_l{l}" + (d == 1 ? "_reverse" : "");
                var wih = AddParameter("weight_ih" + sfx, gates * hiddenSize, inL);
                var whh = AddParameter("weight_hh" + sfx, gates * hiddenSize, hiddenSize);
                var bih = bias ? AddParameter("bias_ih" + sfx, gates * hiddenSize) : null;
                var bhh = bias ? AddParameter("bias_hh" + sfx, gates * hiddenSize) : null;
                _directions[l * dirs + d] = CreateDirection(inL, d == 1, wih, whh, bih, bhh);
            }
        }
        _stack = new FusedStack<T>(_directions, numLayers, dirs, inputSize, hiddenSize);
        ResetParameters(InitScheme.PyTorch, Rng.Global);
    }

    /// <summary>Features per input step.</summary>
    public int InputSize { get; }
    /// <summary>Hidden units per direction.</summary>
    public int HiddenSize { get; }
    /// <summary>Stacked layers.</summary>
    public int NumLayers { get; }
    /// <summary>Whether each layer also reads the sequence backwards (PyTorch's <c>bidirectional</c>).</summary>
    public bool Bidirectional { get; }
    /// <summary>1 or 2.</summary>
    public int Directions => Bidirectional ? 2 : 1;
    /// <summary>Whether <see cref="Module{T}.forward"/> returns every step [B, T, D·H] or only the last [B, D·H] (Keras's <c>return_sequences</c>, kept so a recurrent layer can sit in a <see cref="Sequential{T}"/> as in the
    /// article models; PyTorch returns both and <see cref="forward(Tensor{T}, RecurrentState{T}?, SequenceMask?)"/> gives the final state too).</summary>
    public bool ReturnSequences { get; }
    /// <summary>Whether the layer has bias vectors.</summary>
    public bool HasBias { get; }
    /// <summary>Gate blocks stacked in each weight matrix.</summary>
    public int Gates { get; }
    /// <summary>Whether the state includes an LSTM cell state.</summary>
    public bool HasCellState => _directions[0].HasCellState;

    /// <summary>
    /// Truncated BPTT: when k &gt; 0, <see cref="backward(Tensor{T}, RecurrentState{T}?)"/> cuts the sequence into
    /// chunks of k steps and lets no gradient cross a chunk boundary (as if the state were
    /// detached there). 0 means full BPTT, and so does a k longer than the sequence.
    /// </summary>
    public int TruncateBackpropSteps
    {
        get => _truncateBackpropSteps;
        set => _truncateBackpropSteps = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(TruncateBackpropSteps), value, $"{Describe()}: TruncateBackpropSteps must be 0 (full BPTT) or a positive number of steps, got {value}.");
    }
    private int _truncateBackpropSteps;

    /// <summary>
    /// PyTorch's <c>dropout</c>: in training mode, the probability of zeroing each output
    /// element of every layer except the last (between stacked layers), survivors scaled by
    /// 1/(1 − p); 0: no dropout. No effect with one layer or in evaluation mode.
    /// </summary>
    public double Dropout
    {
        get => _dropout;
        set
        {
            if (!(value >= 0 && value < 1))
                throw new ArgumentOutOfRangeException(nameof(Dropout), value, $"{Describe()}: dropout must be in [0, 1), got {value}.");
            _dropout = value;
        }
    }

    /// <summary>Restarts the between-layer dropout masks from a seed (any value, 0 included, is a seed).</summary>
    public void ManualSeedDropout(ulong seed) => _dropoutRng = new Rng(seed);

    /// <inheritdoc/>
    protected override IEnumerable<(string name, Rng generator)> OwnGenerators() => [("dropout", _dropoutRng)];

    /// <summary>∂L/∂(initial state) from the last backward pass.</summary>
    public RecurrentState<T>? InitialStateGradient { get; private set; }

    /// <summary>The final state of the last forward pass.</summary>
    public RecurrentState<T>? FinalState { get; private set; }

    /// <summary>
    /// The weights of one layer and direction as a one-step cell (they are shared, not copied):
    /// <see cref="Cells.RnnCell{T}"/>, <see cref="Cells.LstmCell{T}"/> or <see cref="Cells.GruCell{T}"/>.
    /// </summary>
    public Cells.Cell<T> Cell(int layer = 0, bool reverse = false)
    {
        if (layer < 0 || layer >= NumLayers || (reverse && !Bidirectional))
            throw new ArgumentOutOfRangeException(nameof(layer), $"{Describe()}: no layer {layer}{(reverse ? " reverse" : "")} (layers 0..{NumLayers - 1}, bidirectional: {Bidirectional}).");
        var d = _directions[layer * Directions + (reverse ? 1 : 0)];
        return CreateCell(d.WeightIh.Value, d.WeightHh.Value, d.BiasIh?.Value, d.BiasHh?.Value);
    }

    private protected abstract Cells.Cell<T> CreateCell(Tensor<T> weightIh, Tensor<T> weightHh, Tensor<T>? biasIh, Tensor<T>? biasHh);

    private protected abstract RecurrentDirection<T> CreateDirection(int inputSize, bool reverse,
        Parameter<T> weightIh, Parameter<T> weightHh, Parameter<T>? biasIh, Parameter<T>? biasHh);

    /// <summary>A new layer with the same configuration (dropout included) and freshly initialised weights.</summary>
    public abstract RNNBase<T> CloneArchitecture(string? name = null);

    /// <inheritdoc/>
    public override void ResetParameters(InitScheme scheme, Rng rng)
    {
        foreach (var dir in _directions)
        {
            if (scheme == InitScheme.PyTorch)
            {
                double bound = 1 / Math.Sqrt(HiddenSize);
                Init.Uniform(dir.WeightIh.Value, rng, bound);
                Init.Uniform(dir.WeightHh.Value, rng, bound);
                if (dir.BiasIh is not null) Init.Uniform(dir.BiasIh.Value, rng, bound);
                if (dir.BiasHh is not null) Init.Uniform(dir.BiasHh.Value, rng, bound);
            }
            else
            {
                Init.GlorotUniform(dir.WeightIh.Value, rng, dir.WeightIh.Shape[1], dir.WeightIh.Shape[0]);
                Init.Orthogonal(dir.WeightHh.Value, rng);
                dir.BiasIh?.Value.Clear();
                dir.BiasHh?.Value.Clear();
                if (HasCellState && dir.BiasIh is not null)
                    dir.BiasIh.Value.Data.AsSpan(HiddenSize, HiddenSize).Fill(T.One);   // Keras unit_forget_bias
            }
        }
    }

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) =>
        ReturnSequences ? [inputShape[0], inputShape[1], Directions * HiddenSize] : [inputShape[0], Directions * HiddenSize];

    /// <summary>A zero state for a batch.</summary>
    public RecurrentState<T> ZeroState(int batch)
    {
        Sizes.Positive(Describe(), nameof(batch), batch);
        Sizes.Allocatable(Describe(), nameof(batch), batch, (double)NumLayers * Directions * batch * HiddenSize, "a state [layers·directions, batch, hidden]");
        return new(new Tensor<T>(NumLayers * Directions, batch, HiddenSize), HasCellState ? new Tensor<T>(NumLayers * Directions, batch, HiddenSize) : null);
    }

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input) => forward(input, null).Output;

    /// <inheritdoc/>
    public override Tensor<T> backward(Tensor<T> outputGradient) => backward(outputGradient, null);

    /// <summary>Runs the sequence with its padding mask from zeros; the output's steps keep the mask when every step is returned.</summary>
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask) =>
        (forward(input, null, mask).Output, ReturnSequences ? mask : null);

    RecurrentOutput<T> IRecurrentModule<T>.forward(Tensor<T> input, RecurrentState<T>? initialState) => forward(input, initialState);

    /// <summary>
    /// Runs the sequence from <paramref name="initialState"/> (zeros when null). With a
    /// <paramref name="mask"/>, padded steps are skipped as PyTorch's packed sequences and
    /// Keras's masks skip them (see <see cref="SequenceMask"/>); this runs a slower path.
    /// </summary>
    public RecurrentOutput<T> forward(Tensor<T> input, RecurrentState<T>? initialState, SequenceMask? mask = null)
    {
        ExpectShape(input, "input [batch, steps, features]", -1, -1, InputSize);
        ExpectFinite(input, "input");
        int batch = input.Shape[0], steps = input.Shape[1];
        var init = initialState ?? ZeroState(batch);
        CheckState(init, batch, "initial state");
        if (mask is not null && (mask.Batch != batch || mask.Steps != steps))
            throw new ShapeException($"{Describe()}: the mask is for [{mask.Batch}, {mask.Steps}] (batch, steps), the input is {Tensor.Format(input.Shape)}.");
        bool drop = Training && Dropout > 0 && NumLayers > 1;
        var final = ZeroState(batch);
        var output = _stack.Forward(input, init, final, mask, drop ? Dropout : 0, _dropoutRng, ReturnSequences, OutputIsTransient);
        _backwardDone = false;
        FinalState = final;
        // A non-finite value at any step reaches the final state through the recurrence.
        ExpectFiniteResult(final.H, "the final state");
        return new RecurrentOutput<T>(output, final);
    }

    /// <summary>
    /// Back-propagates through time from ∂L/∂output and, optionally, ∂L/∂(final state).
    /// Returns ∂L/∂input; sets <see cref="InitialStateGradient"/>.
    /// </summary>
    public Tensor<T> backward(Tensor<T> outputGradient, RecurrentState<T>? finalStateGradient)
    {
        if (!_stack.HasForward) throw NoForward();
        if (_backwardDone)
            throw new InvalidOperationException($"{Describe()}: backward ran twice after one forward pass; the gradients of the first overwrote the activations it kept, so run forward again before the next backward.");
        var (batch, steps) = _stack.LastShape;
        ExpectShape(outputGradient, "output gradient", OutputShape([batch, steps, InputSize]));
        if (finalStateGradient is not null) CheckState(finalStateGradient, batch, "final state gradient");
        _backwardDone = true;
        var dFinal = finalStateGradient?.Detach() ?? ZeroState(batch);
        var dInit = ZeroState(batch);
        var dInput = _stack.Backward(outputGradient, dFinal, dInit, TruncateBackpropSteps, ReturnSequences, InputGradientIsTransient);
        InitialStateGradient = dInit;
        return dInput;
    }

    /// <inheritdoc/>
    protected override void ReleaseOwnBuffers()
    {
        _stack.ReleaseBuffers();
        FinalState = null; InitialStateGradient = null;
    }

    private void CheckState(RecurrentState<T> s, int batch, string what)
    {
        int rows = NumLayers * Directions;
        ExpectShape(s.H, what + " H [layers·directions, batch, hidden]", rows, batch, HiddenSize);
        if (HasCellState)
        {
            if (s.C is null) throw new ArgumentException($"{GetType().Name.Split('`')[0]} '{Name}': {what} needs the LSTM cell state C.");
            ExpectShape(s.C, what + " C [layers·directions, batch, hidden]", rows, batch, HiddenSize);
        }
        ExpectFinite(s.H, what);
    }
}
