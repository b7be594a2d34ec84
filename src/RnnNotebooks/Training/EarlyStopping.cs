namespace RnnNotebooks.Training;

/// <summary>
/// Stops training when <see cref="Monitor"/> has not improved by more than <see cref="MinDelta"/>
/// for <see cref="Patience"/> epochs (Keras's <c>EarlyStopping</c>).
/// </summary>
public sealed class EarlyStopping
{
    private readonly string _monitor = "val_loss";
    private readonly int _patience = 2;
    private readonly double _minDelta;

    /// <summary>History key to watch, e.g. "val_loss" (default) or "val_accuracy".</summary>
    public string Monitor
    {
        get => _monitor;
        init => _monitor = !string.IsNullOrWhiteSpace(value) ? value
            : throw new ArgumentException("EarlyStopping: Monitor must name a history key such as \"val_loss\".", nameof(Monitor));
    }

    /// <summary>Epochs without improvement before stopping, at least 1.</summary>
    public int Patience
    {
        get => _patience;
        init => _patience = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Patience), value, $"EarlyStopping: Patience must be at least 1 epoch, got {value}.");
    }

    /// <summary>Smallest change that counts as an improvement, 0 or more and finite.</summary>
    public double MinDelta
    {
        get => _minDelta;
        init => _minDelta = value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(MinDelta), value, $"EarlyStopping: MinDelta must be 0 or more and finite, got {value}.");
    }

    /// <summary>Restore the weights of the best epoch when stopping.</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Whether larger values are better; by default true for names containing "acc".</summary>
    public bool? HigherIsBetter { get; init; }

    internal bool Maximize => HigherIsBetter ?? Monitor.Contains("acc", StringComparison.OrdinalIgnoreCase);
}
