using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Torch.Models;
using RnnNotebooks.Torch.Tests.Support;
using RnnNotebooks.Training.Losses;
using TorchSharp;
using Xunit.Abstractions;


namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// The course's models against their TorchSharp twins on the same weights and batch: predictions,
/// the loss the course trains them with, and the gradient of every parameter.
/// </summary>
public sealed class ModelTwinTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(RecurrentKind.Rnn), InlineData(RecurrentKind.Lstm), InlineData(RecurrentKind.Gru)]
    public void Imdb_classifier_float32(RecurrentKind kind) => Imdb<float>(kind);

    [Theory]
    [InlineData(RecurrentKind.Rnn), InlineData(RecurrentKind.Lstm), InlineData(RecurrentKind.Gru)]
    public void Imdb_classifier_float64(RecurrentKind kind) => Imdb<double>(kind);

    [Fact] public void Price_regressor_float32() => Price<float>();
    [Fact] public void Price_regressor_float64() => Price<double>();
    [Fact] public void Char_language_model_float32() => CharModel<float>();
    [Fact] public void Char_language_model_float64() => CharModel<double>();

    private void Imdb<T>(RecurrentKind kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int vocab = 50, batch = 4, steps = 7;
        Rng.ManualSeed(3);
        var scratch = ScratchTwins.ImdbClassifier<T>(vocab, embeddingDim: 8, hiddenSize: 6, kind);
        using var twin = new ImdbClassifier(vocab, 8, 6, kind, TensorBridge.DType<T>());
        var rng = new Rng(5);
        var ids = Ids<T>(rng, vocab, batch, steps);
        var labels = Tensor.FromIndices<T>(Enumerable.Range(0, batch).Select(i => i % 2).ToArray()).Reshape(batch, 1);
        Compare($"IMDB classifier ({kind})", scratch, twin, ids, labels, new BinaryCrossEntropy<T>(),
            TensorBridge.ToTorchIndices(ids), (p, y) => torch.nn.functional.binary_cross_entropy(p, y));
    }

    private void Price<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int batch = 4, steps = 10;
        Rng.ManualSeed(4);
        var scratch = ScratchTwins.PriceRegressor<T>();
        using var twin = new PriceRegressor(dtype: TensorBridge.DType<T>());
        var rng = new Rng(6);
        var windows = Tensor.Normal<T>(rng, 0, 1, batch, steps, 1);
        var next = Tensor.Normal<T>(rng, 0, 1, batch, 1);
        Compare("price regressor", scratch, twin, windows, next, new MeanSquaredError<T>(),
            TensorBridge.ToTorch(windows), (p, y) => torch.nn.functional.mse_loss(p, y));
    }

    private void CharModel<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int vocab = 20, batch = 3, steps = 9;
        Rng.ManualSeed(8);
        var scratch = ScratchTwins.CharLanguageModel<T>(vocab, embeddingDim: 8, hiddenSize: 16);
        using var twin = new CharLanguageModel(vocab, 8, 16, TensorBridge.DType<T>());
        var rng = new Rng(9);
        var ids = Ids<T>(rng, vocab, batch, steps);
        var next = Ids<T>(rng, vocab, batch, steps);
        Compare("char language model", scratch, twin, ids, next, new SoftmaxCrossEntropy<T>(),
            TensorBridge.ToTorchIndices(ids),
            (logits, y) => torch.nn.functional.cross_entropy(logits.reshape(-1, vocab), y.reshape(-1).to_type(torch.ScalarType.Int64)));
    }

    private void Compare<T>(string name, global::RnnNotebooks.Nn.Sequential<T> scratch, torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> twin,
        Tensor<T> input, Tensor<T> target, Loss<T> loss, TorchSharp.torch.Tensor twinInput, Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> twinLoss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var check = new Agreement<T>(name, output);
        ScratchTwins.CopyTo(scratch, twin);

        var prediction = scratch.forward(input);
        double scratchLoss = loss.forward(prediction, target);
        scratch.backward(loss.backward());

        using var scope = torch.NewDisposeScope();
        var twinPrediction = twin.forward(twinInput);
        var twinLossValue = twinLoss(twinPrediction, TensorBridge.ToTorch(target));
        twinLossValue.backward();

        check.Close("prediction", twinPrediction, prediction);
        check.Close("loss", twinLossValue.to_type(torch.ScalarType.Float64).item<double>(), scratchLoss);
        check.CloseAll("grad", StateDictBridge.Gradients<T>(twin), ScratchTwins.Gradients(scratch));
        check.Report();
    }

    private static Tensor<T> Ids<T>(Rng rng, int vocab, int batch, int steps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ids = new int[batch, steps];
        for (int i = 0; i < batch; i++)
            for (int t = 0; t < steps; t++) ids[i, t] = (int)Math.Min(vocab - 1, Math.Floor(rng.Uniform(0, vocab)));
        return Tensor.FromIndices<T>(ids);
    }
}
