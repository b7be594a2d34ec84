using System.Numerics;
using System.Text;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Modules applied in order, a module itself (PyTorch's <c>nn.Sequential</c>). Each child is
/// registered under its <see cref="Module{T}.Name"/>, so parameter names read
/// <c>rnn.weight_ih_l0</c>, <c>linear.bias</c>; repeated names get a suffix
/// (<c>linear</c>, <c>linear_1</c>, …). PyTorch numbers the children instead (<c>0.weight</c>);
/// names are used here so a state dict says which layer a tensor belongs to.
/// </summary>
public sealed class Sequential<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Module<T>> _modules = [];

    /// <summary>Creates the model from modules in order.</summary>
    public Sequential(params Module<T>[] modules) : base("sequential")
    {
        foreach (var m in modules) Add(m);
    }

    /// <summary>The modules in order.</summary>
    public IReadOnlyList<Module<T>> Modules => _modules;

    /// <summary>Appends a module, renaming it if its name is taken.</summary>
    public Sequential<T> Add(Module<T> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        string baseName = module.Name, name = baseName;
        for (int k = 1; _modules.Any(l => l.Name == name); k++) name = $"{baseName}_{k}";
        module.Name = name;
        register_module(name, module);
        _modules.Add(module);
        return this;
    }

    /// <summary>Runs every module.</summary>
    public override Tensor<T> forward(Tensor<T> input)
    {
        if (_modules.Count == 0) throw new InvalidOperationException("Sequential: the model has no modules.");
        var x = input;
        SequenceMask? mask = null;
        foreach (var m in _modules)
        {
            if (mask is not null && m is RNNBase<T> rnn)
            {
                x = rnn.forward(x, null, mask).Output;
                if (!rnn.ReturnSequences) mask = null;      // the mask ends where the steps end
                continue;
            }
            if (mask is not null && m is Bidirectional<T>)
                throw new NotSupportedException($"Sequential: '{m.Name}' (Bidirectional wrapper) cannot take a mask; use a layer with bidirectional: true.");
            if (m is Embedding<T> { MaskZero: true }) mask = SequenceMask.FromPadding(x);
            x = m.forward(x);
        }
        return x;
    }

    /// <summary>Back-propagates ∂L/∂output through every module, accumulating parameter gradients.</summary>
    public override Tensor<T> backward(Tensor<T> outputGradient)
    {
        var g = outputGradient;
        for (int i = _modules.Count - 1; i >= 0; i--) g = _modules[i].backward(g);
        return g;
    }

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => _modules.Aggregate(inputShape, (s, m) => m.OutputShape(s));

    /// <summary>Re-initialises every module with a scheme and seed (e.g. Keras defaults to reproduce an article).</summary>
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
        foreach (var m in _modules)
        {
            string kind = m.GetType().Name.Split('`')[0];
            string shapeText = "";
            if (shape.Length > 0) { shape = m.OutputShape(shape); shapeText = Tensor.Format(shape); }
            sb.AppendLine($"{$"{m.Name} ({kind})",-28}{shapeText,-22}{m.ParameterCount,12:N0}");
        }
        sb.AppendLine(new string('-', 62));
        sb.AppendLine($"Total parameters: {ParameterCount:N0}");
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Summary();
}
