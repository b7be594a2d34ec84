using System.Numerics;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Training;

/// <summary>
/// The explicit training loop of a character language model <c>Embedding → RNN/LSTM/GRU (every step) →
/// Linear(vocabulary)</c>: forward from the carried state, softmax cross-entropy, BPTT, clip by global norm,
/// optimizer step. With <see cref="CarryState"/> the final state of batch i (detached: no gradient crosses
/// it) starts batch i+1, whose rows continue the rows of batch i (<see cref="BpttBatcher"/>); every epoch,
/// every evaluation and every generation starts from zeros.
/// </summary>
public sealed class TruncatedBptt<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SoftmaxCrossEntropy<T> _loss = new();

    /// <summary>Wraps <paramref name="model"/>, which must hold an <see cref="Embedding{T}"/>, a recurrent layer
    /// with <c>returnSequences</c> and a <see cref="Linear{T}"/>, in that order.</summary>
    public TruncatedBptt(Sequential<T> model, Optimizer<T> optimizer, double clipNorm = 5.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (model.Modules.Count != 3 || model.Modules[0] is not Embedding<T> embedding || model.Modules[1] is not RNNBase<T> recurrent
            || model.Modules[2] is not Linear<T> linear)
            throw new ArgumentException($"TruncatedBptt: expected Embedding → RNN/LSTM/GRU → Linear, got {string.Join(" → ", model.Modules.Select(m => m.GetType().Name.Split('`')[0]))}.", nameof(model));
        if (!recurrent.ReturnSequences)
            throw new ArgumentException($"TruncatedBptt: the recurrent layer '{recurrent.Name}' must return every step (returnSequences: true).", nameof(model));
        if (!(clipNorm > 0)) throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, "TruncatedBptt: clipNorm must be positive.");
        Model = model; Embedding = embedding; Recurrent = recurrent; Linear = linear;
        Optimizer = optimizer; ClipNorm = clipNorm;
    }

    /// <summary>The model being trained.</summary>
    public Sequential<T> Model { get; }
    /// <summary>The embedding (first module).</summary>
    public Embedding<T> Embedding { get; }
    /// <summary>The recurrent layer (second module).</summary>
    public RNNBase<T> Recurrent { get; }
    /// <summary>The output layer (third module): logits over the vocabulary.</summary>
    public Linear<T> Linear { get; }
    /// <summary>The optimizer applied after clipping.</summary>
    public Optimizer<T> Optimizer { get; }
    /// <summary>Maximum global gradient norm.</summary>
    public double ClipNorm { get; }
    /// <summary>Whether each training batch starts from the previous batch's final state (true) or from zeros.</summary>
    public bool CarryState { get; set; } = true;
    /// <summary>The state the next training batch starts from (null: zeros).</summary>
    public RecurrentState<T>? State { get; private set; }
    /// <summary>The global gradient norm of the last step, before clipping.</summary>
    public double LastGradientNorm { get; private set; }

    /// <summary>Forgets the carried state: the next batch starts from zeros.</summary>
    public void ResetState() => State = null;

    /// <summary>One step on inputs and targets [batch, steps]; returns the mean loss in nats per character.</summary>
    public double TrainStep(int[,] x, int[,] y)
    {
        if (State is not null && State.H.Shape[1] != x.GetLength(0)) State = null;
        var (logits, final) = Forward(x, State);
        double loss = _loss.forward(logits, Tensor.FromIndices<T>(y));
        Model.zero_grad();
        var dLogits = _loss.backward();
        Embedding.backward(Recurrent.backward(Linear.backward(dLogits), null));
        LastGradientNorm = GradientClipping.ClipByGlobalNorm(Model.parameters(), ClipNorm);
        Optimizer.Step();
        State = CarryState ? final.Detach() : null;
        return loss;
    }

    /// <summary>One pass over <paramref name="batches"/> in order, from a zero state; <paramref name="onBatch"/>
    /// gets the batch index and its loss. Returns the mean loss.</summary>
    public double TrainEpoch(BpttBatcher batches, Action<int, double>? onBatch = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ResetState();
        double sum = 0;
        for (int i = 0; i < batches.BatchCount; i++)
        {
            var (x, y) = batches.GetBatch(i);
            double loss = TrainStep(x, y);
            sum += loss;
            onBatch?.Invoke(i, loss);
        }
        ResetState();
        return sum / batches.BatchCount;
    }

    /// <summary>Mean cross-entropy (nats per character) on <paramref name="batches"/>, without training; the state
    /// runs on from batch to batch when <paramref name="carryState"/>, else every batch starts from zeros.</summary>
    public double Evaluate(BpttBatcher batches, bool carryState = true)
    {
        ArgumentNullException.ThrowIfNull(batches);
        RecurrentState<T>? state = null;
        double sum = 0;
        for (int i = 0; i < batches.BatchCount; i++)
        {
            var (x, y) = batches.GetBatch(i);
            var (logits, final) = Forward(x, state);
            sum += _loss.forward(logits, Tensor.FromIndices<T>(y));
            state = carryState ? final : null;
        }
        return sum / batches.BatchCount;
    }

    /// <summary>The recurrent layer's top-layer output at every position of <paramref name="ids"/>, [ids, hidden], from zeros.</summary>
    public Tensor<T> HiddenStates(int[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var input = new int[1, ids.Length];
        for (int t = 0; t < ids.Length; t++) input[0, t] = ids[t];
        var output = Recurrent.forward(Embedding.forward(Tensor.FromIndices<T>(input)), null).Output;
        return output.Reshape(ids.Length, output.Shape[2]);
    }

    /// <summary>The next-character logits after the model reads <paramref name="prime"/> from zeros.</summary>
    public double[] NextLogits(CharVocabulary vocabulary, string prime)
    {
        var (last, _) = Prime(vocabulary, prime);
        return last;
    }

    /// <summary>
    /// Generates <paramref name="length"/> characters after <paramref name="prime"/>: the model reads the prime
    /// from zeros, then each sampled character (<see cref="CharSampler"/> at <paramref name="temperature"/>) is fed back.
    /// </summary>
    public string Generate(CharVocabulary vocabulary, string prime, int length, double temperature, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "Generate: length must be 0 or more.");
        var (last, state) = Prime(vocabulary, prime);
        var generated = new char[length];
        for (int n = 0; n < length; n++)
        {
            int next = CharSampler.Sample(last, temperature, rng);
            generated[n] = vocabulary.CharOf(next);
            Tensor<T> logits;
            (logits, state) = Forward(new int[1, 1] { { next } }, state);
            for (int j = 0; j < last.Length; j++) last[j] = double.CreateTruncating(logits.Data[j]);
        }
        return new string(generated);
    }

    private (double[] Last, RecurrentState<T> State) Prime(CharVocabulary vocabulary, string prime)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (string.IsNullOrEmpty(prime)) throw new ArgumentException("The prime needs at least one character.", nameof(prime));
        var ids = vocabulary.Encode(prime);
        var x = new int[1, ids.Length];
        for (int t = 0; t < ids.Length; t++) x[0, t] = ids[t];
        var (logits, state) = Forward(x, null);
        int vocab = logits.Shape[2], offset = (ids.Length - 1) * vocab;
        var last = new double[vocab];
        for (int j = 0; j < vocab; j++) last[j] = double.CreateTruncating(logits.Data[offset + j]);
        return (last, state);
    }

    private (Tensor<T> Logits, RecurrentState<T> Final) Forward(int[,] x, RecurrentState<T>? state)
    {
        var output = Recurrent.forward(Embedding.forward(Tensor.FromIndices<T>(x)), state);
        return (Linear.forward(output.Output), output.FinalState);
    }
}
