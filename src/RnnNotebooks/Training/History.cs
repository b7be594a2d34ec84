using System.Globalization;

namespace RnnNotebooks.Training;

/// <summary>Values per epoch: "loss", metric names, and "val_" versions with validation data.</summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = [];

    /// <summary>Every series by name.</summary>
    public IReadOnlyDictionary<string, List<double>> Values => _values;

    /// <summary>The series called <paramref name="name"/>.</summary>
    public IReadOnlyList<double> this[string name] => _values.TryGetValue(name, out var v)
        ? v : throw new KeyNotFoundException($"History: no series '{name}'. Known: {string.Join(", ", _values.Keys)}.");

    /// <summary>Number of epochs run.</summary>
    public int Epochs => _values.TryGetValue("loss", out var l) ? l.Count : 0;

    /// <summary>The epoch (1-based) at which early stopping ended training, or null.</summary>
    public int? StoppedEpoch { get; internal set; }

    /// <summary>Warnings printed during the fit (e.g. an update larger than the weights).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Seconds each epoch took.</summary>
    public List<double> EpochSeconds { get; } = [];

    internal void Add(IReadOnlyDictionary<string, double> epoch)
    {
        foreach (var (k, v) in epoch)
        {
            if (!_values.TryGetValue(k, out var list)) _values[k] = list = [];
            list.Add(v);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine,
        _values.Select(kv => $"{kv.Key}: " + string.Join(", ", kv.Value.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)))));
}

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
