using System.Numerics;
using System.Reflection;
using System.Text;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// A differentiable building block with named parameters and named sub-modules, in
/// TorchSharp's vocabulary. <see cref="forward"/> caches what <see cref="backward"/> needs;
/// <see cref="backward"/> takes ∂L/∂output, adds ∂L/∂parameter to each parameter's gradient
/// and returns ∂L/∂input.
/// <para>A model is a module whose sub-modules are fields: call <see cref="RegisterComponents"/>
/// in its constructor and they are registered under their field names, so a
/// <c>class SentimentRnn : Module&lt;float&gt;</c> with fields <c>embedding</c>, <c>rnn</c> and
/// <c>fc</c> has parameters <c>embedding.weight</c>, <c>rnn.weight_ih_l0</c>, …, <c>fc.bias</c>,
/// the names of a PyTorch or TorchSharp model of the same shape.</para>
/// </summary>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, Parameter<T> Parameter)> _parameters = [];
    private readonly List<(string Name, Module<T> Module)> _modules = [];

    /// <summary>Creates a module with a name (used in messages, and by <see cref="Sequential{T}"/> to name its children).</summary>
    protected Module(string name) => Name = name;

    /// <summary>Name of the module, used in messages; a <see cref="Sequential{T}"/> registers a child under it
    /// (the name a parent registers a module under is in the parent's <see cref="named_children"/>).</summary>
    public string Name { get; set; }

    /// <summary>Whether the module is in training mode (the default) or evaluation mode; dropout is active only in training.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode (or evaluation mode for false) on this module and every sub-module, as PyTorch's <c>train()</c>.</summary>
    public Module<T> train(bool mode = true)
    {
        Training = mode;
        foreach (var (_, m) in _modules) m.train(mode);
        return this;
    }

    /// <summary>Sets evaluation mode on this module and every sub-module (dropout becomes the identity), as PyTorch's <c>eval()</c>.</summary>
    public Module<T> eval() => train(false);

    /// <summary>Computes the output and remembers what <see cref="backward"/> needs.</summary>
    public abstract Tensor<T> forward(Tensor<T> input);

    /// <summary>Back-propagates ∂L/∂output: accumulates parameter gradients and returns ∂L/∂input.</summary>
    public abstract Tensor<T> backward(Tensor<T> outputGradient);

    /// <summary>
    /// Forward with the padding mask of the input's steps (null: every step is real, see
    /// <see cref="SequenceMask"/>); returns the output and the mask of the output's steps. A container
    /// such as <see cref="Sequential{T}"/> threads the mask through its children this way. The default
    /// runs <see cref="forward(Tensor{T})"/> and passes the mask on unchanged, right for modules that act on
    /// each step alone (<see cref="Linear{T}"/>, <see cref="Dropout{T}"/>); modules that make a mask
    /// (<see cref="Embedding{T}.MaskZero"/>), use it (<see cref="RNNBase{T}"/>) or cannot take one override it.
    /// </summary>
    public virtual (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask) => (forward(input), mask);

    /// <summary>Every parameter with its dotted name (<c>rnn.weight_ih_l0</c>), own parameters first, then each child's.</summary>
    public IEnumerable<(string name, Parameter<T> parameter)> named_parameters()
    {
        foreach (var (name, p) in _parameters) yield return (name, p);
        foreach (var (prefix, m) in _modules)
            foreach (var (name, p) in m.named_parameters()) yield return (ChildParameterName(prefix, name), p);
    }

    /// <summary>
    /// The name a child's parameter gets in <see cref="named_parameters"/>: <c>child.parameter</c>.
    /// A wrapper whose children stand for parts of one layer may name them otherwise
    /// (<see cref="Bidirectional{T}"/>: <c>weight_ih_l0</c> and <c>weight_ih_l0_reverse</c>, as PyTorch).
    /// </summary>
    protected virtual string ChildParameterName(string child, string parameter) => $"{child}.{parameter}";

    /// <summary>Every parameter, in the order of <see cref="named_parameters"/>.</summary>
    public IReadOnlyList<Parameter<T>> parameters() => named_parameters().Select(np => np.parameter).ToList();

    /// <summary>The direct sub-modules with the names they were registered under.</summary>
    public IEnumerable<(string name, Module<T> module)> named_children() => _modules;

    /// <summary>The direct sub-modules, in registration order.</summary>
    public IEnumerable<Module<T>> children() => _modules.Select(m => m.Module);

    /// <summary>
    /// Every random generator the module and its sub-modules draw from while training (dropout masks), by dotted
    /// name. A checkpoint saves their states (<see cref="Rng.GetState"/>) so a resumed run draws the same masks.
    /// </summary>
    public IEnumerable<(string name, Rng generator)> NamedGenerators()
    {
        foreach (var (name, g) in OwnGenerators()) yield return (name, g);
        foreach (var (prefix, m) in _modules)
            foreach (var (name, g) in m.NamedGenerators()) yield return ($"{prefix}.{name}", g);
    }

    /// <summary>The module's own random generators (none by default); a module that draws while training lists its generator here.</summary>
    protected virtual IEnumerable<(string name, Rng generator)> OwnGenerators() => [];

    /// <summary>
    /// Gives back the buffers this module and its sub-modules keep between calls (what <see cref="backward"/>
    /// reads, and the recurrent layers' working buffers, which grow to the largest batch seen), so a model
    /// that is kept but no longer run holds only its parameters. The next <see cref="forward"/> allocates
    /// them again; <see cref="backward"/> needs a forward first. <see cref="Training.Trainer{T}"/> calls it
    /// when a fit, an evaluation or a prediction ends.
    /// </summary>
    public void ReleaseBuffers()
    {
        ReleaseOwnBuffers();
        foreach (var (_, m) in _modules) m.ReleaseBuffers();
    }

    /// <summary>Drops this module's own kept buffers (<see cref="ReleaseBuffers"/>); nothing by default.</summary>
    protected virtual void ReleaseOwnBuffers() { }

    /// <summary>
    /// Whether the running <see cref="forward"/>'s output is read only until this module runs forward again: a
    /// <see cref="Sequential{T}"/> sets it while it runs a child whose output goes to the next child (which reads it,
    /// or keeps it for its own backward, before the next pass). Such a module may write its output into the array of
    /// the previous pass (<see cref="ResultArray"/>) instead of allocating a [batch, steps, features] tensor per batch.
    /// False whenever the module is called directly, so a tensor it returns to user code is never overwritten.
    /// </summary>
    protected internal bool OutputIsTransient { get; internal set; }

    /// <summary>As <see cref="OutputIsTransient"/> for the running <see cref="backward"/>'s ∂L/∂input: set while a
    /// <see cref="Sequential{T}"/> hands it straight to the child before this one.</summary>
    protected internal bool InputGradientIsTransient { get; internal set; }

    /// <summary>
    /// An array for a result of <paramref name="length"/> values that the caller then writes in full: with
    /// <paramref name="transient"/> (<see cref="OutputIsTransient"/>, <see cref="InputGradientIsTransient"/>) the one
    /// kept in <paramref name="slot"/> when its length matches, otherwise a new one (kept in the slot only when transient).
    /// Its old contents are not cleared. Release the slot in <see cref="ReleaseOwnBuffers"/>.
    /// </summary>
    protected internal static T[] ResultArray(ref T[]? slot, int length, bool transient)
    {
        if (!transient) return GC.AllocateUninitializedArray<T>(length);
        if (slot is null || slot.Length != length) slot = GC.AllocateUninitializedArray<T>(length);
        return slot;
    }

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => parameters().Sum(p => (long)p.Value.Length);

    /// <summary>Clears the gradient of every parameter.</summary>
    public void zero_grad()
    {
        foreach (var p in parameters()) p.ZeroGrad();
    }

    /// <summary>Copies of all parameter values by dotted name (PyTorch's <c>state_dict()</c>).</summary>
    public Dictionary<string, Tensor<T>> state_dict() =>
        named_parameters().ToDictionary(np => np.name, np => np.parameter.Value.Clone());

    /// <summary>
    /// Loads parameter values by name. Every name must be known and every shape must match;
    /// with <paramref name="strict"/> every parameter must also be present. Nothing is
    /// changed unless the whole state fits.
    /// </summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor<T>> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var mine = named_parameters().ToDictionary(np => np.name, np => np.parameter);
        foreach (var (name, value) in state)
        {
            if (!mine.TryGetValue(name, out var p))
                throw new KeyNotFoundException($"{Describe()}: unknown parameter '{name}'. Known: {string.Join(", ", mine.Keys)}.");
            if (!p.Value.SameShape(value))
                throw new ShapeException($"{Describe()}: parameter '{name}' has shape {Tensor.Format(p.Shape)}, the state holds {Tensor.Format(value.Shape)}.");
            Expect.Finite(Describe(), value, $"state entry '{name}'");
        }
        if (strict)
        {
            var missing = mine.Keys.Where(k => !state.ContainsKey(k)).ToList();
            if (missing.Count > 0) throw new KeyNotFoundException($"{Describe()}: the state lacks {string.Join(", ", missing)}.");
        }
        foreach (var (name, value) in state) mine[name].Value.CopyFrom(value);
    }

    /// <summary>Saves <see cref="state_dict"/> to a safetensors file (see <see cref="SafeTensors"/>).</summary>
    public void save(string path) => SafeTensors.Save(path, state_dict(), new Dictionary<string, string> { ["format"] = "rnn-notebooks" });

    /// <summary>Loads weights from a safetensors file written by <see cref="save"/> or by PyTorch.</summary>
    public void load(string path, bool strict = true)
    {
        var state = SafeTensors.Load<T>(path);
        try { load_state_dict(state, strict); }
        catch (Exception e) when (e is KeyNotFoundException or ShapeException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Re-initialises every parameter with a scheme (the default visits the sub-modules in order).</summary>
    public virtual void ResetParameters(InitScheme scheme, Rng rng)
    {
        foreach (var (_, m) in _modules) m.ResetParameters(scheme, rng);
    }

    /// <summary>The output shape for an input shape, used by model summaries.</summary>
    public virtual int[] OutputShape(int[] inputShape) =>
        throw new NotSupportedException($"{Describe()}: no output shape rule; override OutputShape.");

    /// <summary>Registers a parameter under a name (TorchSharp's <c>register_parameter</c>).</summary>
    public void register_parameter(string name, Parameter<T> parameter)
    {
        CheckNewName(name);
        _parameters.Add((name, parameter));
    }

    /// <summary>Registers a sub-module under a name (TorchSharp's <c>register_module</c>).</summary>
    public void register_module(string name, Module<T> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckNewName(name);
        _modules.Add((name, module));
    }

    /// <summary>
    /// Registers every field of this object's class that holds a <see cref="Module{T}"/> or a
    /// <see cref="Parameter{T}"/>, under the field's name, in declaration order (TorchSharp's
    /// <c>RegisterComponents</c>). Call it at the end of a model's constructor.
    /// </summary>
    protected void RegisterComponents()
    {
        var fields = GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => !f.Name.Contains('<'))
            .OrderBy(f => f.MetadataToken);
        foreach (var f in fields)
        {
            switch (f.GetValue(this))
            {
                case Module<T> m: register_module(f.Name, m); break;
                case Parameter<T> p: register_parameter(f.Name, p); break;
            }
        }
    }

    /// <summary>Creates and registers a zero parameter (the built-in modules' own weights, in PyTorch's order).</summary>
    protected Parameter<T> AddParameter(string name, params int[] shape)
    {
        var p = new Parameter<T>(name, shape);
        register_parameter(name, p);
        return p;
    }

    /// <summary>Throws a <see cref="ShapeException"/> naming this module unless the shape matches (−1 matches any size &gt; 0).</summary>
    protected void ExpectShape(Tensor<T> x, string what, params int[] expected)
    {
        bool ok = x.Rank == expected.Length;
        for (int i = 0; ok && i < expected.Length; i++)
            ok = expected[i] < 0 ? x.Shape[i] > 0 : x.Shape[i] == expected[i];
        if (!ok)
            throw new ShapeException($"{Describe()}: expected {what} of shape {DescribeShape(expected)}, got {Tensor.Format(x.Shape)}.");
    }

    /// <summary>Throws naming this module when <paramref name="x"/> holds NaN or ±∞.</summary>
    protected void ExpectFinite(Tensor<T> x, string what) => Expect.Finite(Describe(), x, what);

    /// <summary>Throws an <see cref="ActivationOverflowException"/> naming this module when a result it computed from
    /// finite inputs holds NaN or ±∞.</summary>
    protected void ExpectFiniteResult(Tensor<T> result, string what)
    {
        int bad = result.IndexOfNonFinite();
        if (bad < 0) return;
        string largest = "", name = "";
        double max = -1;
        foreach (var (n, p) in named_parameters())
            foreach (var v in p.Value.Data)
            {
                double a = Math.Abs(double.CreateTruncating(v));
                if (a > max) { max = a; name = n; }
            }
        if (max >= 0) largest = FormattableString.Invariant($"Largest weight: |{name}| = {max:G3}");
        throw new ActivationOverflowException(Name, GetType().Name.Split('`')[0], what, double.CreateTruncating(result.Data[bad]), result.FormatIndex(bad), largest);
    }

    /// <summary>Throws when <see cref="backward"/> is called before <see cref="forward"/>.</summary>
    protected InvalidOperationException NoForward() => new($"{Describe()}: backward called before forward.");

    /// <summary>"Kind 'name'", the prefix of every message about this module.</summary>
    protected string Describe() => $"{GetType().Name.Split('`')[0]} '{Name}'";

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{Describe()}: '{name}' is not a valid name (non-empty, no dots).", nameof(name));
        if (_parameters.Any(p => p.Name == name) || _modules.Any(m => m.Name == name))
            throw new ArgumentException($"{Describe()}: the name '{name}' is already registered.", nameof(name));
    }

    private static string DescribeShape(int[] s) =>
        "[" + string.Join(", ", s.Select(d => d < 0 ? "*" : d.ToString())) + "]";

    /// <summary>The module tree with parameter counts, one line per module.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder($"{Describe()} ({ParameterCount:N0} parameters)");
        foreach (var (name, m) in _modules) sb.Append($"\n  {name}: ").Append(m.ToString().Replace("\n", "\n  "));
        return sb.ToString();
    }
}
