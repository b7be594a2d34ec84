using System.Globalization;
using System.Numerics;
using System.Text;

namespace RnnNotebooks.Tensors;

/// <summary>
/// A dense, row-major array of <typeparamref name="T"/> with a shape. The data lives in one
/// flat <see cref="Data"/> array so kernels can work on spans; <see cref="Reshape"/> shares it.
/// Sequence batches use the batch-first layout <c>[batch, steps, features]</c>.
/// </summary>
public sealed partial class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The elements in row-major order.</summary>
    public T[] Data { get; }

    /// <summary>The size of each dimension.</summary>
    public int[] Shape { get; }

    /// <summary>Number of elements (the product of the shape).</summary>
    public int Length => Data.Length;

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>Creates a zero tensor of the given shape.</summary>
    public Tensor(params int[] shape) : this(new T[CheckedVolume(shape)], shape) { }

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape.</summary>
    public Tensor(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        long volume = CheckedVolume(shape);
        if (volume != data.Length)
            throw new ShapeException($"Tensor: shape {Format(shape)} holds {volume} elements but the data has {data.Length}.");
        Data = data;
        Shape = (int[])shape.Clone();
    }

    /// <summary>Size of dimension <paramref name="axis"/> (negative counts from the end: −1 is the last axis).</summary>
    public int Dim(int axis)
    {
        int a = axis < 0 ? Shape.Length + axis : axis;
        if ((uint)a >= (uint)Shape.Length)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Tensor{Format(Shape)}: axis {axis} is not in [{-Shape.Length}, {Shape.Length}).");
        return Shape[a];
    }

    /// <summary>The elements as a span.</summary>
    public Span<T> AsSpan() => Data;

    /// <summary>Element access by full index; checks bounds on every axis.</summary>
    public T this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    /// <summary>A tensor with the same data viewed with another shape (one axis may be -1).</summary>
    public Tensor<T> Reshape(params int[] shape)
    {
        var s = (int[])shape.Clone();
        int infer = Array.IndexOf(s, -1);
        if (infer >= 0)
        {
            long rest = 1;
            for (int i = 0; i < s.Length; i++) if (i != infer) rest *= s[i];
            if (rest == 0 || Length % rest != 0)
                throw new ShapeException($"Reshape: cannot view {Format(Shape)} as {Format(shape)}.");
            s[infer] = (int)(Length / rest);
        }
        if (CheckedVolume(s) != Length)
            throw new ShapeException($"Reshape: cannot view {Format(Shape)} ({Length} elements) as {Format(shape)}.");
        return new Tensor<T>(Data, s);
    }

    /// <summary>A deep copy.</summary>
    public Tensor<T> Clone() => new((T[])Data.Clone(), Shape);

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Array.Clear(Data);

    /// <summary>Copies the elements of <paramref name="source"/>, which must have the same shape.</summary>
    public void CopyFrom(Tensor<T> source)
    {
        if (!SameShape(source)) throw new ShapeException($"CopyFrom: expected shape {Format(Shape)}, got {Format(source.Shape)}.");
        source.Data.CopyTo(Data, 0);
    }

    /// <summary>True when <paramref name="other"/> has exactly this shape.</summary>
    public bool SameShape(Tensor<T> other) => Shape.AsSpan().SequenceEqual(other.Shape);

    /// <summary>Converts every element to <typeparamref name="TOut"/>.</summary>
    public Tensor<TOut> Cast<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut>
    {
        var d = new TOut[Length];
        for (int i = 0; i < d.Length; i++) d[i] = TOut.CreateChecked(Data[i]);
        return new Tensor<TOut>(d, Shape);
    }

    /// <summary>The elements as doubles (a copy).</summary>
    public double[] ToDoubleArray()
    {
        var d = new double[Length];
        for (int i = 0; i < d.Length; i++) d[i] = double.CreateChecked(Data[i]);
        return d;
    }

    /// <summary>Index of the first NaN or infinite element, or -1.</summary>
    public int IndexOfNonFinite()
    {
        if (System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<T>(Data)) return -1;   // vectorised; the loop finds where
        for (int i = 0; i < Data.Length; i++) if (!T.IsFinite(Data[i])) return i;
        return -1;
    }

    /// <summary>The multi-dimensional index of flat position <paramref name="flat"/> in [0, Length), e.g. "[1, 3, 0]".</summary>
    public string FormatIndex(int flat)
    {
        if ((uint)flat >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(flat), flat, $"Tensor{Format(Shape)}: flat index {flat} is not in [0, {Length}).");
        var idx = new int[Rank];
        for (int a = Rank - 1; a >= 0; a--) { idx[a] = flat % Shape[a]; flat /= Shape[a]; }
        return "[" + string.Join(", ", idx) + "]";
    }

    /// <summary>Shape and the first few values, e.g. <c>Tensor&lt;float&gt;[2, 3] {0.1, 0.2, ...}</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("Tensor<").Append(typeof(T).Name).Append('>').Append(Format(Shape)).Append(" {");
        int n = Math.Min(Length, 8);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(double.CreateChecked(Data[i]).ToString("G5", CultureInfo.InvariantCulture));
        }
        if (Length > n) sb.Append(", ...");
        return sb.Append('}').ToString();
    }

    private static string Format(ReadOnlySpan<int> shape) => Tensor.Format(shape);

    private int Offset(int[] index)
    {
        if (index.Length != Rank)
            throw new ShapeException($"Tensor{Format(Shape)}: index has {index.Length} components, expected {Rank}.");
        int off = 0;
        for (int a = 0; a < Rank; a++)
        {
            if ((uint)index[a] >= (uint)Shape[a])
                throw new IndexOutOfRangeException($"Tensor{Format(Shape)}: index {index[a]} out of range on axis {a}.");
            off = off * Shape[a] + index[a];
        }
        return off;
    }

    private static int CheckedVolume(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long v = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ShapeException($"Tensor: negative dimension in shape {Format(shape)}.");
            v *= d;
            if (v > Array.MaxLength) throw new ShapeException($"Tensor: shape {Format(shape)} is too large.");
        }
        return (int)v;
    }
}
