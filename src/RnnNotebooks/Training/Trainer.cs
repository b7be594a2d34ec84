using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Training;

/// <summary>
/// The training loop of any model (a <see cref="Sequential{T}"/> or a <see cref="Module{T}"/> class of your
/// own; Keras's <c>compile</c> + <c>fit</c>):
/// shuffled mini-batches, optional gradient clipping, validation, history, callbacks and early stopping.
/// Training stops with a <see cref="TrainingDivergedException"/> naming the layer or weight as soon as
/// an output or a weight becomes NaN or ±∞, and warns (once per fit) when a step changes the weights
/// by more than their own size (see <see cref="UpdateRatioWarning"/>): the sign of a learning rate
/// so large that units saturate and training stalls without ever producing NaN.
/// </summary>
public sealed class Trainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a trainer for a model, loss, optimizer and metrics.</summary>
    public Trainer(Module<T> model, Loss<T> loss, Optimizer<T> optimizer, params Metric<T>[] metrics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.ExpectParametersOf(model, "Trainer");
        Model = model; Loss = loss; Optimizer = optimizer; Metrics = metrics;
        _guard = new DivergenceGuard<T>(model, optimizer);
    }

    /// <summary>The model being trained.</summary>
    public Module<T> Model { get; }
    /// <summary>The training loss.</summary>
    public Loss<T> Loss { get; }
    /// <summary>The optimizer.</summary>
    public Optimizer<T> Optimizer { get; }
    /// <summary>Metrics reported each epoch.</summary>
    public IReadOnlyList<Metric<T>> Metrics { get; }
    /// <summary>Clip gradients to this global L2 norm before each step (null: no clipping); positive and finite (a huge one clips nothing in practice).</summary>
    public double? ClipNorm { get => _clipNorm; set => _clipNorm = PositiveOrNull(value, nameof(ClipNorm)); }
    /// <summary>Clip each gradient element to ±this value before each step (null: no clipping); positive and finite (a huge one clips nothing in practice).</summary>
    public double? ClipValue { get => _clipValue; set => _clipValue = PositiveOrNull(value, nameof(ClipValue)); }

    private double? _clipNorm, _clipValue;
    private double _updateRatioWarning = 1.0;

    private static double? PositiveOrNull(double? value, string name) =>
        value is not double v || (v > 0 && double.IsFinite(v)) ? value
        : throw new ArgumentOutOfRangeException(name, v, $"Trainer: {name} must be positive and finite (or null for none), got {v}.");

    /// <summary>
    /// A step whose update norm exceeds this multiple of the weight norm (|Δθ| / |θ| over all
    /// parameters) prints a warning and adds it to <see cref="History.Warnings"/>. Healthy steps are
    /// around 1e-3; the default 1 means the step was larger than the weights themselves. Positive: a huge value warns only past
    /// that ratio, PositiveInfinity: never warn.
    /// </summary>
    public double UpdateRatioWarning
    {
        get => _updateRatioWarning;
        set => _updateRatioWarning = value > 0 ? value   // +∞ turns the warning off
            : throw new ArgumentOutOfRangeException(nameof(UpdateRatioWarning), value, $"Trainer: UpdateRatioWarning must be positive (PositiveInfinity: never warn), got {value}.");
    }

    /// <summary>Every warning this trainer printed, oldest first.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = [];
    private History? _history;
    private bool _warnedRatio;
    private readonly DivergenceGuard<T> _guard;

    /// <summary>Trains on examples <paramref name="x"/> (first axis) with targets <paramref name="y"/>.</summary>
    public History Fit(Tensor<T> x, Tensor<T> y, FitOptions? options = null)
    {
        options ??= new FitOptions();
        int n = CheckExamples(x, y);
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Fit: Epochs must be at least 1.");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "Fit: BatchSize must be at least 1.");
        if (!(options.ValidationSplit >= 0 && options.ValidationSplit < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.ValidationSplit, $"Fit: ValidationSplit must be in [0, 1), got {options.ValidationSplit}.");
        ExpectFinite(x, "input", n);
        ExpectFinite(y, "target", n);

        int nVal = (int)(n * options.ValidationSplit), nTrain = n - nVal;
        if (nVal > 0) RefuseSortedLabels(y);
        if (nTrain == 0) throw new ArgumentException($"Fit: no training examples left after holding out {nVal} of {n} for validation.");
        if (options.EarlyStopping is { Monitor: var m } && m.StartsWith("val_") && nVal == 0)
            throw new ArgumentException($"Fit: early stopping monitors '{m}' but there is no validation split.");
        Tensor<T>? xVal = nVal > 0 ? Batching.Slice(x, nTrain, nVal) : null, yVal = nVal > 0 ? Batching.Slice(y, nTrain, nVal) : null;

        var history = new History();
        _history = history;
        _warnedRatio = false;
        try { return Run(x, y, options, n, nTrain, nVal, xVal, yVal, history); }
        finally { _history = null; Model.ReleaseBuffers(); }   // a trained model kept for later holds only its parameters
    }

    private History Run(Tensor<T> x, Tensor<T> y, FitOptions options, int n, int nTrain, int nVal, Tensor<T>? xVal, Tensor<T>? yVal, History history)
    {
        var rng = new Rng(options.Seed);
        var order = new int[nTrain];
        int batches = (nTrain + options.BatchSize - 1) / options.BatchSize;
        var run = new FitState { History = history };
        var identity = RunIdentity(options, n, nTrain);
        if (options.CheckpointPath is { } resumeFrom && File.Exists(resumeFrom))
        {
            run = Resume(resumeFrom, identity, rng);
            _history = history = run.History;
            if (options.Verbose) Console.WriteLine($"Resuming from {resumeFrom}: {run.Epoch} of {options.Epochs} epochs done.");
            if (history.StoppedEpoch is not null) return history;
        }

        for (int epoch = run.Epoch + 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < nTrain; i++) order[i] = i;
            if (options.Shuffle) rng.Shuffle<int>(order);
            foreach (var metric in Metrics) metric.Reset();
            double lossSum = 0;
            for (int b = 0; b < batches; b++)
            {
                int start = b * options.BatchSize, count = Math.Min(options.BatchSize, nTrain - start);
                var idx = order.AsSpan(start, count);
                var xb = Batching.Gather(x, idx);
                var yb = Batching.Gather(y, idx);
                double loss = TrainStep(xb, yb, epoch, b + 1);
                lossSum += loss * count;
                options.OnBatchEnd?.Invoke(new BatchProgress(epoch, b + 1, batches, loss));
            }
            var values = new Dictionary<string, double> { ["loss"] = lossSum / nTrain };
            foreach (var metric in Metrics) values[metric.Name] = metric.Result();
            if (xVal is not null && yVal is not null)
                foreach (var (k, v) in Evaluate(xVal, yVal, options.BatchSize, $"validation after epoch {epoch}", epoch)) values["val_" + k] = v;
            history.Add(values);
            history.EpochSeconds.Add(clock.Elapsed.TotalSeconds);
            var result = new EpochResult(epoch, options.Epochs, values, clock.Elapsed, history);
            if (options.Verbose) Console.WriteLine(result);
            options.OnEpochEnd?.Invoke(result);

            if (options.EarlyStopping is { } es)
            {
                if (!values.TryGetValue(es.Monitor, out double current))
                    throw new KeyNotFoundException($"Fit: early stopping monitors '{es.Monitor}', which is not among {string.Join(", ", values.Keys)}.");
                bool improved = double.IsNaN(run.Best) || (es.Maximize ? current > run.Best + es.MinDelta : current < run.Best - es.MinDelta);
                if (improved)
                {
                    run.Best = current; run.SinceBest = 0;
                    if (es.RestoreBestWeights) run.BestWeights = Model.state_dict();
                }
                else if (++run.SinceBest >= es.Patience)
                {
                    history.StoppedEpoch = epoch;
                    if (run.BestWeights is not null) Model.load_state_dict(run.BestWeights);
                    if (options.Verbose) Console.WriteLine($"Early stopping at epoch {epoch}: {es.Monitor} did not improve for {es.Patience} epochs (best {run.Best:F4}).");
                }
            }
            run.Epoch = epoch;
            if (options.CheckpointPath is { } path) SaveCheckpoint(path, run, identity, rng);
            if (history.StoppedEpoch is not null) break;
        }
        return history;
    }

    /// <summary>What a resumed fit continues: the epochs done, the history and early stopping's bookkeeping.</summary>
    private sealed class FitState
    {
        public int Epoch;
        public required History History;
        public double Best = double.NaN;
        public int SinceBest;
        public Dictionary<string, Tensor<T>>? BestWeights;
    }

    /// <summary>The settings a checkpoint must have been written with to be resumed by this fit.</summary>
    private static Dictionary<string, string> RunIdentity(FitOptions o, int n, int nTrain) => new()
    {
        ["examples"] = n.ToString(CultureInfo.InvariantCulture),
        ["training_examples"] = nTrain.ToString(CultureInfo.InvariantCulture),
        ["batch_size"] = o.BatchSize.ToString(CultureInfo.InvariantCulture),
        ["seed"] = o.Seed.ToString(CultureInfo.InvariantCulture),
        ["shuffle"] = o.Shuffle ? "true" : "false",
        ["early_stopping"] = o.EarlyStopping is { } es ? FormattableString.Invariant($"{es.Monitor}/{es.Patience}/{es.MinDelta:R}/{es.RestoreBestWeights}") : "none",
    };

    private void SaveCheckpoint(string path, FitState run, Dictionary<string, string> identity, Rng rng)
    {
        var values = new Dictionary<string, string>(identity)
        {
            ["epoch"] = run.Epoch.ToString(CultureInfo.InvariantCulture),
            ["shuffle_rng"] = rng.GetState(),
            ["best"] = run.Best.ToString("R", CultureInfo.InvariantCulture),
            ["since_best"] = run.SinceBest.ToString(CultureInfo.InvariantCulture),
            ["warned_ratio"] = _warnedRatio ? "true" : "false",
            ["history"] = run.History.ToJson(),
        };
        var tensors = run.BestWeights?.ToDictionary(kv => "best." + kv.Key, kv => kv.Value);
        Checkpoint.Save(path, Model, Optimizer, values, tensors);
    }

    private FitState Resume(string path, Dictionary<string, string> identity, Rng rng)
    {
        var (values, tensors) = Checkpoint.Load(path, Model, Optimizer);
        foreach (var (key, expected) in identity)
            if (!values.TryGetValue(key, out var saved) || saved != expected)
                throw new InvalidDataException($"{path}: the checkpoint was written by a fit with {key} = {saved ?? "(none)"}, this fit has {expected}; " +
                    "resume with the same data and options, or delete the file to start again.");
        try
        {
            rng.SetState(values["shuffle_rng"]);
            _warnedRatio = values["warned_ratio"] == "true";
            return new FitState
            {
                Epoch = int.Parse(values["epoch"], CultureInfo.InvariantCulture),
                History = History.FromJson(values["history"]),
                Best = double.Parse(values["best"], CultureInfo.InvariantCulture),
                SinceBest = int.Parse(values["since_best"], CultureInfo.InvariantCulture),
                BestWeights = tensors.Count == 0 ? null : tensors.ToDictionary(kv => kv.Key["best.".Length..], kv => kv.Value),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"{path}: the checkpoint's training values are incomplete or damaged ({e.Message}).", e);
        }
    }

    /// <summary>One gradient step on a batch; returns the batch loss and updates the metrics. <paramref name="epoch"/> and
    /// <paramref name="batch"/> only label the messages and warnings (0 or more).</summary>
    public double TrainStep(Tensor<T> xb, Tensor<T> yb, int epoch = 0, int batch = 0)
    {
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"TrainStep: epoch must be 0 or more (it labels messages), got {epoch}.");
        if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), batch, $"TrainStep: batch must be 0 or more (it labels messages), got {batch}.");
        Model.train();
        Model.zero_grad();
        string where = epoch > 0 ? $"epoch {epoch}, batch {batch}" : "this step";
        var prediction = Forward(xb, where, epoch, batch);
        double loss = Loss.forward(prediction, yb);
        if (!double.IsFinite(loss)) throw new TrainingDivergedException(epoch, batch, loss);
        Model.backward(Loss.backward());
        if (ClipValue is double cv) GradientClipping.ClipByValue(Model.parameters(), cv);
        if (ClipNorm is double cn) GradientClipping.ClipByGlobalNorm(Model.parameters(), cn);
        var parameters = Model.named_parameters().ToList();
        _guard.Snapshot(parameters);
        Optimizer.step();
        WarnAboutStep(_guard.CheckStep(parameters, where, epoch, batch), where);
        foreach (var metric in Metrics) metric.Update(prediction, yb);
        return loss;
    }

    /// <summary>Loss and metrics over a data set, in batches of <paramref name="batchSize"/> (at least 1; more than the examples: one batch), without updating the model.</summary>
    public Dictionary<string, double> Evaluate(Tensor<T> x, Tensor<T> y, int batchSize = 128)
    {
        ExpectBatchSize(batchSize, "Evaluate");
        int n = CheckExamples(x, y);
        ExpectFinite(x, "input", n);
        ExpectFinite(y, "target", n);
        try { return Evaluate(x, y, batchSize, "evaluation", 0); }
        finally { Model.ReleaseBuffers(); }
    }

    private Dictionary<string, double> Evaluate(Tensor<T> x, Tensor<T> y, int batchSize, string phase, int epoch)
    {
        int n = CheckExamples(x, y);
        bool training = Model.Training;
        Model.eval();
        try { return EvaluateBatches(x, y, n, batchSize, phase, epoch); }
        finally { Model.train(training); }
    }

    private Dictionary<string, double> EvaluateBatches(Tensor<T> x, Tensor<T> y, int n, int batchSize, string phase, int epoch)
    {
        foreach (var metric in Metrics) metric.Reset();
        double lossSum = 0;
        for (int start = 0; start < n; start += batchSize)
        {
            int count = Math.Min(batchSize, n - start);
            var xb = Batching.Slice(x, start, count);
            var yb = Batching.Slice(y, start, count);
            var prediction = Forward(xb, $"{phase} (examples {start}..{start + count - 1})", epoch, 0);
            lossSum += Loss.forward(prediction, yb) * count;
            foreach (var metric in Metrics) metric.Update(prediction, yb);
        }
        var values = new Dictionary<string, double> { ["loss"] = lossSum / n };
        foreach (var metric in Metrics) values[metric.Name] = metric.Result();
        return values;
    }

    private Tensor<T> Forward(Tensor<T> x, string where, int epoch, int batch) => _guard.Forward(x, where, epoch, batch);

    /// <summary>Warns once per fit when the last step moved the weights by more than <see cref="UpdateRatioWarning"/> times their size.</summary>
    private void WarnAboutStep(DivergenceGuard<T>.StepSize step, string where)
    {
        if (_warnedRatio || !(step.Ratio > UpdateRatioWarning)) return;
        _warnedRatio = true;
        Warn(FormattableString.Invariant($"{where}: the update changed the weights by {step.Ratio:G3} times their size (largest: '{step.Largest}', |Δw|/|w| = {step.LargestRatio:G3}). ") +
             FormattableString.Invariant($"Healthy steps change them by about 1e-3 of their size. The learning rate ({Optimizer.LearningRate:G3}) is far too high: ") +
             "units saturate and the loss stalls. Lower it or clip gradients (Trainer.ClipNorm).");
    }

    private void Warn(string message)
    {
        string line = "[RnnNotebooks.Training] WARNING: " + message;
        _warnings.Add(line);
        _history?.Warnings.Add(line);
        Console.WriteLine(line);
    }

    /// <summary>Model outputs for every example, computed in batches of <paramref name="batchSize"/> (at least 1; more than the examples: one batch) in evaluation mode (no dropout).</summary>
    public Tensor<T> Predict(Tensor<T> x, int batchSize = 128)
    {
        ArgumentNullException.ThrowIfNull(x);
        ExpectBatchSize(batchSize, "Predict");
        if (x.Rank == 0 || x.Shape[0] == 0) throw new ShapeException($"Predict: no examples in input of shape {Tensor.Format(x.Shape)}.");
        bool training = Model.Training;
        Model.eval();
        try { return PredictBatches(x, batchSize); }
        finally { Model.train(training); Model.ReleaseBuffers(); }
    }

    private Tensor<T> PredictBatches(Tensor<T> x, int batchSize)
    {
        var parts = new List<Tensor<T>>();
        for (int start = 0; start < x.Shape[0]; start += batchSize)
            parts.Add(Forward(Batching.Slice(x, start, Math.Min(batchSize, x.Shape[0] - start)), $"prediction (examples from {start})", 0, 0));
        var shape = (int[])parts[0].Shape.Clone();
        shape[0] = x.Shape[0];
        var y = new Tensor<T>(shape);
        int offset = 0;
        foreach (var p in parts) { p.Data.CopyTo(y.Data, offset); offset += p.Length; }
        return y;
    }

    /// <summary>Throws naming the example (row of the data set, not of a shuffled batch) that holds NaN or ±∞.</summary>
    private static void ExpectFinite(Tensor<T> t, string what, int examples)
    {
        int bad = t.IndexOfNonFinite();
        if (bad < 0) return;
        int row = bad / (t.Length / examples);
        throw new ArgumentException(FormattableString.Invariant(
            $"Trainer: {what} holds {t.Data[bad]} at {t.FormatIndex(bad)}, i.e. in example {row} of {examples}; fix or drop that example before training."));
    }

    private static void ExpectBatchSize(int batchSize, string who)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"{who}: batchSize must be at least 1, got {batchSize}.");
    }

    private static int CheckExamples(Tensor<T> x, Tensor<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank == 0 || x.Shape[0] == 0) throw new ShapeException($"Trainer: no examples in input of shape {Tensor.Format(x.Shape)}.");
        if (y.Rank == 0 || y.Shape[0] != x.Shape[0])
            throw new ShapeException($"Trainer: input has {x.Shape[0]} examples (shape {Tensor.Format(x.Shape)}) but targets have shape {Tensor.Format(y.Shape)}.");
        return x.Shape[0];
    }

    private static void RefuseSortedLabels(Tensor<T> y)
    {
        // Class labels in order mean the file's order was kept: the last fraction would be one class.
        if (!y.Data.All(T.IsInteger)) return;                      // regression targets: nothing to refuse
        if (ValidationSplit.LooksSorted(y.Data.Select(int.CreateSaturating).ToArray()))
            throw new ArgumentException("Fit: the class labels are sorted, so ValidationSplit would hold out only the last class. Shuffle the examples first (the IMDB files are sorted by label).");
    }
}
