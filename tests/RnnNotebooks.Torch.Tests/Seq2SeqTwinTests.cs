using System.Numerics;
using RnnNotebooks.Attention;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Seq2Seq;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Torch.Models;
using RnnNotebooks.Torch.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// The encoder–decoder against its TorchSharp twin on the same weights and a padded batch of dates:
/// teacher-forced logits, the padded cross-entropy, and the gradient of every parameter.
/// </summary>
public sealed class Seq2SeqTwinTests(ITestOutputHelper output)
{
    public static TheoryData<AttentionKind, bool> Kinds => new()
    {
        { AttentionKind.Additive, true }, { AttentionKind.DotProduct, true }, { AttentionKind.None, false }, { AttentionKind.Additive, false },
    };

    [Theory, MemberData(nameof(Kinds))]
    public void Same_weights_same_loss_and_gradients_float32(AttentionKind kind, bool bidirectional) => Compare<float>(kind, bidirectional);

    [Theory, MemberData(nameof(Kinds))]
    public void Same_weights_same_loss_and_gradients_float64(AttentionKind kind, bool bidirectional) => Compare<double>(kind, bidirectional);

    private void Compare<T>(AttentionKind kind, bool bidirectional) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var pairs = DateTask.Generate(6, new Rng(4));
        var vocab = Seq2SeqVocabulary.FromPairs(pairs);
        var batch = Seq2SeqBatch<T>.Create(pairs, vocab);     // sources of different lengths: padded and packed
        Rng.ManualSeed(12);
        var scratch = ScratchTwins.EncoderDecoder<T>(vocab.Count, 6, 5, bidirectional, kind, attentionSize: 7);
        using var twin = new Seq2SeqAttention(vocab.Count, 6, 5, bidirectional, kind, attentionSize: 7, dtype: TensorBridge.DType<T>());
        ScratchTwins.CopyTo(scratch, twin);
        var check = new Agreement<T>($"seq2seq ({kind}, {(bidirectional ? "bidirectional" : "one direction")})", output);

        var loss = TeacherForcing.Loss<T>();
        var logits = scratch.forward(batch.Source, batch.DecoderInput);
        double scratchLoss = loss.forward(logits, batch.DecoderTarget);
        scratch.backward(loss.backward());

        using var scope = torch.NewDisposeScope();
        var twinLogits = twin.forward(TensorBridge.ToTorchIndices(batch.Source), TensorBridge.ToTorchIndices(batch.DecoderInput));
        var twinLoss = torch.nn.functional.cross_entropy(twinLogits.reshape(-1, vocab.Count),
            TensorBridge.ToTorchIndices(batch.DecoderTarget).reshape(-1), ignore_index: Seq2SeqVocabulary.Pad);
        twinLoss.backward();

        check.Close("logits", twinLogits, logits);
        check.Close("loss", twinLoss.to_type(torch.ScalarType.Float64).item<double>(), scratchLoss);
        check.CloseAll("grad", StateDictBridge.Gradients<T>(twin), ScratchTwins.Gradients(scratch));
        check.Report();
    }

    [Fact]
    public void Dot_product_needs_equal_sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Seq2SeqAttention(10, 4, 5, true, AttentionKind.DotProduct, decoderHiddenSize: 6));
        Assert.Contains("(6)", e.Message); Assert.Contains("(10)", e.Message);
    }
}
