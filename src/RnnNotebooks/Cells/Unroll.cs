using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Cells;

/// <summary>
/// The loop over time for any cell, as min-char-rnn writes it: forward over the steps keeping
/// every step's record, then back through time carrying ∂L/∂h (and ∂L/∂c) from each step to the
/// one before and summing the weight gradients. A sequence is a list of steps xₜ [B, I]. This is
/// the reference the fused layers (<c>Nn/Fused</c>) are held to; it is written to be read, not to be fast.
/// </summary>
public static class Unroll
{
    /// <summary>Runs xs[0], …, xs[T−1] from h₀ [B, H] (and c₀ for the LSTM); steps[t].Hidden is the state after t + 1 steps.</summary>
    public static CellStep<T>[] Forward<T>(Cell<T> cell, IReadOnlyList<Tensor<T>> xs, Tensor<T> h0, Tensor<T>? c0 = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var steps = new CellStep<T>[xs.Count];
        var (h, c) = (h0, c0);                                                   // the state so far             [B, H]
        for (int t = 0; t < xs.Count; t++)
        {
            steps[t] = cell.Forward(xs[t], h, c);                                // xₜ [B, I] and the state → the next state
            (h, c) = (steps[t].Hidden, steps[t].Cell);
        }
        return steps;
    }

    /// <summary>
    /// Back through the steps <see cref="Forward"/> returned. <paramref name="dys"/>[t] [B, H] is the
    /// gradient reaching step t's output from outside the recurrence (its loss, or the layer above;
    /// null for none); <paramref name="dhT"/> and <paramref name="dcT"/> reach the final state (null: zeros).
    /// </summary>
    public static UnrollGradient<T> Backward<T>(Cell<T> cell, IReadOnlyList<CellStep<T>> steps,
        IReadOnlyList<Tensor<T>?>? dys = null, Tensor<T>? dhT = null, Tensor<T>? dcT = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = steps.Count;
        if (n == 0) throw new ArgumentException("Unroll.Backward: no steps to go back through.", nameof(steps));
        if (dys is not null && dys.Count != n)
            throw new ArgumentException($"Unroll.Backward: {n} steps but {dys.Count} output gradients.", nameof(dys));
        var dWih = new Tensor<T>(cell.WeightIh.Shape);                          // Σₜ ∂L/∂Wᵢₕ                   [G·H, I]
        var dWhh = new Tensor<T>(cell.WeightHh.Shape);                          // Σₜ ∂L/∂Wₕₕ                   [G·H, H]
        var dbih = cell.BiasIh is null ? null : new Tensor<T>(cell.BiasIh.Shape);
        var dbhh = cell.BiasHh is null ? null : new Tensor<T>(cell.BiasHh.Shape);
        var dxs = new Tensor<T>[n];                                             // ∂L/∂xₜ                       [B, I]
        var dhs = new Tensor<T>[n + 1];                                         // ∂L/∂(state after t steps)    [B, H]
        var dcs = cell.HasCellState ? new Tensor<T>[n + 1] : null;
        var dh = dhT ?? new Tensor<T>(steps[n - 1].Hidden.Shape);               // carried back from step t + 1
        var dc = dcT ?? (cell.HasCellState ? new Tensor<T>(dh.Shape) : null);
        dhs[n] = dh; if (dcs is not null) dcs[n] = dc!;
        for (int t = n - 1; t >= 0; t--)
        {
            var dy = dys?[t];
            var g = cell.Backward(steps[t], dy is null ? dh : dh + dy, dc);      // all that reaches this step's output
            dxs[t] = g.Input;
            dWih += g.WeightIh; dWhh += g.WeightHh;
            if (dbih is not null) dbih += g.BiasIh!;
            if (dbhh is not null) dbhh += g.BiasHh!;
            (dh, dc) = (g.HiddenPrev, g.CellPrev);                              // into the step before
            dhs[t] = dh; if (dcs is not null) dcs[t] = dc!;
        }
        return new UnrollGradient<T>(dxs, dhs, dcs, dWih, dWhh, dbih, dbhh);
    }
}
