using System.Numerics;
using System.Text;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Modules applied in order, a module itself (PyTorch's <c>nn.Sequential</c>). Each child is
/// registered under its <see cref="Module{T}.Name"/>, so parameter names read
/// <c>rnn.weight_ih_l0</c>, <c>linear.bias</c>; repeated names get a suffix
/// (<c>linear</c>, <c>linear_1</c>, …). PyTorch numbers the children instead (<c>0.weight</c>);
/// names are used here so a state dict says which layer a tensor belongs to. With one recurrent
/// module it also takes and returns a state (<see cref="IRecurrentModule{T}"/>).
/// </summary>
public sealed class Sequential<T> : Module<T>, IRecurrentModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the model from modules in order.</summary>
    public Sequential(params Module<T>[] modules) : base("sequential")
    {
        foreach (var m in modules) Add(m);
    }

    /// <summary>The modules in order (the registered children).</summary>
    public IReadOnlyList<Module<T>> Modules => children().ToList();

    /// <summary>Appends a module, registered under its <see cref="Module{T}.Name"/>, or with a suffix
    /// (<c>_1</c>, <c>_2</c>, …) when that name is taken.</summary>
    public Sequential<T> Add(Module<T> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var taken = named_children().Select(c => c.name).ToHashSet();
        string name = module.Name;
        for (int k = 1; taken.Contains(name); k++) name = $"{module.Name}_{k}";
        register_module(name, module);
        return this;
    }

    /// <summary>Runs every module.</summary>
    public override Tensor<T> forward(Tensor<T> input) => ForwardMasked(input, null).Output;

    /// <summary>Runs every module, passing each the mask of its input's steps: an <see cref="Embedding{T}"/> with
    /// <see cref="Embedding{T}.MaskZero"/> starts one, a recurrent layer uses it and ends it unless it returns every step.</summary>
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask) =>
        Forward(input, mask, null, null);

    /// <summary>Back-propagates ∂L/∂output through every module, accumulating parameter gradients.</summary>
    public override Tensor<T> backward(Tensor<T> outputGradient) => Backward(outputGradient, null, null);

    /// <summary>
    /// Runs every module with <paramref name="initialState"/> going to the one recurrent module
    /// (an <see cref="IRecurrentModule{T}"/>: RNN, LSTM, GRU) and returns its final state beside the
    /// output, so an <c>Embedding → GRU → Linear</c> stack carries a state from batch to batch
    /// (<see cref="Training.TruncatedBptt{T}"/>).
    /// </summary>
    public RecurrentOutput<T> forward(Tensor<T> input, RecurrentState<T>? initialState)
    {
        var recurrent = TheRecurrentModule();
        RecurrentState<T>? final = null;
        var (output, _) = Forward(input, null, recurrent, (x, mask) =>
        {
            if (mask is not null)
                throw new NotSupportedException($"{Describe()}: a masked batch cannot carry a state; run the recurrent layer with forward(x, state, mask).");
            var result = recurrent.forward(x, initialState);
            final = result.FinalState;
            return result.Output;
        });
        return new RecurrentOutput<T>(output, final!);
    }

    /// <summary>Back-propagates ∂L/∂output and ∂L/∂(final state) (null: zero) through every module.</summary>
    public Tensor<T> backward(Tensor<T> outputGradient, RecurrentState<T>? finalStateGradient)
    {
        var recurrent = TheRecurrentModule();
        return Backward(outputGradient, recurrent, g => recurrent.backward(g, finalStateGradient));
    }

    // The children in order; `special` (the recurrent module) runs through `run` instead of ForwardMasked. A child's
    // output that goes only to the next child is transient (Module.OutputIsTransient): the child may write it into the
    // array of its previous pass. The flag is set for the call alone, so a child called directly never reuses.
    private (Tensor<T> Output, SequenceMask? Mask) Forward(Tensor<T> input, SequenceMask? mask,
        IRecurrentModule<T>? special, Func<Tensor<T>, SequenceMask?, Tensor<T>>? run)
    {
        var modules = NonEmpty();
        var x = input;
        var passed = new List<T[]>(modules.Count);
        for (int i = 0; i < modules.Count; i++)
        {
            var m = modules[i];
            m.OutputIsTransient = i < modules.Count - 1 || OutputIsTransient;
            try
            {
                if (ReferenceEquals(m, special)) x = run!(x, mask);
                else (x, mask) = m.ForwardMasked(x, mask);
            }
            finally { m.OutputIsTransient = false; }
            if (i < modules.Count - 1) passed.Add(x.Data);
        }
        return (OwnResult(x, passed, OutputIsTransient), mask);
    }

    private Tensor<T> Backward(Tensor<T> outputGradient, IRecurrentModule<T>? special, Func<Tensor<T>, Tensor<T>>? run)
    {
        var modules = Modules;
        var g = outputGradient;
        var passed = new List<T[]>(modules.Count);
        for (int i = modules.Count - 1; i >= 0; i--)
        {
            var m = modules[i];
            m.InputGradientIsTransient = i > 0 || InputGradientIsTransient;
            try { g = ReferenceEquals(m, special) ? run!(g) : m.backward(g); }
            finally { m.InputGradientIsTransient = false; }
            if (i > 0) passed.Add(g.Data);
        }
        return OwnResult(g, passed, InputGradientIsTransient);
    }

    // What the model returns to its caller must not be an array a child reuses: a child that passes its input through
    // unchanged could otherwise hand the caller the array the child before it overwrites on the next pass.
    private static Tensor<T> OwnResult(Tensor<T> result, List<T[]> passed, bool transient) =>
        !transient && passed.Any(d => ReferenceEquals(d, result.Data)) ? result.Clone() : result;

    private IReadOnlyList<Module<T>> NonEmpty()
    {
        var modules = Modules;
        if (modules.Count == 0) throw new InvalidOperationException($"{Describe()}: the model has no modules.");
        return modules;
    }

    private IRecurrentModule<T> TheRecurrentModule()
    {
        var recurrent = NonEmpty().OfType<IRecurrentModule<T>>().ToList();
        return recurrent.Count == 1 ? recurrent[0] : throw new InvalidOperationException(
            $"{Describe()}: a state goes to exactly one recurrent module, and this model has {recurrent.Count} ({Chain()}).");
    }

    /// <summary>"Embedding → GRU → Linear": the kinds of the modules in order.</summary>
    public string Chain() => string.Join(" → ", Modules.Select(m => m.GetType().Name.Split('`')[0]));

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => Modules.Aggregate(inputShape, (s, m) => m.OutputShape(s));

    /// <summary>Re-initialises every module with a scheme and seed (e.g. Keras defaults to reproduce an article); any seed, 0 included, is a seed.</summary>
    public Sequential<T> Initialize(InitScheme scheme, ulong seed)
    {
        ResetParameters(scheme, new Rng(seed));
        return this;
    }

    /// <summary>A table of modules, output shapes and parameter counts for an input shape (batch first).</summary>
    public string Summary(params int[] inputShape)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"Layer",-28}{"Output shape",-22}{"Params",12}");
        sb.AppendLine(new string('-', 62));
        var shape = inputShape;
        foreach (var (name, m) in named_children())
        {
            string kind = m.GetType().Name.Split('`')[0];
            string shapeText = "";
            if (shape.Length > 0) { shape = m.OutputShape(shape); shapeText = Tensor.Format(shape); }
            sb.AppendLine($"{$"{name} ({kind})",-28}{shapeText,-22}{m.ParameterCount,12:N0}");
        }
        sb.AppendLine(new string('-', 62));
        sb.AppendLine($"Total parameters: {ParameterCount:N0}");
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Summary();
}
