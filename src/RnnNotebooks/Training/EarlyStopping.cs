namespace RnnNotebooks.Training;

/// <summary>
/// Stops training when <see cref="Monitor"/> has not improved by more than <see cref="MinDelta"/>
/// for <see cref="Patience"/> epochs (Keras's <c>EarlyStopping</c>).
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>History key to watch, e.g. "val_loss" (default) or "val_accuracy".</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; init; } = 2;

    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; init; }

    /// <summary>Restore the weights of the best epoch when stopping.</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Whether larger values are better; by default true for names containing "acc".</summary>
    public bool? HigherIsBetter { get; init; }

    internal bool Maximize => HigherIsBetter ?? Monitor.Contains("acc", StringComparison.OrdinalIgnoreCase);
}
