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
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask)
    {
        var x = input;
        foreach (var m in NonEmpty()) (x, mask) = m.ForwardMasked(x, mask);
        return (x, mask);
    }

    /// <summary>Back-propagates ∂L/∂output through every module, accumulating parameter gradients.</summary>
    public override Tensor<T> backward(Tensor<T> outputGradient)
    {
        var modules = Modules;
        var g = outputGradient;
        for (int i = modules.Count - 1; i >= 0; i--) g = modules[i].backward(g);
        return g;
    }

    /// <summary>
    /// Runs every module with <paramref name="initialState"/> going to the one recurrent module
    /// (an <see cref="IRecurrentModule{T}"/>: RNN, LSTM, GRU) and returns its final state beside the
    /// output, so an <c>Embedding → GRU → Linear</c> stack carries a state from batch to batch
    /// (<see cref="Training.TruncatedBptt{T}"/>).
    /// </summary>
    public RecurrentOutput<T> forward(Tensor<T> input, RecurrentState<T>? initialState)
    {
        var recurrent = TheRecurrentModule();
        var x = input;
        RecurrentState<T>? final = null;
        SequenceMask? mask = null;
        foreach (var m in Modules)
        {
            if (ReferenceEquals(m, recurrent))
            {
                if (mask is not null)
                    throw new NotSupportedException($"{Describe()}: a masked batch cannot carry a state; run the recurrent layer with forward(x, state, mask).");
                var output = recurrent.forward(x, initialState);
                (x, final) = (output.Output, output.FinalState);
            }
            else (x, mask) = m.ForwardMasked(x, mask);
        }
        return new RecurrentOutput<T>(x, final!);
    }

    /// <summary>Back-propagates ∂L/∂output and ∂L/∂(final state) (null: zero) through every module.</summary>
    public Tensor<T> backward(Tensor<T> outputGradient, RecurrentState<T>? finalStateGradient)
    {
        var recurrent = TheRecurrentModule();
        var modules = Modules;
        var g = outputGradient;
        for (int i = modules.Count - 1; i >= 0; i--)
            g = ReferenceEquals(modules[i], recurrent) ? recurrent.backward(g, finalStateGradient) : modules[i].backward(g);
        return g;
    }

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
