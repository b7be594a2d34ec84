using RnnNotebooks.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Tests;

/// <summary>Token ids out of range are named before libtorch's lookup, which would fail with a C++ stack trace.</summary>
public sealed class TokenIdTests
{
    [Fact]
    public void An_id_beyond_the_vocabulary_is_named_with_its_position()
    {
        using var model = new ImdbClassifier(10, 4, 3);
        using var ids = torch.tensor(new long[] { 1, 2, 3, 4, 10, 5 }, [2, 3]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.forward(ids));
        Assert.Contains("ImdbClassifier: token id 10 at [1, 1] is not in [0, 10) (1 ids out of range)", e.Message);
    }

    [Fact]
    public void A_negative_id_and_a_float_tensor_are_refused_by_the_char_model()
    {
        using var model = new CharLanguageModel(5, 3, 4);
        using var negative = torch.tensor(new long[] { 0, -1 }, [1, 2]);
        Assert.Contains("token id -1 at [0, 1] is not in [0, 5)", Assert.Throws<ArgumentOutOfRangeException>(() => model.forward(negative)).Message);
        using var floats = torch.zeros(1, 2);
        Assert.Contains("CharLanguageModel: token ids must be an int64 tensor [batch, steps], got Float32", Assert.Throws<ArgumentException>(() => model.forward(floats)).Message);
        using var good = torch.tensor(new long[] { 0, 4 }, [1, 2]);
        using var logits = model.forward(good);
        Assert.Equal(new long[] { 1, 2, 5 }, logits.shape);
    }
}
