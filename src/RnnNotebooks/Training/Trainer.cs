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
/// The training loop of a <see cref="Sequential{T}"/> model (Keras's <c>compile</c> + <c>fit</c>):
/// shuffled mini-batches, optional gradient clipping, validation, history, callbacks and early stopping.
/// </summary>
public sealed class Trainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a trainer for a model, loss, optimizer and metrics.</summary>
    public Trainer(Sequential<T> model, Loss<T> loss, Optimizer<T> optimizer, params Metric<T>[] metrics)
    {
        Model = model; Loss = loss; Optimizer = optimizer; Metrics = metrics;
    }

    /// <summary>The model being trained.</summary>
    public Sequential<T> Model { get; }
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

    /// <summary>Trains on examples <paramref name="x"/> (first axis) with targets <paramref name="y"/>.</summary>
    public History Fit(Tensor<T> x, Tensor<T> y, FitOptions? options = null)
    {
        options ??= new FitOptions();
        int n = CheckExamples(x, y);
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Fit: Epochs must be at least 1.");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "Fit: BatchSize must be at least 1.");
        if (options.ValidationSplit is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), options.ValidationSplit, "Fit: ValidationSplit must be in [0, 1).");

        int nVal = (int)(n * options.ValidationSplit), nTrain = n - nVal;
        if (nVal > 0) RefuseSortedLabels(y);
        if (nTrain == 0) throw new ArgumentException($"Fit: no training examples left after holding out {nVal} of {n} for validation.");
        if (options.EarlyStopping is { Monitor: var m } && m.StartsWith("val_") && nVal == 0)
            throw new ArgumentException($"Fit: early stopping monitors '{m}' but there is no validation split.");
        Tensor<T>? xVal = nVal > 0 ? Batching.Slice(x, nTrain, nVal) : null, yVal = nVal > 0 ? Batching.Slice(y, nTrain, nVal) : null;

        var history = new History();
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
                foreach (var (k, v) in Evaluate(xVal, yVal, options.BatchSize)) values["val_" + k] = v;
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
        Model.zero_grad();
        var prediction = Model.forward(xb);
        int bad = prediction.IndexOfNonFinite();
        if (bad >= 0) throw new TrainingDivergedException(epoch, batch, double.CreateTruncating(prediction.Data[bad]), $"the prediction at {prediction.FormatIndex(bad)}");
        double loss = Loss.forward(prediction, yb);
        if (!double.IsFinite(loss)) throw new TrainingDivergedException(epoch, batch, loss);
        Model.backward(Loss.backward());
        if (ClipValue is double cv) GradientClipping.ClipByValue(Model.parameters(), cv);
        if (ClipNorm is double cn) GradientClipping.ClipByGlobalNorm(Model.parameters(), cn);
        Optimizer.Step();
        foreach (var metric in Metrics) metric.Update(prediction, yb);
        return loss;
    }

    /// <summary>Loss and metrics over a data set, in batches, without updating the model.</summary>
    public Dictionary<string, double> Evaluate(Tensor<T> x, Tensor<T> y, int batchSize = 128)
    {
        int n = CheckExamples(x, y);
        foreach (var metric in Metrics) metric.Reset();
        double lossSum = 0;
        for (int start = 0; start < n; start += batchSize)
        {
            int count = Math.Min(batchSize, n - start);
            var xb = Batching.Slice(x, start, count);
            var yb = Batching.Slice(y, start, count);
            var prediction = Model.forward(xb);
            lossSum += Loss.forward(prediction, yb) * count;
            foreach (var metric in Metrics) metric.Update(prediction, yb);
        }
        var values = new Dictionary<string, double> { ["loss"] = lossSum / n };
        foreach (var metric in Metrics) values[metric.Name] = metric.Result();
        return values;
    }

    /// <summary>Model outputs for every example, computed in batches.</summary>
    public Tensor<T> Predict(Tensor<T> x, int batchSize = 128)
    {
        if (x.Rank == 0 || x.Shape[0] == 0) throw new ShapeException($"Predict: no examples in input of shape {Tensor.Format(x.Shape)}.");
        var parts = new List<Tensor<T>>();
        for (int start = 0; start < x.Shape[0]; start += batchSize)
            parts.Add(Model.forward(Batching.Slice(x, start, Math.Min(batchSize, x.Shape[0] - start))));
        var shape = (int[])parts[0].Shape.Clone();
        shape[0] = x.Shape[0];
        var y = new Tensor<T>(shape);
        int offset = 0;
        foreach (var p in parts) { p.Data.CopyTo(y.Data, offset); offset += p.Length; }
        return y;
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
