namespace RnnNotebooks.Tensors;

/// <summary>Which end of a sequence gets padding or loses tokens.</summary>
public enum PadSide
{
    /// <summary>The front (Keras default for both padding and truncating).</summary>
    Pre,
    /// <summary>The back.</summary>
    Post,
}
