using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Hidden state of a recurrent layer, laid out as PyTorch's <c>h_n</c>/<c>c_n</c>:
/// <see cref="H"/> [layers × directions, batch, hidden] and, for an LSTM, the cell state <see cref="C"/>.
/// Index <c>l * directions + d</c> holds layer l, direction d (1 = reverse).
/// </summary>
public sealed record RecurrentState<T>(Tensor<T> H, Tensor<T>? C = null) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A copy that shares nothing with this state (carry it into the next batch for truncated BPTT).</summary>
    public RecurrentState<T> Detach() => new(H.Clone(), C?.Clone());
}

