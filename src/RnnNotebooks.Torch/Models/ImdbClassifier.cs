using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// The IMDB sentiment classifier: Embedding → RNN/LSTM/GRU (last output) → Linear(1) → sigmoid.
/// Parameter names match the scratch model: <c>embedding.weight</c>, <c>rnn.weight_ih_l0</c>
/// (or <c>lstm.</c>/<c>gru.</c>), <c>linear.weight</c>, <c>linear.bias</c>.
/// </summary>
public sealed class ImdbClassifier : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _embedding;
    private readonly nn.Module _recurrent;
    private readonly nn.Module<Tensor, Tensor> _linear;

    /// <summary>Creates the classifier for token ids in [0, <paramref name="vocabSize"/>).</summary>
    public ImdbClassifier(long vocabSize, long embeddingDim = 32, long hiddenSize = 32, RecurrentKind kind = RecurrentKind.Rnn,
        ScalarType? dtype = null, Device? device = null) : base(nameof(ImdbClassifier))
    {
        VocabSize = vocabSize;
        _embedding = nn.Embedding(vocabSize, embeddingDim, device: device, dtype: dtype);
        _recurrent = Recurrent.Create(kind, embeddingDim, hiddenSize, dtype: dtype, device: device);
        _linear = nn.Linear(hiddenSize, 1, device: device, dtype: dtype);
        register_module("embedding", _embedding);
        register_module(kind.ToString().ToLowerInvariant(), _recurrent);
        register_module("linear", _linear);
    }

    /// <summary>Number of token ids the embedding holds: ids are 0 … VocabSize − 1.</summary>
    public long VocabSize { get; }

    /// <summary>Token ids [B, T] (int64) → probability of a positive review [B, 1].</summary>
    public override Tensor forward(Tensor ids)
    {
        TokenIds.Expect(ids, VocabSize, nameof(ImdbClassifier));
        using var scope = NewDisposeScope();
        var (_, h, _) = Recurrent.Forward(_recurrent, _embedding.forward(ids));
        return torch.sigmoid(_linear.forward(Recurrent.LastOutput(h, 1))).MoveToOuterDisposeScope();
    }
}
