using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Seq2Seq;

/// <summary>What the encoder hands the decoder for a batch of sources.</summary>
/// <param name="Keys">Encoder outputs [B, S, K] (K = directions × hidden), zero at padding: what attention reads.</param>
/// <param name="Mask">The real source positions (null: no padding).</param>
/// <param name="InitialState">The decoder's first state [B, Hd] = tanh(W [final encoder states] + b): the only thing a decoder without attention knows about the source.</param>
public sealed record EncodedSource<T>(Tensor<T> Keys, SequenceMask? Mask, Tensor<T> InitialState) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Source rows <paramref name="rows"/> (a row may repeat, as beams of one source do).</summary>
    public EncodedSource<T> Rows(IReadOnlyList<int> rows)
    {
        SequenceMask? mask = null;
        if (Mask is not null)
        {
            var valid = new bool[rows.Count, Mask.Steps];
            for (int i = 0; i < rows.Count; i++)
                for (int t = 0; t < Mask.Steps; t++) valid[i, t] = Mask.IsValid(rows[i], t);
            mask = new SequenceMask(valid);
        }
        return new EncodedSource<T>(StepSlices.Rows(Keys, rows), mask, StepSlices.Rows(InitialState, rows));
    }
}

/// <summary>One decoder step for a batch: next-token logits, the new state and the attention weights.</summary>
/// <param name="Logits">[B, V].</param>
/// <param name="State">[B, Hd].</param>
/// <param name="Weights">α [B, S], or null without attention.</param>
public sealed record DecoderStepOutput<T>(Tensor<T> Logits, Tensor<T> State, Tensor<T>? Weights) where T : unmanaged, IFloatingPointIeee754<T>;
