using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data;

/// <summary>
/// The adding problem (Hochreiter &amp; Schmidhuber 1997; Le, Jaitly &amp; Hinton 2015), a long-range
/// memory task. Each step has two features: a value drawn from U(0, 1) and a marker, 1 at exactly
/// two steps and 0 elsewhere. The target is the sum of the two marked values. One marker lies in
/// the first half of the sequence and the other in the second half, so the model must carry a
/// value across up to <c>length</c> steps. Predicting the constant 1 (the mean of the target)
/// gives an MSE of Var(U₁ + U₂) = 1/6 ≈ 0.167: the baseline to beat.
/// </summary>
public static class AddingProblem
{
    /// <summary>Generates <paramref name="count"/> sequences of <paramref name="length"/> steps.</summary>
    /// <returns>X [count, length, 2] (value, marker) and Y [count, 1] (sum of the two marked values).</returns>
    public static (Tensor<T> X, Tensor<T> Y) Generate<T>(int count, int length, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "AddingProblem: count must be at least 1.");
        if (length < 2) throw new ArgumentOutOfRangeException(nameof(length), length, "AddingProblem: length must be at least 2.");
        ArgumentNullException.ThrowIfNull(rng);
        if (2L * count * length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(count >= length ? nameof(count) : nameof(length), count >= length ? count : length,
                $"AddingProblem: count = {count} sequences of length = {length} make {2L * count * length:N0} values; a tensor holds at most {Array.MaxLength:N0}.");
        var x = new Tensor<T>(count, length, 2);
        var y = new Tensor<T>(count, 1);
        int half = length / 2;
        for (int n = 0; n < count; n++)
        {
            int first = rng.NextInt(half), second = half + rng.NextInt(length - half);
            double sum = 0;
            for (int t = 0; t < length; t++)
            {
                double v = rng.NextDouble();
                int o = (n * length + t) * 2;
                x.Data[o] = T.CreateChecked(v);
                if (t == first || t == second)
                {
                    x.Data[o + 1] = T.One;
                    sum += v;
                }
            }
            y.Data[n] = T.CreateChecked(sum);
        }
        return (x, y);
    }

    /// <summary>Positions of the two markers of example <paramref name="n"/> (0 is the first example).</summary>
    public static (int First, int Second) Markers<T>(Tensor<T> x, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 3 || x.Shape[2] != 2) throw new ShapeException($"AddingProblem: expected X of shape [count, length, 2], got {Tensor.Format(x.Shape)}.");
        if ((uint)n >= (uint)x.Shape[0]) throw new ArgumentOutOfRangeException(nameof(n), n, $"AddingProblem: example n = {n} is not in [0, {x.Shape[0]}).");
        int length = x.Shape[1], first = -1;
        for (int t = 0; t < length; t++)
            if (x.Data[(n * length + t) * 2 + 1] != T.Zero)
            {
                if (first < 0) first = t; else return (first, t);
            }
        throw new ArgumentException($"AddingProblem: example {n} does not have two markers.");
    }
}
