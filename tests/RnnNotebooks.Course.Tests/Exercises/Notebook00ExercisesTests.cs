using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

public class Notebook00ExercisesTests
{
    private static Tensor<float> Filled(int[] shape, Func<int, int, int, float> f)
    {
        var t = new Tensor<float>(shape);
        for (int a = 0; a < shape[0]; a++)
            for (int b = 0; b < shape[1]; b++)
                for (int c = 0; c < shape[2]; c++) t[a, b, c] = f(a, b, c);
        return t;
    }

    [Fact]
    public void Tensor_written_out_by_hand_passes()
    {
        // x[b, t, f] = 10 b + t written out literally, row-major: the feature index changes fastest.
        float[] data =
        [
            0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
            10, 10, 10, 10, 11, 11, 11, 11, 12, 12, 12, 12,
        ];
        var r = Ex.Check("00.1", new Tensor<float>(data, 2, 3, 4));
        Assert.True(r.Passed, r.Message);
        Assert.True(Ex.Check("00.1", new Tensor<double>(data.Select(v => (double)v).ToArray(), 2, 3, 4)).Passed);
    }

    [Theory]
    [InlineData(null, "no answer yet")]
    [InlineData("time-first", "time-first")]
    [InlineData("swapped-axes", "steps and features swapped")]
    [InlineData("zeros", "every value is 0")]
    [InlineData("swapped-values", "b and t are swapped")]
    [InlineData("feature-values", "feature index")]
    [InlineData("rank2", "rank 3")]
    public void Typical_tensor_mistakes_get_their_hint(string? mistake, string hint)
    {
        object? answer = mistake switch
        {
            null => null,
            "time-first" => Filled([3, 2, 4], (t, b, _) => 10 * b + t),
            "swapped-axes" => Filled([2, 4, 3], (b, _, t) => 10 * b + t),
            "zeros" => new Tensor<float>(2, 3, 4),
            "swapped-values" => Filled([2, 3, 4], (b, t, _) => 10 * t + b),
            "feature-values" => Filled([2, 3, 4], (b, _, f) => 10 * b + f),
            "rank2" => new Tensor<float>(6, 4),
            _ => throw new ArgumentException(mistake),
        };
        var r = Ex.Check("00.1", answer);
        Assert.False(r.Passed);
        Assert.Contains(hint, r.Message);
        Assert.StartsWith("✘ 00.1", r.ToString());
    }

    [Fact]
    public void Right_layer_and_count_pass()
    {
        // 16·8 + 16·16 + 16 + 16, counted by hand.
        var r = Ex.Check("00.2", (new RNN<double>(8, 16, returnSequences: true), 416));
        Assert.True(r.Passed, r.Message);
        Assert.True(Ex.Check("00.2", (new RNN<float>(8, 16, returnSequences: true), 416L)).Passed);
    }

    [Theory]
    [InlineData(384, "left out the biases")]
    [InlineData(400, "one bias vector")]
    [InlineData(160, "recurrent weights")]
    [InlineData(288, "input weights")]
    [InlineData(1000, "off by +584")]
    public void Wrong_counts_get_their_hint(int count, string hint)
    {
        var r = Ex.Check("00.2", (new RNN<double>(8, 16, returnSequences: true), count));
        Assert.False(r.Passed);
        Assert.Contains(hint, r.Message);
    }

    [Fact]
    public void Wrong_layers_get_their_hint()
    {
        Assert.Contains("swapped", Ex.Check("00.2", (new RNN<double>(16, 8, returnSequences: true), 416)).Message);
        Assert.Contains("returnSequences is false", Ex.Check("00.2", (new RNN<double>(8, 16), 416)).Message);
        Assert.Contains("LSTM", Ex.Check("00.2", (new LSTM<double>(8, 16, returnSequences: true), 416)).Message);
        Assert.Contains("numLayers is 2", Ex.Check("00.2", (new RNN<double>(8, 16, numLayers: 2, returnSequences: true), 416)).Message);
        Assert.Contains("layer is null", Ex.Check("00.2", ((RNN<double>?)null, 416)).Message);
        Assert.Contains("pair", Ex.Check("00.2", 416).Message);
        Assert.False(Ex.Check("00.2", null).Passed);
    }
}
