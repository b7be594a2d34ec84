using System.Numerics;
using System.Text.Json;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>A fixture written by tests/torch/make_fixtures.py: config plus named tensors.</summary>
internal sealed class TorchFixture
{
    private readonly Dictionary<string, (int[] Shape, double[] Data)> _tensors = [];

    public JsonElement Config { get; }
    public string Name { get; }

    private TorchFixture(string name, JsonElement root)
    {
        Name = name;
        Config = root.GetProperty("config").Clone();
        foreach (var t in root.GetProperty("tensors").EnumerateObject())
            _tensors[t.Name] = (t.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                                t.Value.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch");

    public static TorchFixture Load(string caseName, string dtype)
    {
        string path = Path.Combine(Directory, $"{caseName}.{dtype}.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new TorchFixture($"{caseName}.{dtype}", doc.RootElement);
    }

    public static IEnumerable<string> Cases(string prefix) =>
        System.IO.Directory.GetFiles(Directory, prefix + "*.float64.json")
            .Select(f => Path.GetFileName(f)[..^".float64.json".Length]).Order();

    public bool Has(string name) => _tensors.ContainsKey(name);

    public IEnumerable<string> Names => _tensors.Keys;

    public Tensor<T> Get<T>(string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!_tensors.TryGetValue(name, out var t)) throw new KeyNotFoundException($"{Name}: no tensor '{name}'.");
        return new Tensor<T>(t.Data.Select(v => T.CreateChecked(v)).ToArray(), t.Shape.Length == 0 ? [1] : t.Shape);
    }

    public int Int(string key) => Config.GetProperty(key).GetInt32();
    public bool Bool(string key) => Config.GetProperty(key).GetBoolean();
    public string Str(string key) => Config.GetProperty(key).GetString()!;
}

internal static class Parity
{
    /// <summary>Relative tolerance: float32 1e-5, float64 1e-10.</summary>
    public static double Tolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-10;

    /// <summary>Asserts max |a − e| / max |e| over the tensor (error relative to the tensor's scale) is within tolerance; returns it.</summary>
    public static double Close<T>(string what, Tensor<T> expected, Tensor<T> actual) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape),
            $"{what}: shape {Tensor.Format(actual.Shape)}, expected {Tensor.Format(expected.Shape)}");
        double maxAbs = 0, maxErr = 0;
        int worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateChecked(expected.Data[i]), a = double.CreateChecked(actual.Data[i]);
            maxAbs = Math.Max(maxAbs, Math.Abs(e));
            double err = Math.Abs(a - e);
            if (err > maxErr) { maxErr = err; worst = i; }
        }
        double rel = maxErr / Math.Max(maxAbs, 1e-30);
        Assert.True(rel <= Tolerance<T>(),
            $"{what}: relative error {rel:E2} at {expected.FormatIndex(worst)} (got {actual.Data[worst]}, PyTorch {expected.Data[worst]})");
        return rel;
    }
}
