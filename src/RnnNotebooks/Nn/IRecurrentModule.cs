using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// A module that reads a sequence from a recurrent state and returns the final state beside its
/// output, PyTorch's <c>output, h_n = rnn(x, h_0)</c>: <see cref="RNN{T}"/>, <see cref="LSTM{T}"/>,
/// <see cref="GRU{T}"/>, a <see cref="Sequential{T}"/> holding one of them, or a model class of your own.
/// <see cref="Training.TruncatedBptt{T}"/> trains any such model, carrying the state from batch to batch.
/// </summary>
public interface IRecurrentModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Runs the sequence from <paramref name="initialState"/> (zeros when null).</summary>
    RecurrentOutput<T> forward(Tensor<T> input, RecurrentState<T>? initialState);

    /// <summary>Back-propagates ∂L/∂output and ∂L/∂(final state) (null: zero); returns ∂L/∂input.</summary>
    Tensor<T> backward(Tensor<T> outputGradient, RecurrentState<T>? finalStateGradient);
}
