using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>
/// ‖∂L/∂hₜ‖ for every step t of one sequence batch, where L depends only on the final state h_T.
/// Index t runs 0..T: <see cref="HiddenNorms"/>[0] is the initial state h₀, [T] the final state.
/// </summary>
/// <param name="Steps">T, the number of steps of the input.</param>
/// <param name="HiddenNorms">Mean over the batch of ‖∂L/∂hₜ‖ (all layers of the state together), t = 0..T.</param>
/// <param name="CellNorms">For an LSTM, the mean over the batch of ‖∂L/∂cₜ‖, t = 0..T; null otherwise.</param>
/// <param name="HiddenGradients">∂L/∂hₜ itself, t = 0..T, each [layers, batch, hidden].</param>
public sealed record GradientFlowResult(int Steps, double[] HiddenNorms, double[]? CellNorms, IReadOnlyList<Tensor<double>> HiddenGradients)
{
    /// <summary>Distances T − t, in the same order as <see cref="HiddenNorms"/> (T, T−1, …, 0).</summary>
    public int[] Distances => Enumerable.Range(0, Steps + 1).Select(t => Steps - t).ToArray();

    /// <summary>‖∂L/∂h_{T−k}‖ for k = 0..T: the norms ordered by distance from the loss.</summary>
    public double[] HiddenNormsByDistance => Enumerable.Reverse(HiddenNorms).ToArray();

    /// <summary>‖∂L/∂c_{T−k}‖ for k = 0..T (LSTM), or null.</summary>
    public double[]? CellNormsByDistance => CellNorms is null ? null : Enumerable.Reverse(CellNorms).ToArray();
}

/// <summary>
/// Gradient-flow measurements for recurrent layers: how large ∂L/∂hₜ is as a function of the
/// distance T − t from the step where the loss is taken (vanishing and exploding gradients).
/// Everything here uses only the layers' public API.
/// </summary>
public static class GradientFlow
{
    /// <summary>
    /// Back-propagates a loss on the final state h_T to every earlier state hₜ and returns the norms.
    /// The layer is run one step at a time from the stored state hₜ (its public
    /// <c>forward(x, initialState)</c>), and <c>backward(0, ∂L/∂hₜ₊₁)</c> gives
    /// ∂L/∂hₜ in <see cref="RNNBase{T}.InitialStateGradient"/>: exactly the chain
    /// ∂L/∂hₜ = ∂L/∂hₜ₊₁ · ∂hₜ₊₁/∂hₜ that full BPTT computes (no truncation). Parameter
    /// gradients are left as they were.
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
        int batch = input.Shape[0], steps = input.Shape[1], features = input.Shape[2], hidden = layer.HiddenSize;
        int rows = layer.NumLayers;
        if (finalGradient is not null && (finalGradient.Rank != 2 || finalGradient.Shape[0] != batch || finalGradient.Shape[1] != hidden))
            throw new ShapeException($"GradientFlow: expected final gradient [{batch}, {hidden}], got {Tensor.Format(finalGradient.Shape)}.");

        // Keep the caller's parameter gradients: Backward accumulates into them.
        var saved = layer.parameters().Select(p => p.Grad.Clone()).ToArray();
        try
        {
            // Forward, one step at a time, storing every state h₀..h_T.
            var states = new RecurrentState<T>[steps + 1];
            states[0] = initialState?.Detach() ?? layer.ZeroState(batch);
            var steps1 = new Tensor<T>[steps];
            for (int t = 0; t < steps; t++)
            {
                var xt = new Tensor<T>(batch, 1, features);
                for (int b = 0; b < batch; b++)
                    input.Data.AsSpan((b * steps + t) * features, features).CopyTo(xt.Data.AsSpan(b * features, features));
                steps1[t] = xt;
                states[t + 1] = layer.forward(xt, states[t]).FinalState.Detach();
            }

            // ∂L/∂h_T: the given gradient on the top layer, zeros below; no gradient into c_T.
            var g = layer.ZeroState(batch);
            var top = g.H.Data.AsSpan((rows - 1) * batch * hidden, batch * hidden);
            if (finalGradient is null) top.Fill(T.One); else finalGradient.Data.AsSpan().CopyTo(top);

            var hNorms = new double[steps + 1];
            var cNorms = layer.HasCellState ? new double[steps + 1] : null;
            var grads = new Tensor<double>[steps + 1];
            Record(steps, g);
            var zeroOut = new Tensor<T>(layer.OutputShape([batch, 1, features]));
            for (int t = steps - 1; t >= 0; t--)
            {
                layer.forward(steps1[t], states[t]);
                layer.backward(zeroOut, g);
                g = layer.InitialStateGradient!.Detach();
                Record(t, g);
            }
            return new GradientFlowResult(steps, hNorms, cNorms, grads);

            void Record(int t, RecurrentState<T> s)
            {
                grads[t] = s.H.Cast<double>();
                hNorms[t] = MeanNorm(s.H, batch, hidden, rows);
                if (cNorms is not null) cNorms[t] = MeanNorm(s.C!, batch, hidden, rows);
            }
        }
        finally
        {
            for (int i = 0; i < saved.Length; i++) layer.parameters()[i].Grad.CopyFrom(saved[i]);
        }
    }

    // Mean over examples b of sqrt(Σ_layers Σ_j s[l, b, j]²).
    private static double MeanNorm<T>(Tensor<T> s, int batch, int hidden, int rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double sq = 0;
            for (int l = 0; l < rows; l++)
                foreach (var v in s.Data.AsSpan((l * batch + b) * hidden, hidden))
                {
                    double d = double.CreateTruncating(v);
                    sq += d * d;
                }
            total += Math.Sqrt(sq);
        }
        return total / batch;
    }

    /// <summary>
    /// The spectral radius max |λᵢ| of a square matrix, estimated by power iteration with
    /// Gelfand's formula ρ = lim ‖Wᵏv‖^{1/k}: the vector is renormalised at every step and the
    /// log-growth factors of the second half of the iterations are averaged, which also
    /// converges when the largest eigenvalues are a complex pair (e.g. a scaled rotation).
    /// </summary>
    /// <param name="matrix">A square matrix [n, n].</param>
    /// <param name="iterations">Power-iteration steps (the first half is burn-in).</param>
    /// <param name="seed">Seed of the random start vector.</param>
    public static double SpectralRadius<T>(Tensor<T> matrix, int iterations = 2000, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rank != 2 || matrix.Shape[0] != matrix.Shape[1])
            throw new ShapeException($"SpectralRadius: expected a square matrix, got {Tensor.Format(matrix.Shape)}.");
        if (iterations < 2) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "SpectralRadius: need at least 2 iterations.");
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
