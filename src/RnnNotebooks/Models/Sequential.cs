using System.Numerics;
using System.Text;
using RnnNotebooks.Layers;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Models;

/// <summary>
/// A stack of layers applied in order (Keras's <c>Sequential</c>). Parameter names are
/// <c>{layer name}.{parameter name}</c>, e.g. <c>rnn.weight_ih_l0</c>; layer names are made
/// unique (<c>dense</c>, <c>dense_1</c>, …) when the model is built.
/// </summary>
public sealed class Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Layer<T>> _layers = [];

    /// <summary>Creates the model from layers in order.</summary>
    public Sequential(params Layer<T>[] layers)
    {
        foreach (var l in layers) Add(l);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer<T>> Layers => _layers;

    /// <summary>Appends a layer, renaming it if its name is taken.</summary>
    public Sequential<T> Add(Layer<T> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        string baseName = layer.Name, name = baseName;
        for (int k = 1; _layers.Any(l => l.Name == name); k++) name = $"{baseName}_{k}";
        layer.Name = name;
        _layers.Add(layer);
        return this;
    }

    /// <summary>Every parameter with its model-level name, in layer order.</summary>
    public IEnumerable<KeyValuePair<string, Parameter<T>>> NamedParameters() =>
        _layers.SelectMany(l => l.NamedParameters().Select(kv => new KeyValuePair<string, Parameter<T>>($"{l.Name}.{kv.Key}", kv.Value)));

    /// <summary>Every parameter in layer order.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => NamedParameters().Select(kv => kv.Value).ToList();

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => _layers.Sum(l => l.ParameterCount);

    /// <summary>Runs every layer.</summary>
    public Tensor<T> Forward(Tensor<T> input)
    {
        if (_layers.Count == 0) throw new InvalidOperationException("Sequential: the model has no layers.");
        var x = input;
        foreach (var l in _layers) x = l.Forward(x);
        return x;
    }

    /// <summary>Back-propagates ∂L/∂output through every layer, accumulating parameter gradients.</summary>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var g = outputGradient;
        for (int i = _layers.Count - 1; i >= 0; i--) g = _layers[i].Backward(g);
        return g;
    }

    /// <summary>Clears every parameter gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>Re-initialises every layer with a scheme and seed (e.g. Keras defaults to reproduce an article).</summary>
    public Sequential<T> Initialize(InitScheme scheme, ulong seed)
    {
        var rng = new Rng(seed);
        foreach (var l in _layers) l.ResetParameters(scheme, rng);
        return this;
    }

    /// <summary>Copies of all parameter values by name (PyTorch's <c>state_dict()</c>).</summary>
    public Dictionary<string, Tensor<T>> StateDict() =>
        NamedParameters().ToDictionary(kv => kv.Key, kv => kv.Value.Value.Clone());

    /// <summary>
    /// Loads parameter values by name. Every name must be known and every shape must match;
    /// with <paramref name="strict"/> every parameter must also be present.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor<T>> state, bool strict = true)
    {
        var mine = NamedParameters().ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (name, value) in state)
        {
            if (!mine.TryGetValue(name, out var p))
                throw new KeyNotFoundException($"Sequential: unknown parameter '{name}'. Known: {string.Join(", ", mine.Keys)}.");
            if (!p.Value.SameShape(value))
                throw new ShapeException($"Sequential: parameter '{name}' has shape {Tensor.Format(p.Shape)}, the state holds {Tensor.Format(value.Shape)}.");
        }
        if (strict)
        {
            var missing = mine.Keys.Where(k => !state.ContainsKey(k)).ToList();
            if (missing.Count > 0) throw new KeyNotFoundException($"Sequential: the state lacks {string.Join(", ", missing)}.");
        }
        foreach (var (name, value) in state) mine[name].Value.CopyFrom(value);
    }

    /// <summary>Saves all weights to a safetensors file (see <see cref="SafeTensors"/>).</summary>
    public void Save(string path) => SafeTensors.Save(path, StateDict(), new Dictionary<string, string> { ["format"] = "rnn-notebooks" });

    /// <summary>Loads all weights from a safetensors file written by <see cref="Save"/> or by PyTorch.</summary>
    public void Load(string path, bool strict = true)
    {
        var state = SafeTensors.Load<T>(path);
        try { LoadStateDict(state, strict); }
        catch (Exception e) when (e is KeyNotFoundException or ShapeException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>A table of layers, output shapes and parameter counts for an input shape (batch first).</summary>
    public string Summary(params int[] inputShape)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"Layer",-28}{"Output shape",-22}{"Params",12}");
        sb.AppendLine(new string('-', 62));
        var shape = inputShape;
        foreach (var l in _layers)
        {
            string kind = l.GetType().Name.Split('`')[0];
            string shapeText = "";
            if (shape.Length > 0) { shape = l.OutputShape(shape); shapeText = Tensor.Format(shape); }
            sb.AppendLine($"{$"{l.Name} ({kind})",-28}{shapeText,-22}{l.ParameterCount,12:N0}");
        }
        sb.AppendLine(new string('-', 62));
        sb.AppendLine($"Total parameters: {ParameterCount:N0}");
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Summary();
}
