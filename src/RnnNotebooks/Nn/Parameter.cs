using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>A trainable tensor and the gradient accumulated for it by <c>Backward</c>.</summary>
public sealed class Parameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a zero parameter and a zero gradient of the given shape.</summary>
    public Parameter(string name, params int[] shape)
    {
        Name = name;
        Value = new Tensor<T>(shape);
        Grad = new Tensor<T>(shape);
    }

    /// <summary>PyTorch-style name within its layer, e.g. <c>weight_ih_l0</c>.</summary>
    public string Name { get; }

    /// <summary>The current value.</summary>
    public Tensor<T> Value { get; }

    /// <summary>The gradient; <c>Backward</c> adds to it, <see cref="ZeroGrad"/> clears it.</summary>
    public Tensor<T> Grad { get; }

    /// <summary>Shape of the value.</summary>
    public int[] Shape => Value.Shape;

    /// <summary>Clears the gradient.</summary>
    public void ZeroGrad() => Grad.Clear();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Tensor.Format(Shape)}";
}
