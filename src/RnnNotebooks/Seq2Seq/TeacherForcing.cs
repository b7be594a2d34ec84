using System.Numerics;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Seq2Seq;

/// <summary>
/// Training an <see cref="EncoderDecoder{T}"/> with teacher forcing: the decoder reads the true previous
/// character at every step, and the loss is the cross-entropy of every target character and &lt;/s&gt;
/// (padding ignored). One step is the loop every framework writes:
/// <code>
/// model.zero_grad(); loss = ce.forward(model.forward(src, decIn), decOut); model.backward(ce.backward()); clip; opt.step();
/// </code>
/// </summary>
public static class TeacherForcing
{
    /// <summary>The loss of the course's seq2seq models: cross-entropy with the padding id ignored.</summary>
    public static SoftmaxCrossEntropy<T> Loss<T>() where T : unmanaged, IFloatingPointIeee754<T> => new() { IgnoreIndex = Seq2SeqVocabulary.Pad };

    /// <summary>One gradient step on a batch (gradients clipped to the global norm <paramref name="clipNorm"/> when given: positive and finite,
    /// and a huge value clips nothing in practice); returns the batch loss.</summary>
    public static double Step<T>(EncoderDecoder<T> model, Seq2SeqBatch<T> batch, Loss<T> loss, Optimizer<T> optimizer, double? clipNorm = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (clipNorm is double cn && !(cn > 0 && double.IsFinite(cn)))
            throw new ArgumentOutOfRangeException(nameof(clipNorm), cn, $"TeacherForcing: clipNorm must be positive and finite, got {cn}.");
        model.train();
        model.zero_grad();
        double value = loss.forward(model.forward(batch.Source, batch.DecoderInput), batch.DecoderTarget);
        if (!double.IsFinite(value)) throw new TrainingDivergedException(0, 0, value);
        model.backward(loss.backward());
        if (clipNorm is double c) GradientClipping.ClipByGlobalNorm(model.parameters(), c);
        optimizer.step();
        return value;
    }

    /// <summary>The mean teacher-forced loss over batches, without a gradient step (evaluation mode).</summary>
    public static double Evaluate<T>(EncoderDecoder<T> model, IEnumerable<Seq2SeqBatch<T>> batches, Loss<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        model.eval();
        double sum = 0; int n = 0;
        foreach (var b in batches) { sum += loss.forward(model.forward(b.Source, b.DecoderInput), b.DecoderTarget) * b.Count; n += b.Count; }
        return sum / n;
    }
}
