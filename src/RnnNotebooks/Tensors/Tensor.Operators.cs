using System.Numerics;
using System.Numerics.Tensors;

namespace RnnNotebooks.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Element-wise a + b (same shapes).</summary>
    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Zip(a, b, "+", TensorPrimitives.Add);

    /// <summary>Element-wise a − b (same shapes).</summary>
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Zip(a, b, "−", TensorPrimitives.Subtract);

    /// <summary>Element-wise (Hadamard) product a ⊙ b (same shapes).</summary>
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b) => Zip(a, b, "⊙", TensorPrimitives.Multiply);

    private delegate void Binary(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

    private static Tensor<T> Zip(Tensor<T> a, Tensor<T> b, string op, Binary f)
    {
        if (!a.SameShape(b))
            throw new ShapeException($"Tensor: {Format(a.Shape)} {op} {Format(b.Shape)}: the shapes differ.");
        var y = new Tensor<T>(a.Shape);
        f(a.Data, b.Data, y.Data);
        return y;
    }

    private static string Format(int[] shape) => Tensor.Format(shape);
}
