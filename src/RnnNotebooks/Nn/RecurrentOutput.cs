using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>What a recurrent layer's forward pass returns: the output and the final state.</summary>
/// <param name="Output">[batch, steps, directions × hidden] with returnSequences, else [batch, directions × hidden].</param>
/// <param name="FinalState">The state after the last step of every layer and direction.</param>
public sealed record RecurrentOutput<T>(Tensor<T> Output, RecurrentState<T> FinalState) where T : unmanaged, IFloatingPointIeee754<T>;
