using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>Parameter initialisers used by the layers' PyTorch and Keras schemes.</summary>
public static class Init
{
    /// <summary>Fills with U(−bound, bound); the bound is 0 or more and finite in <typeparamref name="T"/> (0 fills with zeros).</summary>
    public static void Uniform<T>(Tensor<T> t, Rng rng, double bound) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckScale<T>("Init.Uniform", nameof(bound), bound);
        for (int i = 0; i < t.Length; i++) t.Data[i] = T.CreateChecked(rng.Uniform(-bound, bound));
    }

    /// <summary>Fills with N(0, std²); std is 0 or more and finite in <typeparamref name="T"/> (0 fills with zeros).</summary>
    public static void Normal<T>(Tensor<T> t, Rng rng, double std = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckScale<T>("Init.Normal", nameof(std), std);
        for (int i = 0; i < t.Length; i++) t.Data[i] = T.CreateChecked(std * rng.Normal());
    }

    /// <summary>Glorot (Xavier) uniform: U(±√(6 / (fanIn + fanOut))), for fans of at least 1 (a huge fanIn or fanOut gives a bound near 0).</summary>
    public static void GlorotUniform<T>(Tensor<T> t, Rng rng, int fanIn, int fanOut) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (fanIn < 1) throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, $"Init.GlorotUniform: fanIn must be at least 1, got {fanIn}.");
        if (fanOut < 1) throw new ArgumentOutOfRangeException(nameof(fanOut), fanOut, $"Init.GlorotUniform: fanOut must be at least 1, got {fanOut}.");
        Uniform(t, rng, Math.Sqrt(6.0 / ((double)fanIn + fanOut)));
    }

    private static void CheckScale<T>(string who, string name, double value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(value >= 0) || !T.IsFinite(T.CreateTruncating(value)) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{who}: {name} must be 0 or more and finite as a {typeof(T).Name}, got {value}.");
    }

    /// <summary>
    /// Orthogonal initialiser for a matrix t[rows×cols] (Keras's <c>orthogonal</c> with gain 1):
    /// QR of a Gaussian matrix, signs fixed by R's diagonal, so the columns (rows, when
    /// rows &lt; cols) are orthonormal.
    /// </summary>
    public static void Orthogonal<T>(Tensor<T> t, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (t.Rank != 2) throw new ShapeException($"Orthogonal: expected a matrix, got shape {Tensor.Format(t.Shape)}.");
        int rows = t.Shape[0], cols = t.Shape[1];
        bool tall = rows >= cols;
        int n = tall ? rows : cols, k = tall ? cols : rows;   // work on a tall n×k matrix
        var q = new double[n, k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) q[i, j] = rng.Normal();
        // Modified Gram–Schmidt: Q has orthonormal columns, R[j,j] = norm before normalising.
        for (int j = 0; j < k; j++)
        {
            for (int p = 0; p < j; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += q[i, p] * q[i, j];
                for (int i = 0; i < n; i++) q[i, j] -= dot * q[i, p];
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += q[i, j] * q[i, j];
            norm = Math.Sqrt(norm);
            // R's diagonal is positive here, so Q·sign(diag R) = Q.
            for (int i = 0; i < n; i++) q[i, j] /= norm;
        }
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                t[r, c] = T.CreateChecked(tall ? q[r, c] : q[c, r]);
    }
}
