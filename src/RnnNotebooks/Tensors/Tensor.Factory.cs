using System.Numerics;

namespace RnnNotebooks.Tensors;

/// <summary>Factory helpers for <see cref="Tensor{T}"/>.</summary>
public static partial class Tensor
{
    /// <summary>Formats a shape as "[2, 3, 4]".</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>A zero tensor.</summary>
    public static Tensor<T> Zeros<T>(params int[] shape) where T : unmanaged, IFloatingPointIeee754<T> => new(shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor<T> Full<T>(T value, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(shape);
        t.Data.AsSpan().Fill(value);
        return t;
    }

    /// <summary>A copy of a 1-D array as a tensor of shape [n].</summary>
    public static Tensor<T> FromArray<T>(T[] values) where T : unmanaged, IFloatingPointIeee754<T>
        => new((T[])values.Clone(), values.Length);

    /// <summary>A copy of a 2-D array.</summary>
    public static Tensor<T> FromArray<T>(T[,] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(values.GetLength(0), values.GetLength(1));
        int k = 0;
        foreach (var v in values) t.Data[k++] = v;
        return t;
    }

    /// <summary>A copy of a 3-D array.</summary>
    public static Tensor<T> FromArray<T>(T[,,] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(values.GetLength(0), values.GetLength(1), values.GetLength(2));
        int k = 0;
        foreach (var v in values) t.Data[k++] = v;
        return t;
    }

    /// <summary>Integer token ids [batch, steps] as a tensor of <typeparamref name="T"/> (input of an Embedding).</summary>
    public static Tensor<T> FromIndices<T>(int[,] ids) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(ids.GetLength(0), ids.GetLength(1));
        int k = 0;
        foreach (var v in ids) t.Data[k++] = T.CreateChecked(v);
        return t;
    }

    /// <summary>Integer labels [n] as a tensor of <typeparamref name="T"/>.</summary>
    public static Tensor<T> FromIndices<T>(int[] ids) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(ids.Length);
        for (int i = 0; i < ids.Length; i++) t.Data[i] = T.CreateChecked(ids[i]);
        return t;
    }

    /// <summary>A tensor of uniform samples in [lo, hi), for finite bounds with lo ≤ hi.</summary>
    public static Tensor<T> Uniform<T>(Rng rng, double lo, double hi, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Rng.CheckRange("Tensor.Uniform", lo, hi);
        var t = new Tensor<T>(shape);
        for (int i = 0; i < t.Length; i++) t.Data[i] = T.CreateChecked(rng.Uniform(lo, hi));
        return t;
    }

    /// <summary>A tensor of normal samples with the given finite mean and standard deviation ≥ 0 (0: every element is the mean);
    /// a huge finite std is taken as given.</summary>
    public static Tensor<T> Normal<T>(Rng rng, double mean, double std, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, $"Tensor.Normal: mean must be finite, got {mean}.");
        if (!(std >= 0 && double.IsFinite(std))) throw new ArgumentOutOfRangeException(nameof(std), std, $"Tensor.Normal: std must be 0 or more and finite, got {std}.");
        var t = new Tensor<T>(shape);
        for (int i = 0; i < t.Length; i++) t.Data[i] = T.CreateChecked(mean + std * rng.Normal());
        return t;
    }
}
