using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Updates parameters from their gradients. Per-parameter state is kept in double precision;
/// <see cref="step"/> applies one update to every parameter.
/// </summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, double[][] Buffers)> _state = [];
    private double _learningRate;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    protected Optimizer(IEnumerable<Parameter<T>> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        Parameters = list;
        if (list.Count == 0) throw new ArgumentException($"{Kind}: no parameters to optimize.", nameof(parameters));
        int nulls = list.FindIndex(p => p is null);
        if (nulls >= 0) throw new ArgumentException($"{Kind}: parameter {nulls} of {Parameters.Count} is null.", nameof(parameters));
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated by <see cref="step"/>.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Step size, positive and finite (a huge finite one is taken as given); may be changed between steps (schedules).</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value > 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"{Kind}: the learning rate must be positive and finite, got {value}.");
            _learningRate = value;
        }
    }

    /// <summary>Number of steps taken.</summary>
    public int Iterations { get; private set; }

    /// <summary>Short description with the hyper-parameters.</summary>
    public abstract string Describe();

    /// <summary>Applies one update to every parameter from its current gradient.</summary>
    public void step()
    {
        Iterations++;
        for (int i = 0; i < Parameters.Count; i++) Update(i, Parameters[i].Value.Data, Parameters[i].Grad.Data);
    }

    /// <summary>Clears every gradient.</summary>
    public void zero_grad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>Updates parameter <paramref name="index"/> (value w, gradient g) in place.</summary>
    protected abstract void Update(int index, Span<T> w, ReadOnlySpan<T> g);

    /// <summary>A zeroed (or filled) state buffer per parameter, saved by <see cref="state_dict"/> under <paramref name="name"/>.</summary>
    protected double[][] NewState(string name, double fill = 0)
    {
        var buffers = Parameters.Select(p => { var a = new double[p.Value.Length]; if (fill != 0) Array.Fill(a, fill); return a; }).ToArray();
        _state.Add((name, buffers));
        return buffers;
    }

    /// <summary>
    /// The optimizer's state (PyTorch's <c>optimizer.state_dict()</c>): the step count under <c>step</c> and each
    /// per-parameter buffer under <c>{buffer}.{index}</c> (e.g. <c>exp_avg.0</c>), in double precision, copied.
    /// </summary>
    public Dictionary<string, Tensor<double>> state_dict()
    {
        var state = new Dictionary<string, Tensor<double>> { ["step"] = new Tensor<double>([Iterations], 1) };
        foreach (var (name, buffers) in _state)
            for (int i = 0; i < buffers.Length; i++) state[$"{name}.{i}"] = new Tensor<double>((double[])buffers[i].Clone(), Parameters[i].Shape);
        return state;
    }

    /// <summary>Restores a state from <see cref="state_dict"/> of an optimizer of the same kind over parameters of the same
    /// shapes. Every entry must be present, of the right shape and finite; nothing changes unless all fit.</summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor<double>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var expected = state_dict();
        foreach (var (name, mine) in expected)
        {
            if (!state.TryGetValue(name, out var theirs))
                throw new KeyNotFoundException($"{Kind}: the state lacks '{name}' (expected {expected.Count} entries: step and {string.Join(", ", _state.Select(s => s.Name))} per parameter).");
            if (!theirs.SameShape(mine))
                throw new ShapeException($"{Kind}: state '{name}' has shape {Tensor.Format(theirs.Shape)}, expected {Tensor.Format(mine.Shape)}.");
            Expect.Finite(Kind, theirs, $"state '{name}'");
        }
        var extra = state.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (extra.Count > 0) throw new KeyNotFoundException($"{Kind}: unknown state entries {string.Join(", ", extra.Take(5))}{(extra.Count > 5 ? ", …" : "")}; is it another optimizer's?");
        double steps = state["step"].Data[0];
        if (!(steps >= 0 && steps <= int.MaxValue && Math.Floor(steps) == steps))
            throw new ArgumentOutOfRangeException(nameof(state), steps, $"{Kind}: state 'step' must be a whole number ≥ 0, got {steps}.");
        Iterations = (int)steps;
        foreach (var (name, buffers) in _state)
            for (int i = 0; i < buffers.Length; i++) state[$"{name}.{i}"].Data.CopyTo(buffers[i], 0);
    }

    /// <summary>
    /// Throws unless every parameter this optimizer updates belongs to <paramref name="model"/> (it may update only
    /// some of them: the others stay frozen). An optimizer built over another model's parameters would train nothing.
    /// </summary>
    public void ExpectParametersOf<TModel>(TModel model, string who) where TModel : Module<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var mine = new HashSet<Parameter<T>>(model.parameters(), ReferenceEqualityComparer.Instance);
        int foreign = Parameters.Count(p => !mine.Contains(p));
        if (foreign > 0)
            throw new ArgumentException($"{who}: {foreign} of the {Parameters.Count} parameters of the {Kind} optimizer are not parameters of model '{model.Name}' " +
                $"(first: '{Parameters.First(p => !mine.Contains(p)).Name}'); build the optimizer from this model's parameters(), or it trains another model.", "optimizer");
    }

    /// <summary>Throws naming <paramref name="name"/> unless <paramref name="value"/> lies in [lo, hi) (or [lo, hi] with <paramref name="closed"/>).</summary>
    protected double InRange(string name, double value, double lo, double hi, bool closed = false) =>
        value >= lo && (closed ? value <= hi : value < hi) ? value
        : throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{Kind}: {name} must be in [{lo}, {hi}{(closed ? "]" : ")")}, got {value}."));

    /// <summary>Throws naming <paramref name="name"/> unless <paramref name="value"/> is positive and finite.</summary>
    protected double Positive(string name, double value) =>
        value > 0 && double.IsFinite(value) ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{Kind}: {name} must be positive and finite, got {value}.");

    private protected string Kind => GetType().Name.Split('`')[0];

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
