using System.Numerics;
using RnnNotebooks.Tensors;
using RnnNotebooks.Torch.Bridge;
using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests.Support;

/// <summary>
/// Compares the scratch result with the TorchSharp twin's: max |scratch − twin| relative to the
/// largest |twin| element of each tensor, within 1e-5 (float32) or 1e-10 (float64).
/// Prints the largest error of a check so runs can report it.
/// </summary>
internal sealed class Agreement<T>(string model, ITestOutputHelper output) where T : unmanaged, IFloatingPointIeee754<T>
{
    private double _worst;
    private string _worstName = "";

    public static double Tolerance => typeof(T) == typeof(float) ? 1e-5 : 1e-10;

    public void Close(string what, TorchSharp.torch.Tensor twin, Tensor<T> scratch) => Close(what, TensorBridge.ToScratch<T>(twin), scratch);

    public void Close(string what, Tensor<T> twin, Tensor<T> scratch)
    {
        Assert.True(twin.Shape.SequenceEqual(scratch.Shape),
            $"{model} {what}: scratch shape {Tensor.Format(scratch.Shape)}, twin {Tensor.Format(twin.Shape)}");
        double scale = 0, err = 0;
        int at = 0;
        for (int i = 0; i < twin.Length; i++)
        {
            double e = double.CreateChecked(twin.Data[i]), a = double.CreateChecked(scratch.Data[i]);
            scale = Math.Max(scale, Math.Abs(e));
            if (Math.Abs(a - e) > err) { err = Math.Abs(a - e); at = i; }
        }
        Assert.True(scale > 0 || err == 0, $"{model} {what}: the twin's tensor is all zeros, the scratch one is not");
        double rel = scale == 0 ? 0 : err / scale;
        Assert.True(rel <= Tolerance,
            $"{model} {what}: relative error {rel:E2} at {twin.FormatIndex(at)} (scratch {scratch.Data[at]}, twin {twin.Data[at]})");
        if (rel >= _worst) { _worst = rel; _worstName = what; }
    }

    public void Close(string what, double twin, double scratch)
    {
        double rel = Math.Abs(twin - scratch) / Math.Max(Math.Abs(twin), 1e-300);
        Assert.True(rel <= Tolerance, $"{model} {what}: scratch {scratch}, twin {twin} (relative error {rel:E2})");
        if (rel >= _worst) { _worst = rel; _worstName = what; }
    }

    /// <summary>Every named tensor of both sides; the names must be the same set.</summary>
    public void CloseAll(string what, IReadOnlyDictionary<string, Tensor<T>> twin, IReadOnlyDictionary<string, Tensor<T>> scratch)
    {
        Assert.Equal(twin.Keys.Order(), scratch.Keys.Order());
        foreach (var (name, t) in twin) Close($"{what} {name}", t, scratch[name]);
    }

    /// <summary>Writes "max error {model} {dtype}: {error} ({tensor})" to the test output.</summary>
    public void Report() =>
        output.WriteLine($"max error | {model} | {(typeof(T) == typeof(float) ? "float32" : "float64")} | {_worst:E2} | {_worstName}");
}
