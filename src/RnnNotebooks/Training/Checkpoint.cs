using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Training;

/// <summary>
/// A training run's whole state in one safetensors file: the model's weights, the optimizer's state
/// (<see cref="Optimizer{T}.state_dict"/>), the state of every random generator of the model
/// (<see cref="Module{T}.NamedGenerators"/>) and the loop's own values (epoch, history, its shuffling
/// generator). Tensors are stored in double precision, which holds float weights exactly, so a run
/// resumed from a checkpoint continues with the same bits. The file is written beside the target and
/// renamed over it at the end: a crash or Ctrl-C during a save leaves the previous checkpoint intact.
/// <see cref="Trainer{T}"/> (<see cref="FitOptions.CheckpointPath"/>) and <see cref="TruncatedBptt{T}"/> use it.
/// </summary>
public static class Checkpoint
{
    private const string Format = "rnn-notebooks-checkpoint";

    /// <summary>Writes the state of <paramref name="model"/> and <paramref name="optimizer"/>, with the loop's
    /// <paramref name="values"/> (text) and <paramref name="tensors"/> (e.g. the best weights so far).</summary>
    public static void Save<T>(string path, Module<T> model, Optimizer<T> optimizer, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, Tensor<T>>? tensors = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(values);
        var all = new Dictionary<string, Tensor<double>>();
        foreach (var (name, p) in model.named_parameters()) all["model." + name] = p.Value.Cast<double>();
        foreach (var (name, t) in optimizer.state_dict()) all["optimizer." + name] = t;
        foreach (var (name, t) in tensors ?? new Dictionary<string, Tensor<T>>()) all["extra." + name] = t.Cast<double>();
        var metadata = new Dictionary<string, string> { ["format"] = Format, ["optimizer"] = optimizer.Describe() };
        foreach (var (name, g) in model.NamedGenerators()) metadata["generator." + name] = g.GetState();
        foreach (var (k, v) in values) metadata["value." + k] = v;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        SafeTensors.Save(path, all, metadata);
    }

    /// <summary>
    /// Restores a file written by <see cref="Save"/> into <paramref name="model"/> and <paramref name="optimizer"/>
    /// (names, shapes and the optimizer's kind must match; nothing changes unless everything fits) and returns the
    /// loop's values and tensors.
    /// </summary>
    public static (Dictionary<string, string> Values, Dictionary<string, Tensor<T>> Tensors) Load<T>(string path, Module<T> model, Optimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var all = SafeTensors.Load<double>(path, out var metadata);
        if (!metadata.TryGetValue("format", out var format) || format != Format)
            throw new InvalidDataException($"{path}: not a training checkpoint (its metadata format is '{format ?? "missing"}', expected '{Format}'); weights alone load with Module.load.");
        var weights = Part(all, "model.").ToDictionary(kv => kv.Key, kv => kv.Value.Cast<T>());
        var optimizerState = Part(all, "optimizer.");
        var generators = model.NamedGenerators().ToList();
        var saved = metadata.Where(kv => kv.Key.StartsWith("generator.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["generator.".Length..], kv => kv.Value);
        var missing = generators.Select(g => g.name).Where(n => !saved.ContainsKey(n)).ToList();
        if (missing.Count > 0 || saved.Count != generators.Count)
            throw new InvalidDataException($"{path}: the checkpoint holds the random generators [{string.Join(", ", saved.Keys)}], model '{model.Name}' has [{string.Join(", ", generators.Select(g => g.name))}]: is it another model's?");
        try
        {
            // Check both before changing either: load_state_dict changes nothing unless the whole state fits.
            var before = model.state_dict();
            model.load_state_dict(weights);
            try { optimizer.load_state_dict(optimizerState); }
            catch { model.load_state_dict(before); throw; }
        }
        catch (Exception e) when (e is KeyNotFoundException or ShapeException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        foreach (var (name, g) in generators) g.SetState(saved[name]);
        var values = metadata.Where(kv => kv.Key.StartsWith("value.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["value.".Length..], kv => kv.Value);
        return (values, Part(all, "extra.").ToDictionary(kv => kv.Key, kv => kv.Value.Cast<T>()));
    }

    private static Dictionary<string, Tensor<double>> Part(Dictionary<string, Tensor<double>> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
