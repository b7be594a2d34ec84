using System.Numerics;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Training;

/// <summary>
/// The explicit training loop of a language model over a long stream: forward from the carried state,
/// softmax cross-entropy, BPTT, clip by global norm, optimizer step. The model is any module that takes
/// and returns a recurrent state (<see cref="IRecurrentModule{T}"/>): token ids [batch, steps] in, logits
/// [batch, steps, vocabulary] and the final state out, e.g. <c>Embedding → RNN/LSTM/GRU (every step) →
/// Linear(vocabulary)</c> in a <see cref="Sequential{T}"/>, or a model class with those fields. With
/// <see cref="CarryState"/> the final state of batch i (detached: no gradient crosses it) starts batch i+1,
/// whose rows continue the rows of batch i (<see cref="BpttBatcher"/>); every epoch, every evaluation and
/// every generation starts from zeros.
/// </summary>
public sealed class TruncatedBptt<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SoftmaxCrossEntropy<T> _loss = new();
    private readonly IRecurrentModule<T> _recurrent;

    /// <summary>The most characters <see cref="Generate"/> makes in one call.</summary>
    public const int MaxGenerated = 100_000_000;

    /// <summary>Wraps <paramref name="model"/>, a module that implements <see cref="IRecurrentModule{T}"/>
    /// (a <see cref="Sequential{T}"/> must hold exactly one recurrent layer, returning every step). <paramref name="clipNorm"/> is
    /// positive and finite (a huge one clips nothing in practice).</summary>
    public TruncatedBptt(Module<T> model, Optimizer<T> optimizer, double clipNorm = 5.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (model is not IRecurrentModule<T> recurrent)
            throw new ArgumentException($"TruncatedBptt: model '{model.Name}' ({model.GetType().Name.Split('`')[0]}) does not take and return a state; " +
                "implement IRecurrentModule<T> (forward(input, state) → output and final state, backward(outputGradient, stateGradient)).", nameof(model));
        if (model is Sequential<T> chain)
        {
            if (chain.Modules.OfType<IRecurrentModule<T>>().Count() != 1)
                throw new ArgumentException($"TruncatedBptt: expected one recurrent layer, e.g. Embedding → RNN/LSTM/GRU → Linear, got {chain.Chain()}.", nameof(model));
            if (chain.Modules.OfType<RNNBase<T>>().FirstOrDefault() is { ReturnSequences: false } layer)
                throw new ArgumentException($"TruncatedBptt: the recurrent layer '{layer.Name}' must return every step (returnSequences: true).", nameof(model));
        }
        if (!(clipNorm > 0 && double.IsFinite(clipNorm))) throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, $"TruncatedBptt: clipNorm must be positive and finite, got {clipNorm}.");
        optimizer.ExpectParametersOf(model, "TruncatedBptt");
        Model = model; _recurrent = recurrent;
        Optimizer = optimizer; ClipNorm = clipNorm;
    }

    /// <summary>The model being trained.</summary>
    public Module<T> Model { get; }
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

    /// <summary>
    /// Saves the model, the optimizer's state and the model's random generators after <paramref name="epochsDone"/>
    /// (0 or more) epochs, atomically (<see cref="Checkpoint"/>), with optional <paramref name="values"/> of the caller's
    /// (e.g. a loss curve). Call it after <see cref="TrainEpoch"/>; <see cref="ResumeFrom"/> continues from it.
    /// </summary>
    public void SaveCheckpoint(string path, int epochsDone, IReadOnlyDictionary<string, string>? values = null)
    {
        if (epochsDone < 0) throw new ArgumentOutOfRangeException(nameof(epochsDone), epochsDone, "TruncatedBptt: epochsDone must be 0 or more.");
        var all = new Dictionary<string, string>(values ?? new Dictionary<string, string>())
        {
            ["epoch"] = epochsDone.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["carry_state"] = CarryState ? "true" : "false",
        };
        Checkpoint.Save(path, Model, Optimizer, all);
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> and returns the epochs it had done and the
    /// caller's values; when <paramref name="path"/> does not exist, changes nothing and returns 0 epochs (a fresh
    /// start), so <c>for (int e = loop.ResumeFrom(path).Epochs + 1; e &lt;= epochs; e++)</c> runs either way.
    /// </summary>
    public (int Epochs, Dictionary<string, string> Values) ResumeFrom(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return (0, []);
        var (values, _) = Checkpoint.Load(path, Model, Optimizer);
        if (!values.TryGetValue("epoch", out var e) || !int.TryParse(e, System.Globalization.CultureInfo.InvariantCulture, out int epochs) || epochs < 0)
            throw new InvalidDataException($"{path}: the checkpoint has no valid epoch count ('{e ?? "missing"}').");
        ResetState();
        values.Remove("epoch"); values.Remove("carry_state");
        return (epochs, values);
    }

    /// <summary>Forgets the carried state: the next batch starts from zeros.</summary>
    public void ResetState() => State = null;

    /// <summary>One step on inputs and targets [batch, steps]; returns the mean loss in nats per character.</summary>
    public double TrainStep(int[,] x, int[,] y)
    {
        if (State is not null && State.H.Shape[1] != x.GetLength(0)) State = null;
        var (logits, final) = Forward(x, State);
        double loss = _loss.forward(logits, Tensor.FromIndices<T>(y));
        Model.zero_grad();
        _recurrent.backward(_loss.backward(), null);
        LastGradientNorm = GradientClipping.ClipByGlobalNorm(Model.parameters(), ClipNorm);
        Optimizer.step();
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

    /// <summary>
    /// Mean cross-entropy (nats per character) at each position 0 … steps − 1 within a batch, over every batch and row of
    /// <paramref name="batches"/>, without training: the state runs on from batch to batch when <paramref name="carryState"/>,
    /// else every batch starts from zeros (its first positions are then predicted from little context). The mean of the
    /// result is <see cref="Evaluate"/>'s loss.
    /// </summary>
    public double[] LossByPosition(BpttBatcher batches, bool carryState = true)
    {
        ArgumentNullException.ThrowIfNull(batches);
        RecurrentState<T>? state = null;
        int steps = batches.Steps, rows = batches.BatchSize;
        var sum = new double[steps];
        for (int i = 0; i < batches.BatchCount; i++)
        {
            var (x, y) = batches.GetBatch(i);
            var (logits, final) = Forward(x, state);
            int vocab = logits.Shape[2];
            for (int b = 0; b < rows; b++)
                for (int t = 0; t < steps; t++)
                {
                    int offset = (b * steps + t) * vocab;
                    double max = double.NegativeInfinity, exp = 0;
                    for (int j = 0; j < vocab; j++) max = Math.Max(max, double.CreateTruncating(logits.Data[offset + j]));
                    for (int j = 0; j < vocab; j++) exp += Math.Exp(double.CreateTruncating(logits.Data[offset + j]) - max);
                    sum[t] += max + Math.Log(exp) - double.CreateTruncating(logits.Data[offset + y[b, t]]);   // −ln softmax(z)[target]
                }
            state = carryState ? final : null;
        }
        for (int t = 0; t < steps; t++) sum[t] /= (double)batches.BatchCount * rows;
        return sum;
    }

    /// <summary>The recurrent layer's top-layer output at every position of <paramref name="ids"/>, [ids, hidden], from zeros:
    /// the modules of a <see cref="Sequential{T}"/> model up to and including its recurrent layer.</summary>
    public Tensor<T> HiddenStates(int[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (Model is not Sequential<T> chain)
            throw new NotSupportedException($"TruncatedBptt: HiddenStates reads the recurrent layer of a Sequential model; for '{Model.Name}', call its recurrent layer's forward.");
        var input = new int[1, ids.Length];
        for (int t = 0; t < ids.Length; t++) input[0, t] = ids[t];
        var x = Tensor.FromIndices<T>(input);
        foreach (var m in chain.Modules)
        {
            x = m.forward(x);
            if (m is IRecurrentModule<T>) break;
        }
        return x.Reshape(ids.Length, x.Shape[2]);
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
    /// <paramref name="length"/> is in [0, <see cref="MaxGenerated"/>] (0: the prime only, nothing generated); a temperature of 0 picks the most
    /// likely character each step, a huge one samples nearly uniform characters. <paramref name="topK"/> (0 keeps every character, as does
    /// a value larger than the vocabulary) and <paramref name="topP"/> (in (0, 1]; 1 keeps every character) restrict each draw to the most
    /// likely characters: top-k and nucleus sampling (<see cref="CharSampler.Probabilities"/>).
    /// </summary>
    public string Generate(CharVocabulary vocabulary, string prime, int length, double temperature, Rng rng, int topK = 0, double topP = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (length < 0 || length > MaxGenerated) throw new ArgumentOutOfRangeException(nameof(length), length, $"Generate: length must be in [0, {MaxGenerated:N0}], got {length}.");
        _ = CharSampler.Probabilities([0.0], 1.0, topK, topP);          // refuses a bad topK or topP before any work
        var (last, state) = Prime(vocabulary, prime);
        if (last.Length != vocabulary.Count)
            throw new ArgumentException($"Generate: the model scores {last.Length} characters, the vocabulary has {vocabulary.Count}; use the vocabulary the model was trained with.", nameof(vocabulary));
        var generated = new char[length];
        for (int n = 0; n < length; n++)
        {
            int next = CharSampler.Sample(last, temperature, rng, topK, topP);
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
        var output = _recurrent.forward(Tensor.FromIndices<T>(x), state);
        var logits = output.Output;
        if (logits.Rank != 3 || logits.Shape[0] != x.GetLength(0) || logits.Shape[1] != x.GetLength(1))
            throw new ShapeException($"TruncatedBptt: model '{Model.Name}' returned {Tensor.Format(logits.Shape)} for ids [{x.GetLength(0)}, {x.GetLength(1)}]; " +
                "a language model returns logits [batch, steps, vocabulary] (its recurrent layer must return every step).");
        return (logits, output.FinalState);
    }
}
