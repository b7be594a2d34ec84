namespace RnnNotebooks.Torch.Models;

/// <summary>Which recurrent layer a twin uses; its lower-case name is also the layer's default parameter prefix.</summary>
public enum RecurrentKind
{
    /// <summary>Elman RNN (<c>nn.RNN</c>), tanh or relu.</summary>
    Rnn,
    /// <summary>LSTM (<c>nn.LSTM</c>), gates i, f, g, o.</summary>
    Lstm,
    /// <summary>GRU (<c>nn.GRU</c>), gates r, z, n.</summary>
    Gru,
}
