using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>
/// Gradient-flow measurements for recurrent layers: how large ∂L/∂hₜ is as a function of the
/// distance T − t from the step where the loss is taken (vanishing and exploding gradients).
/// The measurements run the layers' cells (namespace <c>RnnNotebooks.Cells</c>), the one-step reference code.
/// </summary>
public static class GradientFlow
{
    /// <summary>
    /// Back-propagates a loss on the final state h_T to every earlier state hₜ and returns the norms.
    /// The layer's cells (<see cref="RNNBase{T}.Cell"/>) run the sequence one step at a time and
    /// then back, so ∂L/∂hₜ = ∂L/∂hₜ₊₁ · ∂hₜ₊₁/∂hₜ is read off between steps: exactly the chain
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
        int batch = input.Shape[0], steps = input.Shape[1], features = input.Shape[2], hidden = layer.HiddenSize;
        int rows = layer.NumLayers, bh = batch * hidden;
        if (finalGradient is not null && (finalGradient.Rank != 2 || finalGradient.Shape[0] != batch || finalGradient.Shape[1] != hidden))
            throw new ShapeException($"GradientFlow: expected final gradient [{batch}, {hidden}], got {Tensor.Format(finalGradient.Shape)}.");
        var init = initialState ?? layer.ZeroState(batch);
        if (init.H.Length != rows * bh || (layer.HasCellState && init.C?.Length != rows * bh))
            throw new ShapeException($"GradientFlow: expected an initial state [{rows}, {batch}, {hidden}], got {Tensor.Format(init.H.Shape)}.");

        // Forward, one step and one layer at a time, keeping every step's record.
        var cells = Enumerable.Range(0, rows).Select(l => layer.Cell(l)).ToArray();
        var h = Enumerable.Range(0, rows).Select(l => Slice(init.H, l, batch, hidden)).ToArray();
        var c = Enumerable.Range(0, rows).Select(l => init.C is null ? null : Slice(init.C, l, batch, hidden)).ToArray();
        var records = new object[steps, rows];
        for (int t = 0; t < steps; t++)
        {
            var x = new Tensor<T>(batch, features);
            for (int b = 0; b < batch; b++)
                input.Data.AsSpan((b * steps + t) * features, features).CopyTo(x.Data.AsSpan(b * features, features));
            for (int l = 0; l < rows; l++)
            {
                (records[t, l], h[l], c[l]) = cells[l] switch
                {
                    LstmCell<T> cell => cell.Forward(x, h[l], c[l]!) is var s ? (s, s.Hidden, s.Cell) : default,
                    GruCell<T> cell => cell.Forward(x, h[l]) is var s ? ((object)s, s.Hidden, (Tensor<T>?)null) : default,
                    RnnCell<T> cell => cell.Forward(x, h[l]) is var s ? ((object)s, s.Hidden, (Tensor<T>?)null) : default,
                    _ => throw new NotSupportedException(layer.GetType().Name),
                };
                x = h[l];
            }
        }

        // ∂L/∂h_T: the given gradient on the top layer, zeros below; no gradient into c_T.
        var dh = Enumerable.Range(0, rows).Select(_ => new Tensor<T>(batch, hidden)).ToArray();
        var dc = Enumerable.Range(0, rows).Select(_ => layer.HasCellState ? new Tensor<T>(batch, hidden) : null).ToArray();
        if (finalGradient is null) dh[rows - 1].Data.AsSpan().Fill(T.One); else finalGradient.Data.AsSpan().CopyTo(dh[rows - 1].Data);

        var hNorms = new double[steps + 1];
        var cNorms = layer.HasCellState ? new double[steps + 1] : null;
        var grads = new Tensor<double>[steps + 1];
        Record(steps);
        for (int t = steps - 1; t >= 0; t--)
        {
            // Top layer first: its ∂L/∂input joins the ∂L/∂hₜ₊₁ of the layer below.
            Tensor<T>? fromAbove = null;
            for (int l = rows - 1; l >= 0; l--)
            {
                var dOut = fromAbove is null ? dh[l] : dh[l] + fromAbove;
                var g = cells[l] switch
                {
                    LstmCell<T> cell => cell.Backward((LstmStep<T>)records[t, l], dOut, dc[l]!),
                    GruCell<T> cell => cell.Backward((GruStep<T>)records[t, l], dOut),
                    RnnCell<T> cell => cell.Backward((RnnStep<T>)records[t, l], dOut),
                    _ => throw new NotSupportedException(layer.GetType().Name),
                };
                (dh[l], dc[l], fromAbove) = (g.HiddenPrev, g.CellPrev, g.Input);
            }
            Record(t);
        }
        return new GradientFlowResult(steps, hNorms, cNorms, grads);

        void Record(int t)
        {
            var all = new Tensor<double>(rows, batch, hidden);
            for (int l = 0; l < rows; l++) dh[l].Cast<double>().Data.CopyTo(all.Data, l * bh);
            grads[t] = all;
            hNorms[t] = MeanNorm(dh, batch, hidden);
            if (cNorms is not null) cNorms[t] = MeanNorm(dc!, batch, hidden);
        }
    }

    private static Tensor<T> Slice<T>(Tensor<T> state, int layer, int batch, int hidden) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(state.Data.AsSpan(layer * batch * hidden, batch * hidden).ToArray(), batch, hidden);

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
