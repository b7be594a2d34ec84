using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// The character language model: Embedding → GRU (every step) → Linear(vocabulary) logits.
/// Parameter names match the scratch model: <c>embedding.weight</c>, <c>gru.*</c>, <c>linear.*</c>.
/// </summary>
public sealed class CharLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _embedding;
    private readonly nn.Module _gru;
    private readonly nn.Module<Tensor, Tensor> _linear;

    /// <summary>Creates the model for <paramref name="vocabSize"/> characters.</summary>
    public CharLanguageModel(long vocabSize, long embeddingDim = 32, long hiddenSize = 128, ScalarType? dtype = null, Device? device = null)
        : base(nameof(CharLanguageModel))
    {
        VocabSize = vocabSize;
        _embedding = nn.Embedding(vocabSize, embeddingDim, device: device, dtype: dtype);
        _gru = Recurrent.Create(RecurrentKind.Gru, embeddingDim, hiddenSize, dtype: dtype, device: device);
        _linear = nn.Linear(hiddenSize, vocabSize, device: device, dtype: dtype);
        register_module("embedding", _embedding);
        register_module("gru", _gru);
        register_module("linear", _linear);
    }

    /// <summary>Number of token ids the embedding holds: ids are 0 … VocabSize − 1.</summary>
    public long VocabSize { get; }

    /// <summary>Character ids [B, T] (int64) → next-character logits [B, T, vocabulary].</summary>
    public override Tensor forward(Tensor ids) => forward(ids, null).Logits;

    /// <summary>Runs from the GRU state <paramref name="h0"/> (zeros when null) and returns the logits and the final state, for generation.</summary>
    public (Tensor Logits, Tensor H) forward(Tensor ids, Tensor? h0)
    {
        TokenIds.Expect(ids, VocabSize, nameof(CharLanguageModel));
        using var scope = NewDisposeScope();
        var (sequence, h, _) = Recurrent.Forward(_gru, _embedding.forward(ids), h0);
        return (_linear.forward(sequence).MoveToOuterDisposeScope(), h.MoveToOuterDisposeScope());
    }
}
