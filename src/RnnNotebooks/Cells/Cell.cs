using System.Numerics;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Cells;

/// <summary>
/// What the three cells share: PyTorch's weights for one layer and direction
/// (Wᵢₕ [G·H, I], Wₕₕ [G·H, H], bᵢₕ and bₕₕ [G·H] with G gate blocks) and the last lines of
/// every backward step, which turn ∂L/∂(pre-activations) into the gradients of the weights,
/// of the input and of the previous state. The cells read the weights; they never change them.
/// </summary>
public abstract class Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected Cell(int gates, Tensor<T> weightIh, Tensor<T> weightHh, Tensor<T>? biasIh, Tensor<T>? biasHh)
    {
        int h = weightHh.Rank == 2 ? weightHh.Dim(1) : 0;
        string kind = GetType().Name.Split('`')[0];
        if (weightIh.Rank != 2 || weightHh.Rank != 2 || h == 0 || weightHh.Dim(0) != gates * h || weightIh.Dim(0) != gates * h)
            throw new ShapeException($"{kind}: expected weight_ih [{gates}·H, I] and weight_hh [{gates}·H, H], got {Format(weightIh.Shape)} and {Format(weightHh.Shape)}.");
        if ((biasIh is not null && biasIh.Length != gates * h) || (biasHh is not null && biasHh.Length != gates * h))
            throw new ShapeException($"{kind}: biases must have {gates * h} elements ({gates}·H), got {biasIh?.Length} and {biasHh?.Length}.");
        WeightIh = weightIh; WeightHh = weightHh; BiasIh = biasIh; BiasHh = biasHh;
        HiddenSize = h;
        InputSize = weightIh.Dim(1);
    }

    /// <summary>Wᵢₕ [G·H, I].</summary>
    public Tensor<T> WeightIh { get; }
    /// <summary>Wₕₕ [G·H, H].</summary>
    public Tensor<T> WeightHh { get; }
    /// <summary>bᵢₕ [G·H], or null.</summary>
    public Tensor<T>? BiasIh { get; }
    /// <summary>bₕₕ [G·H], or null.</summary>
    public Tensor<T>? BiasHh { get; }
    /// <summary>I, features per input step.</summary>
    public int InputSize { get; }
    /// <summary>H, hidden units.</summary>
    public int HiddenSize { get; }
    /// <summary>Whether the cell carries a cell state cₜ besides hₜ (the LSTM).</summary>
    public virtual bool HasCellState => false;

    /// <summary>
    /// One step of whichever cell this is, for code that runs any kind (<see cref="Unroll"/>):
    /// from xₜ [B, I], hₜ₋₁ [B, H] and, for the LSTM only, cₜ₋₁ [B, H] (null for the others).
    /// Each cell answers with its own typed forward step.
    /// </summary>
    public abstract CellStep<T> Forward(Tensor<T> x, Tensor<T> hPrev, Tensor<T>? cPrev);

    /// <summary>
    /// Back through a step that this cell's forward returned, from ∂L/∂hₜ [B, H] and, for the
    /// LSTM only, ∂L/∂cₜ [B, H] (null: none reaches cₜ). Each cell answers with its own typed backward step.
    /// </summary>
    public abstract CellGradient<T> Backward(CellStep<T> step, Tensor<T> dh, Tensor<T>? dc);

    /// <summary>
    /// The end of every backward step. <paramref name="dax"/> = ∂L/∂(x Wᵢₕᵀ + bᵢₕ) and
    /// <paramref name="dah"/> = ∂L/∂(h Wₕₕᵀ + bₕₕ), both [B, G·H] (the same tensor except in the GRU).
    /// </summary>
    private protected CellGradient<T> Project(Tensor<T> x, Tensor<T> hPrev, Tensor<T> dax, Tensor<T> dah, Tensor<T>? dhDirect, Tensor<T>? dcPrev)
    {
        var dhPrev = MatMul(dah, WeightHh);                    // ∂L/∂hₜ₋₁ = dah · Wₕₕ              [B, H]
        if (dhDirect is not null) dhPrev += dhDirect;          //   + any path that skips Wₕₕ (GRU: z ⊙ dh)
        return new CellGradient<T>(
            Input: MatMul(dax, WeightIh),                      // ∂L/∂x   = dax · Wᵢₕ              [B, I]
            HiddenPrev: dhPrev,
            CellPrev: dcPrev,
            WeightIh: TransposeMatMul(dax, x),                 // ∂L/∂Wᵢₕ = daxᵀ · x               [G·H, I]
            WeightHh: TransposeMatMul(dah, hPrev),             // ∂L/∂Wₕₕ = dahᵀ · hₜ₋₁            [G·H, H]
            BiasIh: BiasIh is null ? null : SumRows(dax),      // ∂L/∂bᵢₕ = Σ_batch dax            [G·H]
            BiasHh: BiasHh is null ? null : SumRows(dah));     // ∂L/∂bₕₕ = Σ_batch dah            [G·H]
    }

    /// <summary>The step as the record this cell's forward makes, or a clear error.</summary>
    private protected TStep StepOf<TStep>(CellStep<T> step) where TStep : CellStep<T> =>
        step as TStep ?? throw new ArgumentException(
            $"{Kind}: expected the {typeof(TStep).Name.Split('`')[0]} its forward returns, got {step?.GetType().Name.Split('`')[0] ?? "null"}.", nameof(step));

    /// <summary>The error for a cell state given to a cell that has none.</summary>
    private protected ArgumentException NoCellState(string parameter) =>
        new($"{Kind}: has no cell state, so {parameter} must be null.", parameter);

    private string Kind => GetType().Name.Split('`')[0];

    /// <summary>Throws unless x is [B, I] and every state is [B, H].</summary>
    private protected void ExpectStep(Tensor<T> x, params Tensor<T>[] states)
    {
        string kind = Kind;
        if (x.Rank != 2 || x.Dim(1) != InputSize)
            throw new ShapeException($"{kind}: expected x of shape [batch, {InputSize}], got {Format(x.Shape)}.");
        foreach (var s in states)
            if (s.Rank != 2 || s.Dim(0) != x.Dim(0) || s.Dim(1) != HiddenSize)
                throw new ShapeException($"{kind}: expected a state of shape [{x.Dim(0)}, {HiddenSize}], got {Format(s.Shape)}.");
    }
}
