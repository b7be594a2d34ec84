using System.Numerics;
using RnnNotebooks.Cells;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>
/// A whole recurrent layer (<see cref="RNNBase{T}"/>: stacked layers, one or two directions)
/// computed with its cells and <see cref="Unroll"/>, one step at a time: the reference the fused
/// layers are held to, and the source of per-step gradients for <see cref="GradientFlow"/>.
/// It runs as in evaluation mode (no dropout), without a mask, and never touches the layer's gradients.
/// </summary>
public static class LayerUnroll
{
    /// <summary>
    /// Runs <paramref name="input"/> [B, T, I] forward from <paramref name="initialState"/> (null: zeros),
    /// then back from <paramref name="outputGradient"/> (∂L/∂ every step's output [B, T, D·H], whatever
    /// <see cref="RNNBase{T}.ReturnSequences"/> says; null: none) and <paramref name="finalStateGradient"/>
    /// (null, or a null C: zeros).
    /// </summary>
    public static LayerUnrollResult<T> Run<T>(RNNBase<T> layer, Tensor<T> input, RecurrentState<T>? initialState = null,
        Tensor<T>? outputGradient = null, RecurrentState<T>? finalStateGradient = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        int dirs = layer.Directions, rows = layer.NumLayers * dirs, hidden = layer.HiddenSize;
        if (input.Rank != 3 || input.Dim(1) == 0 || input.Dim(2) != layer.InputSize)
            throw new ShapeException($"LayerUnroll: expected input [batch, steps ≥ 1, {layer.InputSize}], got {Tensor.Format(input.Shape)}.");
        int batch = input.Dim(0), steps = input.Dim(1);
        if (outputGradient is not null && !outputGradient.Shape.SequenceEqual([batch, steps, dirs * hidden]))
            throw new ShapeException($"LayerUnroll: expected the output gradient [{batch}, {steps}, {dirs * hidden}], got {Tensor.Format(outputGradient.Shape)}.");
        var init = initialState ?? layer.ZeroState(batch);
        ExpectState(init, rows, batch, hidden, layer.HasCellState, "initial state");
        if (finalStateGradient is not null) ExpectState(finalStateGradient, rows, batch, hidden, false, "final state gradient");

        // Forward, layer by layer: each direction unrolls its cell over the layer's input.
        var xs = StepsOf(input);                                                 // the layer's input per step [B, I]
        var records = new CellStep<T>[rows][];
        var final = layer.ZeroState(batch);
        for (int l = 0; l < layer.NumLayers; l++)
        {
            var outs = new Tensor<T>[dirs][];
            for (int d = 0; d < dirs; d++)
            {
                int k = l * dirs + d;
                records[k] = Unroll.Forward(layer.Cell(l, d == 1), InOrder(xs, d == 1), Row(init.H, k), init.C is null ? null : Row(init.C, k));
                outs[d] = InOrder(records[k].Select(s => s.Hidden).ToArray(), d == 1);
                SetRow(final.H, k, records[k][^1].Hidden);
                if (final.C is not null) SetRow(final.C, k, records[k][^1].Cell!);
            }
            xs = Enumerable.Range(0, steps).Select(t => Tensor.ConcatColumns(outs.Select(o => o[t]).ToArray())).ToArray();
        }
        var output = FromSteps(xs);

        // Back through time, top layer first: ∂L/∂(a layer's input) is ∂L/∂(output) of the layer below.
        var dOut = outputGradient is null ? null : StepsOf(outputGradient);    // ∂L/∂(layer output) per step [B, D·H]
        var grads = new Dictionary<string, Tensor<T>>();
        var dInit = layer.ZeroState(batch);
        var backward = new UnrollGradient<T>[rows];
        for (int l = layer.NumLayers - 1; l >= 0; l--)
        {
            var dIn = Enumerable.Range(0, steps).Select(t => new Tensor<T>(records[l * dirs][t].Input.Shape)).ToArray();
            for (int d = 0; d < dirs; d++)
            {
                int k = l * dirs + d;
                var dys = dOut is null ? null : InOrder(dOut.Select(g => Tensor.Block(g, d, hidden)).ToArray(), d == 1);
                var g = backward[k] = Unroll.Backward(layer.Cell(l, d == 1), records[k], dys,
                    finalStateGradient is null ? null : Row(finalStateGradient.H, k),
                    finalStateGradient?.C is null ? null : Row(finalStateGradient.C, k));
                var dxs = InOrder(g.Inputs, d == 1);
                for (int t = 0; t < steps; t++) dIn[t] += dxs[t];
                string sfx = $"_l{l}" + (d == 1 ? "_reverse" : "");
                grads["weight_ih" + sfx] = g.WeightIh; grads["weight_hh" + sfx] = g.WeightHh;
                if (g.BiasIh is not null) grads["bias_ih" + sfx] = g.BiasIh;
                if (g.BiasHh is not null) grads["bias_hh" + sfx] = g.BiasHh;
                SetRow(dInit.H, k, g.Hidden[0]);
                if (dInit.C is not null) SetRow(dInit.C, k, g.Cell![0]);
            }
            dOut = dIn;
        }
        return new LayerUnrollResult<T>(output, final, FromSteps(dOut!), dInit, grads, backward);
    }

    private static void ExpectState<T>(RecurrentState<T> s, int rows, int batch, int hidden, bool needC, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] shape = [rows, batch, hidden];
        if (!s.H.Shape.SequenceEqual(shape) || (s.C is not null && !s.C.Shape.SequenceEqual(shape)) || (needC && s.C is null))
            throw new ShapeException($"LayerUnroll: expected the {what} [{rows}, {batch}, {hidden}]{(needC ? " with C" : "")}, got H {Tensor.Format(s.H.Shape)}, C {(s.C is null ? "none" : Tensor.Format(s.C.Shape))}.");
    }

    // The reverse direction reads and writes its steps last to first.
    private static Tensor<T>[] InOrder<T>(Tensor<T>[] steps, bool reverse) where T : unmanaged, IFloatingPointIeee754<T> =>
        reverse ? Enumerable.Reverse(steps).ToArray() : steps;

    // Row k of a [rows, batch, hidden] state, as [batch, hidden].
    private static Tensor<T> Row<T>(Tensor<T> s, int k) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(s.Data.AsSpan(k * s.Dim(1) * s.Dim(2), s.Dim(1) * s.Dim(2)).ToArray(), s.Dim(1), s.Dim(2));

    private static void SetRow<T>(Tensor<T> s, int k, Tensor<T> v) where T : unmanaged, IFloatingPointIeee754<T> =>
        v.Data.CopyTo(s.Data, k * v.Length);

    // A [B, T, n] sequence as T steps [B, n], and back.
    private static Tensor<T>[] StepsOf<T>(Tensor<T> seq) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = seq.Dim(0), steps = seq.Dim(1), n = seq.Dim(2);
        var xs = new Tensor<T>[steps];
        for (int t = 0; t < steps; t++)
        {
            xs[t] = new Tensor<T>(b, n);
            for (int i = 0; i < b; i++) seq.Data.AsSpan((i * steps + t) * n, n).CopyTo(xs[t].Data.AsSpan(i * n, n));
        }
        return xs;
    }

    private static Tensor<T> FromSteps<T>(Tensor<T>[] xs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int b = xs[0].Dim(0), steps = xs.Length, n = xs[0].Dim(1);
        var seq = new Tensor<T>(b, steps, n);
        for (int t = 0; t < steps; t++)
            for (int i = 0; i < b; i++) xs[t].Data.AsSpan(i * n, n).CopyTo(seq.Data.AsSpan((i * steps + t) * n, n));
        return seq;
    }
}
