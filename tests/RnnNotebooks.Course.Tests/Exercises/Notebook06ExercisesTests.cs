using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Optimizers;
using RnnNotebooks.Course.Exercises;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 06.1–06.3: correct answers pass, typical mistakes get their hint.</summary>
public class Notebook06ExercisesTests
{
    private static double[] Dropped(Func<double, double> kept)
    {
        var (x, keep, _) = Notebook06Exercises.DropoutProblem;
        return x.Select((v, i) => keep[i] ? kept(v) : 0).ToArray();
    }

    [Fact]
    public void Dropout_answer_is_the_kept_values_over_three_quarters()
    {
        Assert.Equal(0.25, Notebook06Exercises.DropoutProblem.P);
        var answer = Dropped(v => v * 4 / 3);
        Assert.True(Ex.Check("06.1", answer).Passed);
        Assert.True(Ex.Check("06.1", answer.Select(v => (float)v).ToArray()).Passed);
    }

    [Theory]
    [InlineData(1.0, "not scaled")]
    [InlineData(0.75, "multiplied by 1 − p")]
    [InlineData(4.0, "divided by p")]
    public void Dropout_mistakes_get_their_hint(double factor, string hint)
    {
        var r = Ex.Check("06.1", Dropped(v => v * factor));
        Assert.False(r.Passed);
        Assert.Contains(hint, r.Message);
    }

    [Fact]
    public void Dropout_in_eval_mode_and_wrong_shapes_are_named()
    {
        Assert.Contains("evaluation mode", Ex.Check("06.1", Notebook06Exercises.DropoutProblem.X).Message);
        Assert.Contains("wrong shape", Ex.Check("06.1", new double[3]).Message);
        Assert.Contains("no answer yet", Ex.Check("06.1", null).Message);
    }

    [Fact]
    public void Mask_answer_matches_the_library_final_state()
    {
        // Independent route: a masked RNN's final state equals its output at the step we claim.
        var (lengths, steps) = Notebook06Exercises.MaskProblem;
        var rnn = new RNN<double>(2, 3, returnSequences: true);
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, lengths.Length, steps, 2);
        var unmasked = rnn.forward(x, null).Output;
        var final = rnn.forward(x, null, SequenceMask.FromLengths(lengths, steps)).FinalState.H;
        int[] answer = [5, 2, 0, 3];
        for (int b = 0; b < lengths.Length; b++)
            for (int j = 0; j < 3; j++) Assert.Equal(unmasked[b, answer[b], j], final.Data[b * 3 + j], 12);
        Assert.True(Ex.Check("06.2", answer).Passed);
    }

    [Fact]
    public void Mask_mistakes_get_their_hint()
    {
        Assert.Contains("off by one", Ex.Check("06.2", new[] { 6, 3, 1, 4 }).Message);
        Assert.Contains("last step of the padded batch", Ex.Check("06.2", new[] { 5, 5, 5, 5 }).Message);
        Assert.Contains("pre-padding", Ex.Check("06.2", new[] { 0, 3, 5, 2 }).Message);
    }

    [Fact]
    public void Adam_answer_matches_one_step_of_the_library_optimizer()
    {
        var (g, lr) = Notebook06Exercises.AdamProblem;
        var p = new Parameter<double>("w", g.Length);
        g.CopyTo(p.Grad.Data, 0);
        new Adam<double>([p], Framework.PyTorch, learningRate: lr).step();
        var update = p.Value.Data.ToArray();                     // θ started at 0, so θ is the update
        var r = Ex.Check("06.3", update);
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Adam_mistakes_get_their_hint()
    {
        var (g, lr) = Notebook06Exercises.AdamProblem;
        Assert.Contains("plain SGD", Ex.Check("06.3", g.Select(v => -lr * v).ToArray()).Message);
        Assert.Contains("no bias correction", Ex.Check("06.3", g.Select(v => -lr * 0.1 * v / (Math.Sqrt(0.001) * Math.Abs(v) + 1e-8)).ToArray()).Message);
        Assert.Contains("sign error", Ex.Check("06.3", g.Select(v => lr * v / (Math.Abs(v) + 1e-8)).ToArray()).Message);
    }
}
