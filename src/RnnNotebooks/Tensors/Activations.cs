using System.Numerics;
using System.Numerics.Tensors;

namespace RnnNotebooks.Tensors;

/// <summary>Element-wise activation functions and their derivatives expressed through the output.</summary>
public static class Activations
{
    /// <summary>σ(x) = 1 / (1 + e^(−x)), computed without overflow for large |x|.</summary>
    public static T Sigmoid<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x >= T.Zero) return T.One / (T.One + T.Exp(-x));
        T e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>x = σ(x) in place, vectorised.</summary>
    public static void Sigmoid<T>(Span<T> x) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sigmoid<T>(x, x);

    /// <summary>x = tanh(x) in place, vectorised.</summary>
    public static void Tanh<T>(Span<T> x) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Tanh<T>(x, x);

    /// <summary>y = tanh(x), vectorised.</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Tanh<T>(x, y);

    /// <summary>y = max(0, x) in place.</summary>
    public static void Relu<T>(Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Length; i++) if (!(x[i] > T.Zero)) x[i] = T.Zero;
    }

    /// <summary>Row-wise softmax of x[rows×n] in place, shifted by the row maximum for stability.</summary>
    public static void Softmax<T>(Span<T> x, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 1 || x.Length % n != 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Softmax: n (the row length) must be at least 1 and divide the {x.Length} values, got {n}.");
        for (int r = 0; r < x.Length / n; r++)
        {
            var row = x.Slice(r * n, n);
            T max = row[0];
            for (int j = 1; j < n; j++) if (row[j] > max) max = row[j];
            T sum = T.Zero;
            for (int j = 0; j < n; j++) { row[j] = T.Exp(row[j] - max); sum += row[j]; }
            for (int j = 0; j < n; j++) row[j] /= sum;
        }
    }
}
