using System.Diagnostics;
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
    /// <summary>Clip gradients to this global L2 norm before each step (null: no clipping).</summary>
    public double? ClipNorm { get; set; }
    /// <summary>Clip each gradient element to ±this value before each step (null: no clipping).</summary>
    public double? ClipValue { get; set; }

    /// <summary>
    /// A step whose update norm exceeds this multiple of the weight norm (|Δθ| / |θ| over all
    /// parameters) prints a warning and adds it to <see cref="History.Warnings"/>. Healthy steps are
    /// around 1e-3; the default 1 means the step was larger than the weights themselves.
    /// </summary>
    public double UpdateRatioWarning { get; set; } = 1.0;

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
        if (ClipNorm is double cn && !(cn > 0)) throw new ArgumentOutOfRangeException(nameof(ClipNorm), cn, $"Trainer: ClipNorm must be positive, got {cn}.");
        if (ClipValue is double cv && !(cv > 0)) throw new ArgumentOutOfRangeException(nameof(ClipValue), cv, $"Trainer: ClipValue must be positive, got {cv}.");
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
        finally { _history = null; }
    }

    private History Run(Tensor<T> x, Tensor<T> y, FitOptions options, int n, int nTrain, int nVal, Tensor<T>? xVal, Tensor<T>? yVal, History history)
    {
        var rng = new Rng(options.Seed);
        var order = new int[nTrain];
        int batches = (nTrain + options.BatchSize - 1) / options.BatchSize;
        double best = double.NaN;
        int sinceBest = 0;
        Dictionary<string, Tensor<T>>? bestWeights = null;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
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
                bool improved = double.IsNaN(best) || (es.Maximize ? current > best + es.MinDelta : current < best - es.MinDelta);
                if (improved)
                {
                    best = current; sinceBest = 0;
                    if (es.RestoreBestWeights) bestWeights = Model.state_dict();
                }
                else if (++sinceBest >= es.Patience)
                {
                    history.StoppedEpoch = epoch;
                    if (bestWeights is not null) Model.load_state_dict(bestWeights);
                    if (options.Verbose) Console.WriteLine($"Early stopping at epoch {epoch}: {es.Monitor} did not improve for {es.Patience} epochs (best {best:F4}).");
                    break;
                }
            }
        }
        return history;
    }

    /// <summary>One gradient step on a batch; returns the batch loss and updates the metrics.</summary>
    public double TrainStep(Tensor<T> xb, Tensor<T> yb, int epoch = 0, int batch = 0)
    {
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

    /// <summary>Loss and metrics over a data set, in batches, without updating the model.</summary>
    public Dictionary<string, double> Evaluate(Tensor<T> x, Tensor<T> y, int batchSize = 128)
    {
        int n = CheckExamples(x, y);
        ExpectFinite(x, "input", n);
        ExpectFinite(y, "target", n);
        return Evaluate(x, y, batchSize, "evaluation", 0);
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

    /// <summary>Model outputs for every example, computed in batches in evaluation mode (no dropout).</summary>
    public Tensor<T> Predict(Tensor<T> x, int batchSize = 128)
    {
        if (x.Rank == 0 || x.Shape[0] == 0) throw new ShapeException($"Predict: no examples in input of shape {Tensor.Format(x.Shape)}.");
        bool training = Model.Training;
        Model.eval();
        try { return PredictBatches(x, batchSize); }
        finally { Model.train(training); }
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

    private static int CheckExamples(Tensor<T> x, Tensor<T> y)
    {
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
