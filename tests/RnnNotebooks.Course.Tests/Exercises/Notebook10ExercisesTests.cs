using RnnNotebooks.Course.Exercises;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 10.1–10.3; expected values worked out by hand (and with Python's math module).</summary>
public class Notebook10ExercisesTests
{
    [Fact]
    public void Softmax_at_half_temperature_passes_and_plain_softmax_is_named()
    {
        // softmax([2, 1, 0.1, −1] / 0.5), computed with Python's math.exp.
        double[] expected = [0.8619316454880598, 0.11664976337272623, 0.019282076196822793, 0.0021365149423911447];
        Assert.True(Ex.Check("10.1", expected).Passed);
        var e = Notebook10Exercises.Logits.Select(Math.Exp).ToArray();
        var plain = e.Select(v => v / e.Sum()).ToArray();
        var r = Ex.Check("10.1", plain);
        Assert.False(r.Passed);
        Assert.Contains("divide the logits by the temperature", r.Message);
        Assert.Contains("no answer yet", Ex.Check("10.1", null).Message);
        Assert.Contains("wrong shape", Ex.Check("10.1", new double[3]).Message);
    }

    [Fact]
    public void Unigram_cross_entropy_of_hello_world_passes_and_bits_are_named()
    {
        // "hello world": l×3, o×2, six characters once; −(1/11)(3 ln(3/11) + 2 ln(2/11) + 6 ln(1/11)).
        double expected = -(3 * Math.Log(3.0 / 11) + 2 * Math.Log(2.0 / 11) + 6 * Math.Log(1.0 / 11)) / 11;
        Assert.Equal(1.9722469794234418, expected, 12);
        Assert.True(Ex.Check("10.2", expected).Passed);
        var bits = Ex.Check("10.2", expected / Math.Log(2));
        Assert.False(bits.Passed);
        Assert.Contains("bits", bits.Message);
        Assert.Contains("sign", Ex.Check("10.2", -expected).Message);
        Assert.Contains("uniform", Ex.Check("10.2", Math.Log(8)).Message);
        Assert.Contains("no answer yet", Ex.Check("10.2", double.NaN).Message);
    }

    [Fact]
    public void Next_character_targets_pass_and_unshifted_inputs_are_named()
    {
        // Vocabulary of the three sentences with '\n': \n 0, ' ' 1, d 2, e 3, h 4, i 5, l 6, n 7, o 8, r 9, s 10, u 11, v 12, w 13, y 14.
        Assert.Equal("\n dehilnorsuvwy", new string(Notebook10Exercises.Vocabulary.Chars.ToArray()));
        int[] targets = [3, 6, 6, 8, 1, 13, 8, 9, 6, 2, 0];                // "ello world\n"
        Assert.True(Ex.Check("10.3", targets).Passed);
        int[] inputs = [4, 3, 6, 6, 8, 1, 13, 8, 9, 6, 2];                 // "hello world"
        Assert.Contains("those are the inputs", Ex.Check("10.3", inputs).Message);
        Assert.Contains("'\\n'", Ex.Check("10.3", targets[..^1].Append(5).ToArray()).Message);
        Assert.Contains("wrong length", Ex.Check("10.3", targets[..5]).Message);
    }
}
