using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Models;
using TorchSharp;

namespace RnnNotebooks.Torch.Bridge;

/// <summary>
/// The scratch side of every twin, and the one place this project calls the scratch model API:
/// the scratch models the TorchSharp twins mirror, and weight copies in both directions.
/// </summary>
public static class ScratchTwins
{
    /// <summary>The scratch twin of <see cref="ImdbClassifier"/>: Embedding → RNN/LSTM/GRU (last state) → Linear(1, sigmoid).</summary>
    public static Sequential<T> ImdbClassifier<T>(int vocabSize, int embeddingDim = 32, int hiddenSize = 32, RecurrentKind kind = RecurrentKind.Rnn)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(new Embedding<T>(vocabSize, embeddingDim),
            Recurrent<T>(kind, embeddingDim, hiddenSize),
            new Linear<T>(hiddenSize, 1, Activation.Sigmoid));

    /// <summary>The scratch twin of <see cref="PriceRegressor"/>: RNN (every step) → RNN (last state) → Linear(1).</summary>
    public static Sequential<T> PriceRegressor<T>(int features = 1, int firstHidden = 64, int secondHidden = 32)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(new RNN<T>(features, firstHidden, returnSequences: true),
            new RNN<T>(firstHidden, secondHidden),
            new Linear<T>(secondHidden, 1));

    /// <summary>The scratch twin of <see cref="CharLanguageModel"/>: Embedding → GRU (every step) → Linear(vocabulary) logits.</summary>
    public static Sequential<T> CharLanguageModel<T>(int vocabSize, int embeddingDim = 32, int hiddenSize = 128)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(new Embedding<T>(vocabSize, embeddingDim),
            new GRU<T>(embeddingDim, hiddenSize, returnSequences: true),
            new Linear<T>(hiddenSize, vocabSize));

    /// <summary>The scratch twin of <see cref="Seq2SeqAttention"/>, with the same arguments.</summary>
    public static global::RnnNotebooks.Seq2Seq.EncoderDecoder<T> EncoderDecoder<T>(int vocabularySize, int embeddingSize, int hiddenSize, bool bidirectional = true,
        global::RnnNotebooks.Attention.AttentionKind attentionKind = global::RnnNotebooks.Attention.AttentionKind.Additive, int? decoderHiddenSize = null, int? attentionSize = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(vocabularySize, embeddingSize, hiddenSize, bidirectional, attentionKind, decoderHiddenSize, attentionSize);

    /// <summary>A scratch recurrent layer, the twin of <see cref="Models.Recurrent.Create"/> with the same arguments.</summary>
    public static RNNBase<T> Recurrent<T>(RecurrentKind kind, int inputSize, int hiddenSize, int numLayers = 1,
        bool bidirectional = false, bool returnSequences = false, string nonlinearity = "tanh")
        where T : unmanaged, IFloatingPointIeee754<T> => kind switch
    {
        RecurrentKind.Rnn => new RNN<T>(inputSize, hiddenSize, numLayers, bidirectional, returnSequences, nonlinearity),
        RecurrentKind.Lstm => new LSTM<T>(inputSize, hiddenSize, numLayers, bidirectional, returnSequences),
        RecurrentKind.Gru => new GRU<T>(inputSize, hiddenSize, numLayers, bidirectional, returnSequences),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "ScratchTwins: unknown kind."),
    };

    /// <summary>A scratch model's or layer's weights by name (PyTorch's <c>state_dict()</c>: <c>rnn.weight_ih_l0</c>, or <c>weight_ih_l0</c> for a layer).</summary>
    public static Dictionary<string, Tensor<T>> StateDict<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T> =>
        model.state_dict();

    /// <summary>The gradients the last scratch backward pass accumulated in a model or layer, by parameter name.</summary>
    public static Dictionary<string, Tensor<T>> Gradients<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T> =>
        model.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.Grad.Clone());

    /// <summary>Copies the scratch model's weights into its TorchSharp twin.</summary>
    public static void CopyTo<T>(Module<T> model, torch.nn.Module twin) where T : unmanaged, IFloatingPointIeee754<T> =>
        StateDictBridge.Load(twin, model.state_dict());

    /// <summary>Copies the TorchSharp twin's weights into the scratch model.</summary>
    public static void CopyFrom<T>(Module<T> model, torch.nn.Module twin) where T : unmanaged, IFloatingPointIeee754<T> =>
        model.load_state_dict(StateDictBridge.Read<T>(twin));

    /// <summary>Saves the scratch model's weights to a safetensors file that <c>load_safetensors</c> reads into the twin.</summary>
    public static void Save<T>(Module<T> model, string path) where T : unmanaged, IFloatingPointIeee754<T> => model.save(path);

    /// <summary>Loads a safetensors file (e.g. written by the twin's <c>save_safetensors</c>) into the scratch model.</summary>
    public static void Load<T>(Module<T> model, string path) where T : unmanaged, IFloatingPointIeee754<T> => model.load(path);

    /// <summary>
    /// Loads a safetensors file (saved by the scratch library, by <see cref="SaveFile"/> or by PyTorch) into a twin,
    /// by parameter name, with the scratch library's reader. (TorchSharp.PyBridge's <c>load_safetensors</c> does the
    /// same in an application; in a notebook kernel it can meet a second copy of TorchSharp and fail to bind.)
    /// </summary>
    public static void LoadFile(torch.nn.Module twin, string path)
    {
        bool isDouble = twin.parameters().FirstOrDefault()?.dtype == torch.ScalarType.Float64;
        try
        {
            if (isDouble) StateDictBridge.Load(twin, SafeTensors.Load<double>(path));
            else StateDictBridge.Load(twin, SafeTensors.Load<float>(path));
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Saves a twin's parameters to a safetensors file that the scratch model, the twin and PyTorch load.</summary>
    public static void SaveFile(torch.nn.Module twin, string path)
    {
        if (twin.parameters().FirstOrDefault()?.dtype == torch.ScalarType.Float64) SafeTensors.Save(path, StateDictBridge.Read<double>(twin));
        else SafeTensors.Save(path, StateDictBridge.Read<float>(twin));
    }
}
