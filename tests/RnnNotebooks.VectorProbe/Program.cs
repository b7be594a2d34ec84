using System.Globalization;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

// Prints the width the matrix products use, then the bits of a product and of an LSTM's forward
// and backward pass on fixed inputs, one line each, for VectorWidthTests to compare with its own.
Console.WriteLine($"bits {Kernels.VectorBits}");
foreach (var (name, values) in VectorProbe.Results())
    Console.WriteLine($"{name} {string.Join(",", values.Select(v => BitConverter.SingleToInt32Bits(v).ToString("x8", CultureInfo.InvariantCulture)))}");

/// <summary>The computations the probe and the tests both run.</summary>
public static class VectorProbe
{
    public static IEnumerable<(string Name, float[] Values)> Results()
    {
        var a = Tensor.Normal<float>(new Rng(1), 0, 1, 37, 29);
        var b = Tensor.Normal<float>(new Rng(2), 0, 1, 29, 45);
        var c = Tensor.Normal<float>(new Rng(3), 0, 1, 37, 45).Data;
        Kernels.Gemm<float>(false, false, 37, 45, 29, a.Data, b.Data, c, accumulate: true);
        yield return ("gemm", c);

        Rng.ManualSeed(4);
        var lstm = new LSTM<float>(6, 9, numLayers: 2, returnSequences: true);
        var x = Tensor.Normal<float>(new Rng(5), 0, 1, 5, 7, 6);
        var y = lstm.forward(x);
        var dx = lstm.backward(Tensor.Normal<float>(new Rng(6), 0, 1, y.Shape));
        yield return ("lstm_output", y.Data);
        yield return ("lstm_input_gradient", dx.Data);
        yield return ("lstm_weight_gradients", lstm.parameters().SelectMany(p => p.Grad.Data).ToArray());
    }
}
