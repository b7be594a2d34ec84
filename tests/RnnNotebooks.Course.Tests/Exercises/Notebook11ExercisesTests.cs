using RnnNotebooks.Course.Exercises;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 11.1–11.3; expected values worked out by hand.</summary>
public class Notebook11ExercisesTests
{
    [Fact]
    public void Attention_weights_pass_and_a_softmax_over_the_padding_is_named()
    {
        // scores h·q with q = [1, 0.5, −1]: 0.5 + 0.5 = 1, 1 + 1 = 2, −0.5 + 0.25 − 0.5 = −0.75 (padding: 2 + 1 + 2 = 5)
        double s = Math.Exp(1) + Math.Exp(2) + Math.Exp(-0.75);
        double[] expected = [Math.Exp(1) / s, Math.Exp(2) / s, Math.Exp(-0.75) / s, 0];
        Assert.True(Ex.Check("11.1", expected).Passed);
        double s4 = s + Math.Exp(5);
        var r = Ex.Check("11.1", new[] { Math.Exp(1) / s4, Math.Exp(2) / s4, Math.Exp(-0.75) / s4, Math.Exp(5) / s4 });
        Assert.False(r.Passed); Assert.Contains("padding", r.Message);
        Assert.Contains("scores", Ex.Check("11.1", new[] { 1.0, 2.0, -0.75, 0 }).Message);
        Assert.Contains("wrong shape", Ex.Check("11.1", new double[3]).Message);
        Assert.Contains("no answer yet", Ex.Check("11.1", null).Message);
    }

    [Fact]
    public void Beam_step_passes_and_one_extension_per_hypothesis_is_named()
    {
        // 0.6·0.5 = 0.30 "20", 0.6·0.45 = 0.27 "21", 0.4·0.6 = 0.24 "19", ...
        Assert.True(Ex.Check("11.2", new[] { "20", "21" }).Passed);
        Assert.Contains("best extension of each hypothesis", Ex.Check("11.2", new[] { "20", "19" }).Message);
        Assert.Contains("wrong order", Ex.Check("11.2", new[] { "21", "20" }).Message);
        Assert.Contains("width 2", Ex.Check("11.2", new[] { "20" }).Message);
        Assert.Contains("no answer yet", Ex.Check("11.2", null).Message);
    }

    [Fact]
    public void Context_shape_passes_and_the_weights_shape_is_named()
    {
        Assert.True(Ex.Check("11.3", new[] { 32, 128 }).Passed);
        Assert.Contains("bidirectional", Ex.Check("11.3", new[] { 32, 64 }).Message);
        Assert.Contains("weights", Ex.Check("11.3", new[] { 32, 29 }).Message);
        Assert.Contains("all encoder outputs", Ex.Check("11.3", new[] { 32, 29, 128 }).Message);
    }
}
