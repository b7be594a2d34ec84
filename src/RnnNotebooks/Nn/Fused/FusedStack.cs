using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn.Fused;

/// <summary>
/// The fused layers of an <see cref="RNNBase{T}"/> run over a whole sequence: L stacked layers of
/// D directions (index l·D + d), each a <see cref="RecurrentDirection{T}"/>. This class owns the
/// buffer choreography that <see cref="RNNBase{T}"/> delegates: batch-first ↔ time-major copies,
/// the interleaving of two directions into one layer output [T, B, D·H], the between-layer dropout
/// masks, and the order of the layers forward and back. Buffers are kept between calls and grow to
/// the largest batch and length seen (so they may be longer than the pass in use; every use is
/// sliced to it); the directions' outputs are valid until the next forward pass.
/// </summary>
internal sealed class FusedStack<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RecurrentDirection<T>[] _directions;      // index l·D + d
    private readonly int _layers, _dirs, _inputSize, _hidden;
    private T[][] _layerOutputs = [];                          // per layer, time-major [T, B, D·H]
    private T[] _xTime = [], _dyTime = [], _dxEven = [], _dxOdd = [], _dxDir = [];
    private T[] _dirBuffer = [];                               // one direction's [T, B, H] when bidirectional
    private T[]? _output, _dInput;                             // the results' arrays, reused when the caller says they are transient
    private T[][] _dropMasks = [];                             // per layer below the top: the dropout mask of its output
    private T[][] _dropped = [];                               // per layer below the top: its output after dropout
    private bool[] _dropApplied = [];
    private int _batch, _steps;

    /// <summary>Runs <paramref name="directions"/> (shared with the caller, not copied) as <paramref name="layers"/> layers of <paramref name="dirs"/> directions.</summary>
    public FusedStack(RecurrentDirection<T>[] directions, int layers, int dirs, int inputSize, int hiddenSize)
    {
        _directions = directions; _layers = layers; _dirs = dirs; _inputSize = inputSize; _hidden = hiddenSize;
    }

    /// <summary>Whether a forward pass has run (backward reads its activations).</summary>
    public bool HasForward => _layerOutputs.Length != 0;

    /// <summary>Batch and steps of the last forward pass.</summary>
    public (int Batch, int Steps) LastShape => (_batch, _steps);

    /// <summary>
    /// Runs input [B, T, I] from <paramref name="init"/> and writes the final state into
    /// <paramref name="final"/> (both [L·D, B, H]). With <paramref name="dropout"/> &gt; 0 each
    /// layer below the top passes its output through a fresh mask drawn from <paramref name="dropoutRng"/>.
    /// Returns every step [B, T, D·H] (padded steps zeroed) or the top layer's final states [B, D·H].
    /// </summary>
    public Tensor<T> Forward(Tensor<T> input, RecurrentState<T> init, RecurrentState<T> final, SequenceMask? mask,
        double dropout, Rng dropoutRng, bool returnSequences, bool transientOutput = false)
    {
        int batch = input.Shape[0], steps = input.Shape[1], dirs = _dirs, h = _hidden, bh = batch * h, layers = _layers;
        var valid = mask?.TimeMajor();
        bool drop = dropout > 0;
        if (_dropApplied.Length != layers) { _dropApplied = new bool[layers]; _dropMasks = new T[layers][]; _dropped = new T[layers][]; }

        if (_layerOutputs.Length != layers) _layerOutputs = new T[layers][];
        Resize(ref _xTime, input.Length);
        SequenceLayout.ToTimeMajor<T>(input.Data, _xTime, batch, steps, _inputSize);
        var x = _xTime;
        if (dirs > 1) Resize(ref _dirBuffer, steps * bh);
        var dirOut = _dirBuffer;
        for (int l = 0; l < layers; l++)
        {
            // One direction's own output buffer is the layer's output; two are interleaved into one.
            if (dirs > 1) Resize(ref _layerOutputs[l], steps * batch * dirs * h);
            for (int d = 0; d < dirs; d++)
            {
                int k = l * dirs + d;
                var c0 = init.C is null ? default : init.C.Data.AsSpan(k * bh, bh);
                var cT = final.C is null ? default : final.C.Data.AsSpan(k * bh, bh);
                var target = dirs == 1 ? default : dirOut.AsSpan();
                _directions[k].Forward(x, steps, batch, init.H.Data.AsSpan(k * bh, bh), c0, target, final.H.Data.AsSpan(k * bh, bh), cT, valid);
                if (dirs > 1) SequenceLayout.PasteColumns<T>(dirOut, h, _layerOutputs[l], dirs * h, d * h, steps * batch);
            }
            if (dirs == 1) _layerOutputs[l] = _directions[l].Output;
            var y = _layerOutputs[l];
            x = y;
            _dropApplied[l] = drop && l < layers - 1;
            if (_dropApplied[l])
            {
                // Between-layer dropout: the next layer reads y ⊙ mask; y itself stays for this layer's backward.
                int len = steps * batch * dirs * h;
                Resize(ref _dropMasks[l], len);
                Resize(ref _dropped[l], len);
                DropoutMask.Fill<T>(_dropMasks[l].AsSpan(0, len), dropout, dropoutRng);
                System.Numerics.Tensors.TensorPrimitives.Multiply<T>(y.AsSpan(0, len), _dropMasks[l].AsSpan(0, len), _dropped[l].AsSpan(0, len));
                x = _dropped[l];
            }
        }
        _batch = batch; _steps = steps;

        Tensor<T> output;
        if (returnSequences)
        {
            // Every element is written below, so the array need not be zeroed first.
            output = new Tensor<T>(Module<T>.ResultArray(ref _output, batch * steps * dirs * h, transientOutput), batch, steps, dirs * h);
            SequenceLayout.ToBatchFirst<T>(x, output.Data, batch, steps, dirs * h);
            if (mask is not null)
                for (int b = 0; b < batch; b++)
                    for (int t = 0; t < steps; t++)
                        if (!mask.IsValid(b, t)) output.Data.AsSpan((b * steps + t) * dirs * h, dirs * h).Clear();
        }
        else
        {
            // Last output: the final state of each direction of the top layer (Keras's Bidirectional concatenation).
            output = new Tensor<T>(batch, dirs * h);
            for (int d = 0; d < dirs; d++)
                SequenceLayout.PasteColumns<T>(final.H.Data.AsSpan(((layers - 1) * dirs + d) * bh, bh), h, output.Data, dirs * h, d * h, batch);
        }
        return output;
    }

    /// <summary>
    /// Back-propagates the last forward pass from ∂L/∂output (the shape <see cref="Forward"/> returned)
    /// and ∂L/∂(final state) <paramref name="dFinal"/>, which it may add to. Writes ∂L/∂(initial state)
    /// into <paramref name="dInit"/>, adds the parameter gradients, and returns ∂L/∂input [B, T, I].
    /// </summary>
    public Tensor<T> Backward(Tensor<T> outputGradient, RecurrentState<T> dFinal, RecurrentState<T> dInit,
        int truncate, bool returnSequences, bool transientInputGradient = false)
    {
        int batch = _batch, steps = _steps, dirs = _dirs, h = _hidden, bh = batch * h, layers = _layers;
        Resize(ref _dyTime, steps * batch * dirs * h);
        var dy = _dyTime;
        if (returnSequences)
            SequenceLayout.ToTimeMajor<T>(outputGradient.Data, dy, batch, steps, dirs * h);
        else
        {
            dy.AsSpan(0, steps * batch * dirs * h).Clear();
            for (int d = 0; d < dirs; d++)
            {
                var dst = dFinal.H.Data.AsSpan(((layers - 1) * dirs + d) * bh, bh);
                var part = new T[bh];
                SequenceLayout.CopyColumns<T>(outputGradient.Data, dirs * h, d * h, part, h, batch);
                Kernels.Add<T>(part, dst);
            }
        }

        if (dirs > 1) Resize(ref _dirBuffer, steps * bh);
        var dOutDir = _dirBuffer;
        for (int l = layers - 1; l >= 0; l--)
        {
            int inL = l == 0 ? _inputSize : dirs * h;
            // ∂L/∂(layer input): alternate between two buffers so dy (the layer above's) stays intact.
            ref T[] dxBuffer = ref (l % 2 == 0 ? ref _dxEven : ref _dxOdd);
            int dxLength = steps * batch * inL;
            Resize(ref dxBuffer, dxLength);
            var dx = dxBuffer;
            if (dirs > 1) dx.AsSpan(0, dxLength).Clear();
            // One direction's ∂L/∂input; its size changes from layer to layer, so keep the largest.
            if (dirs > 1) Resize(ref _dxDir, dxLength);
            var dxDir = dirs == 1 ? dx.AsSpan(0, dxLength) : _dxDir.AsSpan(0, dxLength);
            for (int d = 0; d < dirs; d++)
            {
                int k = l * dirs + d;
                if (dirs > 1) SequenceLayout.CopyColumns<T>(dy, dirs * h, d * h, dOutDir, h, steps * batch);
                var dcT = dFinal.C is null ? default : dFinal.C.Data.AsSpan(k * bh, bh);
                var dc0 = dInit.C is null ? default : dInit.C.Data.AsSpan(k * bh, bh);
                _directions[k].Backward(dirs == 1 ? dy : dOutDir, dFinal.H.Data.AsSpan(k * bh, bh), dcT,
                    dxDir, dInit.H.Data.AsSpan(k * bh, bh), dc0, truncate);
                if (dirs > 1) Kernels.Add<T>(dxDir, dx.AsSpan(0, dxLength));
            }
            // ∂L/∂(output of the layer below) passes through that layer's dropout mask.
            if (l > 0 && _dropApplied[l - 1])
                System.Numerics.Tensors.TensorPrimitives.Multiply<T>(dx.AsSpan(0, dxLength), _dropMasks[l - 1].AsSpan(0, dxLength), dx.AsSpan(0, dxLength));
            dy = dx;
        }
        var dInput = new Tensor<T>(Module<T>.ResultArray(ref _dInput, batch * steps * _inputSize, transientInputGradient), batch, steps, _inputSize);   // fully written below
        SequenceLayout.ToBatchFirst<T>(dy, dInput.Data, batch, steps, _inputSize);
        return dInput;
    }

    /// <summary>Makes <paramref name="buffer"/> hold at least <paramref name="length"/> values (its contents are not kept when it grows).</summary>
    private static void Resize(ref T[] buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new T[length];
    }

    /// <summary>Drops every buffer and each direction's (<see cref="RecurrentDirection{T}.ReleaseBuffers"/>); <see cref="HasForward"/> is then false.</summary>
    public void ReleaseBuffers()
    {
        _layerOutputs = []; _xTime = []; _output = null; _dInput = null; _dyTime = []; _dxEven = []; _dxOdd = []; _dxDir = []; _dirBuffer = [];
        _dropMasks = []; _dropped = []; _dropApplied = [];
        foreach (var d in _directions) d.ReleaseBuffers();
    }
}
