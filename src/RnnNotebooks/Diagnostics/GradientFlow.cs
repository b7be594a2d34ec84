using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>
/// Gradient-flow measurements for recurrent layers: how large ∂L/∂hₜ is as a function of the
/// distance T − t from the step where the loss is taken (vanishing and exploding gradients).
/// The measurements run the layers' cells unrolled (<see cref="LayerUnroll"/>, <see cref="Cells.Unroll"/>), the step-by-step reference code.
/// </summary>
public static class GradientFlow
{
    /// <summary>
    /// Back-propagates a loss on the final state h_T to every earlier state hₜ and returns the norms.
    /// The layer's cells (<see cref="RNNBase{T}.Cell"/>) run the sequence one step at a time and
    /// then back (<see cref="LayerUnroll"/>), so ∂L/∂hₜ = ∂L/∂hₜ₊₁ · ∂hₜ₊₁/∂hₜ is read off between steps: exactly the chain
    /// full BPTT computes (no truncation). The layer's parameter gradients are not touched.
    /// </summary>
    /// <param name="layer">A unidirectional recurrent layer (any number of stacked layers).</param>
    /// <param name="input">[batch, steps, features].</param>
    /// <param name="finalGradient">∂L/∂h_T of the top layer, [batch, hidden]; null means ones (L = Σ h_T).
    /// For an LSTM no gradient enters through c_T.</param>
    /// <param name="initialState">h₀ (and c₀); null means zeros.</param>
    public static GradientFlowResult HiddenGradientNorms<T>(RNNBase<T> layer, Tensor<T> input,
        Tensor<T>? finalGradient = null, RecurrentState<T>? initialState = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        if (layer.Bidirectional)
            throw new ArgumentException($"GradientFlow: layer '{layer.Name}' is bidirectional; the distance T − t is only defined for one direction.", nameof(layer));
        if (input.Rank != 3 || input.Shape[2] != layer.InputSize)
            throw new ShapeException($"GradientFlow: expected input [batch, steps, {layer.InputSize}], got {Tensor.Format(input.Shape)}.");
        int batch = input.Shape[0], steps = input.Shape[1], hidden = layer.HiddenSize;
        int rows = layer.NumLayers, bh = batch * hidden;
        if (finalGradient is not null && (finalGradient.Rank != 2 || finalGradient.Shape[0] != batch || finalGradient.Shape[1] != hidden))
            throw new ShapeException($"GradientFlow: expected final gradient [{batch}, {hidden}], got {Tensor.Format(finalGradient.Shape)}.");
        var init = initialState ?? layer.ZeroState(batch);
        if (init.H.Length != rows * bh || (layer.HasCellState && init.C?.Length != rows * bh))
            throw new ShapeException($"GradientFlow: expected an initial state [{rows}, {batch}, {hidden}], got {Tensor.Format(init.H.Shape)}.");

        // ∂L/∂h_T: the given gradient on the top layer, zeros below; no gradient into c_T.
        var dhT = new Tensor<T>(rows, batch, hidden);
        var top = dhT.Data.AsSpan((rows - 1) * bh, bh);
        if (finalGradient is null) top.Fill(T.One); else finalGradient.Data.AsSpan().CopyTo(top);

        // The cells unrolled forward and back (Cells/Unroll.cs); read off ∂L/∂hₜ (and ∂L/∂cₜ) at every t.
        var run = LayerUnroll.Run(layer, input, init, outputGradient: null, new RecurrentState<T>(dhT));
        var hNorms = new double[steps + 1];
        var cNorms = layer.HasCellState ? new double[steps + 1] : null;
        var grads = new Tensor<double>[steps + 1];
        for (int t = steps; t >= 0; t--)
        {
            var dh = run.Directions.Select(g => g.Hidden[t]).ToArray();     // per layer [batch, hidden]
            var all = new Tensor<double>(rows, batch, hidden);
            for (int l = 0; l < rows; l++) dh[l].Cast<double>().Data.CopyTo(all.Data, l * bh);
            grads[t] = all;
            hNorms[t] = MeanNorm(dh, batch, hidden);
            if (cNorms is not null) cNorms[t] = MeanNorm(run.Directions.Select(g => g.Cell![t]).ToArray(), batch, hidden);
        }
        return new GradientFlowResult(steps, hNorms, cNorms, grads);
    }

    // Mean over examples b of sqrt(Σ_layers Σ_j s[l][b, j]²).
    private static double MeanNorm<T>(Tensor<T>?[] s, int batch, int hidden) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double sq = 0;
            foreach (var layer in s)
                foreach (var v in layer!.Data.AsSpan(b * hidden, hidden))
                {
                    double d = double.CreateTruncating(v);
                    sq += d * d;
                }
            total += Math.Sqrt(sq);
        }
        return total / batch;
    }

    /// <summary>The most power-iteration steps <see cref="SpectralRadius"/> takes; a few thousand already converge.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>
    /// The spectral radius max |λᵢ| of a square matrix, estimated by power iteration with
    /// Gelfand's formula ρ = lim ‖Wᵏv‖^{1/k}: the vector is renormalised at every step and the
    /// log-growth factors of the second half of the iterations are averaged, which also
    /// converges when the largest eigenvalues are a complex pair (e.g. a scaled rotation).
    /// </summary>
    /// <param name="matrix">A square matrix [n, n].</param>
    /// <param name="iterations">Power-iteration steps (the first half is burn-in), 2 to <see cref="MaxIterations"/>.</param>
    /// <param name="seed">Seed of the random start vector (any value, 0 included, is a seed).</param>
    public static double SpectralRadius<T>(Tensor<T> matrix, int iterations = 2000, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rank != 2 || matrix.Shape[0] != matrix.Shape[1])
            throw new ShapeException($"SpectralRadius: expected a square matrix, got {Tensor.Format(matrix.Shape)}.");
        if (iterations < 2 || iterations > MaxIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"SpectralRadius: iterations must be in [2, {MaxIterations:N0}], got {iterations}.");
        int n = matrix.Shape[0];
        var w = matrix.ToDoubleArray();
        var rng = new Rng(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.Normal();
        Normalize(v);
        var next = new double[n];
        double logSum = 0;
        int counted = 0;
        for (int k = 0; k < iterations; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += w[i * n + j] * v[j];
                next[i] = s;
            }
            double norm = Normalize(next);
            if (norm == 0) return 0;                      // v fell into the null space (nilpotent part)
            if (k >= iterations / 2) { logSum += Math.Log(norm); counted++; }
            (v, next) = (next, v);
        }
        return Math.Exp(logSum / counted);
    }

    private static double Normalize(double[] v)
    {
        double sq = 0;
        foreach (var x in v) sq += x * x;
        double norm = Math.Sqrt(sq);
        if (norm > 0) for (int i = 0; i < v.Length; i++) v[i] /= norm;
        return norm;
    }
}
