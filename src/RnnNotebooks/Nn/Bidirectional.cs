using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Nn.Fused;

namespace RnnNotebooks.Nn;

/// <summary>
/// Keras's <c>Bidirectional</c> wrapper, kept for the article models that wrap a layer in it:
/// runs <see cref="ForwardLayer"/> on the sequence and <see cref="BackwardLayer"/> (same kind)
/// on the time-reversed sequence, and concatenates their outputs (every step re-aligned in
/// time with returnSequences, else both final states). For a one-layer inner network this
/// equals PyTorch's <c>bidirectional=True</c>, outputs and parameter names alike; a new model
/// can pass <c>bidirectional: true</c> to the layer instead.
/// </summary>
public sealed class Bidirectional<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _batch, _steps;

    /// <summary>Wraps <paramref name="forward"/>; the backward layer is a fresh copy of its architecture unless given.</summary>
    public Bidirectional(RNNBase<T> forward, RNNBase<T>? backward = null, string? name = null)
        : base(name ?? "bidirectional_" + forward.Name)
    {
        if (forward.Bidirectional)
            throw new ArgumentException($"Bidirectional '{Name}': the wrapped layer '{forward.Name}' is already bidirectional.", nameof(forward));
        backward ??= forward.CloneArchitecture();
        if (backward.GetType() != forward.GetType() || backward.InputSize != forward.InputSize ||
            backward.ReturnSequences != forward.ReturnSequences || backward.Bidirectional)
            throw new ArgumentException($"Bidirectional '{Name}': the backward layer must be a one-directional {forward.GetType().Name.Split('`')[0]} with the same input size and returnSequences.", nameof(backward));
        ForwardLayer = forward;
        BackwardLayer = backward;
        register_module("forward_layer", forward);
        register_module("backward_layer", backward);
    }

    /// <summary>The layer that reads the sequence left to right (child <c>forward_layer</c>).</summary>
    public RNNBase<T> ForwardLayer { get; }
    /// <summary>The layer that reads the sequence right to left (child <c>backward_layer</c>).</summary>
    public RNNBase<T> BackwardLayer { get; }

    /// <summary>The forward layer's parameters keep their own names, the backward layer's get <c>_reverse</c>
    /// appended (<c>weight_ih_l0_reverse</c>), as PyTorch names the two directions of one layer.</summary>
    protected override string ChildParameterName(string child, string parameter) =>
        child == "backward_layer" ? parameter + "_reverse" : parameter;

    /// <summary>Refuses a mask: pass <c>bidirectional: true</c> to the layer, which takes one.</summary>
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask) =>
        mask is null ? (forward(input), null)
        : throw new NotSupportedException($"{Describe()}: the Bidirectional wrapper cannot take a mask; use a layer with bidirectional: true.");

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape)
    {
        var s = ForwardLayer.OutputShape(inputShape);
        s[^1] += BackwardLayer.OutputShape(inputShape)[^1];
        return s;
    }

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input)
    {
        ExpectShape(input, "input [batch, steps, features]", -1, -1, ForwardLayer.InputSize);
        _batch = input.Shape[0]; _steps = input.Shape[1];
        var yf = ForwardLayer.forward(input);
        var reversed = new Tensor<T>(SequenceLayout.ReverseTime<T>(input.Data, _batch, _steps, input.Shape[2]), input.Shape);
        var yb = BackwardLayer.forward(reversed);
        if (ForwardLayer.ReturnSequences) yb = new Tensor<T>(SequenceLayout.ReverseTime<T>(yb.Data, _batch, _steps, yb.Shape[2]), yb.Shape);
        return Concat(yf, yb);
    }

    /// <inheritdoc/>
    public override Tensor<T> backward(Tensor<T> outputGradient)
    {
        if (_batch == 0) throw NoForward();
        ExpectShape(outputGradient, "output gradient", OutputShape([_batch, _steps, ForwardLayer.InputSize]));
        int hf = ForwardLayer.Directions * ForwardLayer.HiddenSize, hb = outputGradient.Shape[^1] - hf;
        int rows = outputGradient.Length / (hf + hb);
        var dyf = new Tensor<T>([.. outputGradient.Shape[..^1], hf]);
        var dyb = new Tensor<T>([.. outputGradient.Shape[..^1], hb]);
        SequenceLayout.CopyColumns<T>(outputGradient.Data, hf + hb, 0, dyf.Data, hf, rows);
        SequenceLayout.CopyColumns<T>(outputGradient.Data, hf + hb, hf, dyb.Data, hb, rows);
        if (ForwardLayer.ReturnSequences) dyb = new Tensor<T>(SequenceLayout.ReverseTime<T>(dyb.Data, _batch, _steps, hb), dyb.Shape);
        var dx = ForwardLayer.backward(dyf);
        var dxb = BackwardLayer.backward(dyb);
        Kernels.Add<T>(SequenceLayout.ReverseTime<T>(dxb.Data, _batch, _steps, dxb.Shape[2]), dx.Data);
        return dx;
    }

    private static Tensor<T> Concat(Tensor<T> a, Tensor<T> b)
    {
        int wa = a.Shape[^1], wb = b.Shape[^1], rows = a.Length / wa;
        var y = new Tensor<T>([.. a.Shape[..^1], wa + wb]);
        SequenceLayout.PasteColumns<T>(a.Data, wa, y.Data, wa + wb, 0, rows);
        SequenceLayout.PasteColumns<T>(b.Data, wb, y.Data, wa + wb, wa, rows);
        return y;
    }
}
