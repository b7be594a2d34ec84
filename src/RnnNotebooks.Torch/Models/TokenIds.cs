using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>Checks token ids before libtorch's embedding lookup, which fails with a C++ stack trace on an id out of range.</summary>
internal static class TokenIds
{
    /// <summary>Throws naming the model and the first bad id unless <paramref name="ids"/> is an integer tensor [batch, steps] of ids in [0, vocabulary).</summary>
    public static void Expect(Tensor ids, long vocabulary, string model)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.dtype is not (ScalarType.Int64 or ScalarType.Int32))
            throw new ArgumentException($"{model}: token ids must be an int64 tensor [batch, steps], got {ids.dtype} (TensorBridge.Ids converts them).", nameof(ids));
        if (ids.dim() != 2)
            throw new ArgumentException($"{model}: token ids must be [batch, steps], got shape [{string.Join(", ", ids.shape)}].", nameof(ids));
        if (ids.numel() == 0) throw new ArgumentException($"{model}: no token ids (shape [{string.Join(", ", ids.shape)}]).", nameof(ids));
        using var scope = NewDisposeScope();
        var bad = (ids < 0).logical_or(ids >= vocabulary).nonzero();
        if (bad.shape[0] == 0) return;
        long b = bad[0, 0].ToInt64(), t = bad[0, 1].ToInt64();
        throw new ArgumentOutOfRangeException(nameof(ids),
            $"{model}: token id {ids[b, t].ToInt64()} at [{b}, {t}] is not in [0, {vocabulary}) ({bad.shape[0]} ids out of range); is the vocabulary the one the model was built for?");
    }
}
