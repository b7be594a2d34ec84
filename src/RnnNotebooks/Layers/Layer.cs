using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Layers;

/// <summary>
/// A differentiable building block. <see cref="Forward"/> caches what <see cref="Backward"/>
/// needs; <see cref="Backward"/> takes ∂L/∂output, adds ∂L/∂parameter to each parameter's
/// gradient and returns ∂L/∂input.
/// </summary>
public abstract class Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Parameter<T>> _parameters = [];

    /// <summary>Creates a layer with a default name (made unique inside a model).</summary>
    protected Layer(string name) => Name = name;

    /// <summary>Name of the layer; parameter names in a model are prefixed with it.</summary>
    public string Name { get; set; }

    /// <summary>The layer's own trainable parameters, in PyTorch order.</summary>
    public virtual IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <summary>Parameters with their names inside this layer (PyTorch's <c>named_parameters()</c>).</summary>
    public virtual IEnumerable<KeyValuePair<string, Parameter<T>>> NamedParameters() =>
        Parameters.Select(p => new KeyValuePair<string, Parameter<T>>(p.Name, p));

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => Parameters.Sum(p => (long)p.Value.Length);

    /// <summary>Computes the output and remembers what the backward pass needs.</summary>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <summary>Back-propagates ∂L/∂output: accumulates parameter gradients and returns ∂L/∂input.</summary>
    public abstract Tensor<T> Backward(Tensor<T> outputGradient);

    /// <summary>Re-initialises every parameter with the given scheme.</summary>
    public abstract void ResetParameters(InitScheme scheme, Rng rng);

    /// <summary>The output shape for an input shape, used by model summaries.</summary>
    public abstract int[] OutputShape(int[] inputShape);

    /// <summary>Registers a parameter (in the order PyTorch lists them).</summary>
    protected Parameter<T> AddParameter(string name, params int[] shape)
    {
        var p = new Parameter<T>(name, shape);
        _parameters.Add(p);
        return p;
    }

    /// <summary>Throws a <see cref="ShapeException"/> naming this layer unless the shape matches (−1 matches any size &gt; 0).</summary>
    protected void ExpectShape(Tensor<T> x, string what, params int[] expected)
    {
        bool ok = x.Rank == expected.Length;
        for (int i = 0; ok && i < expected.Length; i++)
            ok = expected[i] < 0 ? x.Shape[i] > 0 : x.Shape[i] == expected[i];
        if (!ok)
            throw new ShapeException($"{GetType().Name.Split('`')[0]} '{Name}': expected {what} of shape {DescribeShape(expected)}, got {Tensor.Format(x.Shape)}.");
    }

    /// <summary>Throws naming this layer when <paramref name="x"/> holds NaN or ±∞.</summary>
    protected void ExpectFinite(Tensor<T> x, string what)
    {
        int bad = x.IndexOfNonFinite();
        if (bad >= 0)
            throw new ArgumentException($"{GetType().Name.Split('`')[0]} '{Name}': {what} holds {x.Data[bad]} at {x.FormatIndex(bad)}.");
    }

    /// <summary>Throws when <see cref="Backward"/> is called before <see cref="Forward"/>.</summary>
    protected InvalidOperationException NoForward() =>
        new($"{GetType().Name.Split('`')[0]} '{Name}': Backward called before Forward.");

    private static string DescribeShape(int[] s) =>
        "[" + string.Join(", ", s.Select(d => d < 0 ? "*" : d.ToString())) + "]";

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name.Split('`')[0]} '{Name}' ({ParameterCount:N0} parameters)";
}
