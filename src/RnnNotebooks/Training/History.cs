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

    /// <summary>The history as JSON (values, epoch times, warnings, stopping epoch); doubles round-trip exactly.</summary>
    internal string ToJson() => System.Text.Json.JsonSerializer.Serialize(new Saved(_values, EpochSeconds, Warnings, StoppedEpoch));

    /// <summary>A history from <see cref="ToJson"/>.</summary>
    internal static History FromJson(string json)
    {
        var saved = System.Text.Json.JsonSerializer.Deserialize<Saved>(json) ?? throw new FormatException("the history is empty");
        var h = new History { StoppedEpoch = saved.StoppedEpoch };
        foreach (var (k, v) in saved.Values) h._values[k] = [.. v];
        h.EpochSeconds.AddRange(saved.EpochSeconds);
        h.Warnings.AddRange(saved.Warnings);
        return h;
    }

    private sealed record Saved(Dictionary<string, List<double>> Values, List<double> EpochSeconds, List<string> Warnings, int? StoppedEpoch);

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
