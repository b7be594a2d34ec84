using System.Numerics;
using RnnNotebooks.Cells;
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
