using System.Globalization;

namespace RnnNotebooks.Training;

/// <summary>What one epoch produced.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Values">Loss and metrics, with "val_" entries when validating.</param>
/// <param name="Elapsed">Time the epoch took.</param>
/// <param name="History">The history so far, this epoch included.</param>
public sealed record EpochResult(int Epoch, int Epochs, IReadOnlyDictionary<string, double> Values, TimeSpan Elapsed, History History)
{
    /// <summary>One line as Keras prints it: "Epoch 3/10 - 1.2s - loss: 0.4213 - accuracy: 0.8125".</summary>
    public override string ToString() =>
        $"Epoch {Epoch}/{Epochs} - {Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}s - " +
        string.Join(" - ", Values.Select(kv => $"{kv.Key}: {kv.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
}
