using TorchSharp;
using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Torch.Models;
using TorchSharp.PyBridge;


namespace RnnNotebooks.Torch.Tests;

/// <summary>Weights move scratch → TorchSharp → scratch unchanged, in memory and through safetensors files.</summary>
public sealed class WeightTransferTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rnn-notebooks-torch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Twins_name_their_parameters_like_the_scratch_models()
    {
        using var imdb = new ImdbClassifier(30, 4, 5, RecurrentKind.Lstm);
        Assert.Equal(Names(ScratchTwins.ImdbClassifier<float>(30, 4, 5, RecurrentKind.Lstm)), imdb.named_parameters().Select(p => p.name).Order());
        using var price = new PriceRegressor();
        Assert.Equal(Names(ScratchTwins.PriceRegressor<float>()), price.named_parameters().Select(p => p.name).Order());
        using var chars = new CharLanguageModel(12, 4, 6);
        Assert.Equal(Names(ScratchTwins.CharLanguageModel<float>(12, 4, 6)), chars.named_parameters().Select(p => p.name).Order());
    }

    [Fact] public void Float32_round_trip_in_memory() => RoundTripInMemory<float>();
    [Fact] public void Float64_round_trip_in_memory() => RoundTripInMemory<double>();
    [Fact] public void Float32_round_trip_through_safetensors() => RoundTripThroughFiles<float>();
    [Fact] public void Float64_round_trip_through_safetensors() => RoundTripThroughFiles<double>();

    private static void RoundTripInMemory<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        Rng.ManualSeed(1);
        var source = ScratchTwins.ImdbClassifier<T>(40, 6, 5, RecurrentKind.Gru);
        Rng.ManualSeed(2);
        var target = ScratchTwins.ImdbClassifier<T>(40, 6, 5, RecurrentKind.Gru);
        using var twin = new ImdbClassifier(40, 6, 5, RecurrentKind.Gru, TensorBridge.DType<T>());

        ScratchTwins.CopyTo(source, twin);
        ScratchTwins.CopyFrom(target, twin);

        AssertSame(ScratchTwins.StateDict(source), ScratchTwins.StateDict(target));
        AssertSame(ScratchTwins.StateDict(source), StateDictBridge.Read<T>(twin));
    }

    private void RoundTripThroughFiles<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        Rng.ManualSeed(1);
        var source = ScratchTwins.CharLanguageModel<T>(15, 4, 7);
        Rng.ManualSeed(2);
        var target = ScratchTwins.CharLanguageModel<T>(15, 4, 7);
        using var twin = new CharLanguageModel(15, 4, 7, TensorBridge.DType<T>());

        string scratchFile = Path.Combine(_dir, "scratch.safetensors"), twinFile = Path.Combine(_dir, "twin.safetensors");
        ScratchTwins.Save(source, scratchFile);
        twin.load_safetensors(scratchFile);
        AssertSame(ScratchTwins.StateDict(source), StateDictBridge.Read<T>(twin));

        twin.save_safetensors(twinFile);
        ScratchTwins.Load(target, twinFile);
        AssertSame(ScratchTwins.StateDict(source), ScratchTwins.StateDict(target));
    }

    [Fact] public void Float32_round_trip_through_the_scratch_reader() => RoundTripThroughScratchReader<float>();
    [Fact] public void Float64_round_trip_through_the_scratch_reader() => RoundTripThroughScratchReader<double>();

    private void RoundTripThroughScratchReader<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        Rng.ManualSeed(1);
        var source = ScratchTwins.PriceRegressor<T>(firstHidden: 8, secondHidden: 4);
        using var twin = new PriceRegressor(firstHidden: 8, secondHidden: 4, dtype: TensorBridge.DType<T>());
        using var other = new PriceRegressor(firstHidden: 8, secondHidden: 4, dtype: TensorBridge.DType<T>());

        string scratchFile = Path.Combine(_dir, "scratch.safetensors"), twinFile = Path.Combine(_dir, "twin.safetensors");
        ScratchTwins.Save(source, scratchFile);
        ScratchTwins.LoadFile(twin, scratchFile);
        AssertSame(ScratchTwins.StateDict(source), StateDictBridge.Read<T>(twin));

        ScratchTwins.SaveFile(twin, twinFile);
        other.load_safetensors(twinFile);                       // PyBridge reads what the twin wrote
        AssertSame(ScratchTwins.StateDict(source), StateDictBridge.Read<T>(other));
    }

    [Fact]
    public void A_file_for_another_model_names_the_file_and_the_parameter()
    {
        string file = Path.Combine(_dir, "chars.safetensors");
        ScratchTwins.Save(ScratchTwins.CharLanguageModel<float>(10, 4, 6), file);
        using var twin = new PriceRegressor();
        var e = Assert.Throws<InvalidDataException>(() => ScratchTwins.LoadFile(twin, file));
        Assert.Contains(file, e.Message);
        Assert.Contains("'embedding.weight'", e.Message);
    }

    [Fact]
    public void An_unknown_parameter_name_is_named_in_the_error()
    {
        using var twin = new PriceRegressor();
        var state = ScratchTwins.StateDict(ScratchTwins.PriceRegressor<float>());
        state["rnn_2.weight_ih_l0"] = state["rnn.weight_ih_l0"];
        var e = Assert.Throws<KeyNotFoundException>(() => StateDictBridge.Load(twin, state));
        Assert.Contains("'rnn_2.weight_ih_l0'", e.Message);
    }

    [Fact]
    public void A_shape_mismatch_names_the_parameter_and_both_shapes()
    {
        using var twin = new PriceRegressor(firstHidden: 16);
        var e = Assert.Throws<ArgumentException>(() => ScratchTwins.CopyTo(ScratchTwins.PriceRegressor<float>(), twin));
        Assert.Contains("'rnn.weight_ih_l0' has shape [16, 1], the state holds [64, 1]", e.Message);
    }

    [Fact]
    public void A_missing_parameter_is_named_in_the_error()
    {
        using var twin = new PriceRegressor();
        var state = ScratchTwins.StateDict(ScratchTwins.PriceRegressor<float>());
        state.Remove("linear.bias");
        var e = Assert.Throws<KeyNotFoundException>(() => StateDictBridge.Load(twin, state));
        Assert.Contains("linear.bias", e.Message);
    }

    private static IEnumerable<string> Names<T>(global::RnnNotebooks.Nn.Sequential<T> model) where T : unmanaged, IFloatingPointIeee754<T> =>
        ScratchTwins.StateDict(model).Keys.Order();

    private static void AssertSame<T>(IReadOnlyDictionary<string, Tensor<T>> expected, IReadOnlyDictionary<string, Tensor<T>> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, e) in expected)
        {
            Assert.Equal(e.Shape, actual[name].Shape);
            Assert.True(e.Data.SequenceEqual(actual[name].Data), $"{name}: values changed on the way");
        }
    }
}
