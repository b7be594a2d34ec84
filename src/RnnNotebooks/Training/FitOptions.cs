namespace RnnNotebooks.Training;

/// <summary>Settings of <see cref="Trainer{T}.Fit"/>, with Keras's names and defaults where they exist.</summary>
public sealed class FitOptions
{
    /// <summary>Passes over the training data, at least 1 (int.MaxValue: until early stopping ends the run).</summary>
    public int Epochs
    {
        get => _epochs;
        init => _epochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epochs), value, $"FitOptions: Epochs must be at least 1, got {value}.");
    }
    private readonly int _epochs = 1;

    /// <summary>Examples per gradient step (Keras's default 32), at least 1; more than the examples puts them all in one batch.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, $"FitOptions: BatchSize must be at least 1, got {value}.");
    }
    private readonly int _batchSize = 32;

    /// <summary>
    /// Fraction of the examples held out for validation, in [0, 1) (0: no validation): the last fraction, as Keras takes it,
    /// so the data must already be shuffled (the trainer refuses label-sorted data).
    /// </summary>
    public double ValidationSplit
    {
        get => _validationSplit;
        init => _validationSplit = value >= 0 && value < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(ValidationSplit), value, $"FitOptions: ValidationSplit must be in [0, 1), got {value}.");
    }
    private readonly double _validationSplit;

    /// <summary>Shuffle the training examples every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the per-epoch shuffling; the same seed gives the same run (any value, 0 included, is a seed).</summary>
    public ulong Seed { get; init; }

    /// <summary>Optional early stopping.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Called after every epoch (live notebook displays use it).</summary>
    public Action<EpochResult>? OnEpochEnd { get; init; }

    /// <summary>Called after every batch with (epoch, batch index, batches per epoch, batch loss).</summary>
    public Action<BatchProgress>? OnBatchEnd { get; init; }

    /// <summary>
    /// Where to keep a checkpoint (<see cref="Checkpoint"/>): after every epoch the weights, the optimizer's state,
    /// the random generators, the history and early stopping's state are saved there, atomically. When the file
    /// exists as <c>Fit</c> starts, the fit resumes after the saved epoch and ends with the bits an uninterrupted
    /// fit ends with (the data and options must be the same; a different seed, batch size or data set is refused).
    /// Delete the file to start again. Null (default): no checkpoint.
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Print one line per epoch to the console (Keras's verbose=2).</summary>
    public bool Verbose { get; init; } = true;
}
