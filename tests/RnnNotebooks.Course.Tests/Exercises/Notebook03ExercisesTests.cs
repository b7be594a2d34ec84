using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>
/// Notebook 03's checkers. The references come from the library's RNN backward pass: a one-step
/// RNN whose pre-activation is exactly W_hh h_(t-1) + c has h_t = tanh(·); with weights chosen so that
/// h_t equals the exercise's h_t, its Backward gives ∂L/∂h_(t-1) and ∂L/∂W_hh.
/// </summary>
public class Notebook03ExercisesTests
{
    /// <summary>
    /// One library step from h_(t-1) with the exercise's W_hh, W_ih = 0 and b_ih chosen so that
    /// the step produces the exercise's h_t; returns (∂L/∂h_(t-1), ∂L/∂W_hh) for ∂L/∂h_t = dh.
    /// </summary>
    private static (double[] DhPrev, double[,] DWhh) LibraryBackward(double[] dh, double[,] whh)
    {
        var rnn = new RNN<double>(1, 3);
        var p = rnn.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
        p["weight_ih_l0"].Value.Clear();
        p["bias_hh_l0"].Value.Clear();
        Tensor.FromArray(whh).Data.CopyTo(p["weight_hh_l0"].Value.Data, 0);
        double[] hPrev = Notebook03Exercises.HPrev, ht = Notebook03Exercises.Ht;
        for (int i = 0; i < 3; i++)
        {
            double wh = 0;
            for (int j = 0; j < 3; j++) wh += whh[i, j] * hPrev[j];
            p["bias_ih_l0"].Value.Data[i] = Math.Atanh(ht[i]) - wh;
        }
        var state = new RecurrentState<double>(new Tensor<double>(hPrev, 1, 1, 3));
        var y = rnn.forward(new Tensor<double>(1, 1, 1), state).Output;
        Assert.Equal(ht, y.Data, (a, b) => Math.Abs(a - b) < 1e-12);
        rnn.zero_grad();
        rnn.backward(new Tensor<double>(dh, 1, 3), null);
        var g = p["weight_hh_l0"].Grad.Data;
        var dW = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) dW[i, j] = g[i * 3 + j];
        return (rnn.InitialStateGradient!.H.Data.ToArray(), dW);
    }

    private static double[,] T(double[,] m)
    {
        var r = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[j, i] = m[i, j];
        return r;
    }

    [Fact]
    public void DhPrev_from_the_library_passes_and_mistakes_get_hints()
    {
        var (dhPrev, _) = LibraryBackward(Notebook03Exercises.DHt, Notebook03Exercises.WHh);
        Assert.True(Ex.Check("03.1", dhPrev).Passed, Ex.Check("03.1", dhPrev).ToString());
        // transposed W: the same backward with W_hhᵀ... gives W_hh da (computed via the library with the transposed matrix)
        var (viaTransposed, _) = LibraryBackward(Notebook03Exercises.DHt, T(Notebook03Exercises.WHh));
        AssertHint("03.1", viaTransposed, "not transposed");
        // forgot the tanh derivative: W_hhᵀ dh by hand
        double[,] w = Notebook03Exercises.WHh; double[] dh = Notebook03Exercises.DHt;
        var noDerivative = new double[3];
        for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) noDerivative[j] += w[i, j] * dh[i];
        AssertHint("03.1", noDerivative, "tanh derivative");
        AssertHint("03.1", dhPrev.Select(v => -v).ToArray(), "sign");
        AssertHint("03.1", null, "no answer yet");
        AssertHint("03.1", new double[2], "2 elements");
    }

    [Fact]
    public void DWhh_from_the_library_passes_and_mistakes_get_hints()
    {
        var (_, dW) = LibraryBackward(Notebook03Exercises.DHt, Notebook03Exercises.WHh);
        Assert.True(Ex.Check("03.2", dW).Passed, Ex.Check("03.2", dW).ToString());
        AssertHint("03.2", T(dW), "outer product order");
        // dh h_(t-1)ᵀ without the derivative
        double[] dh = Notebook03Exercises.DHt, hp = Notebook03Exercises.HPrev;
        var noDerivative = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) noDerivative[i, j] = dh[i] * hp[j];
        AssertHint("03.2", noDerivative, "tanh derivative");
        AssertHint("03.2", new double[3, 2], "shape of its parameter");
        AssertHint("03.2", null, "no answer yet");
    }

    /// <summary>Which inputs get a nonzero gradient, measured with the library's truncated backward pass.</summary>
    private static int[] StepsWithGradient(int truncate)
    {
        var rnn = new RNN<double>(2, 4) { TruncateBackpropSteps = truncate };
        var x = Tensor.Normal<double>(new Rng(3), 0, 1, 1, Notebook03Exercises.Steps, 2);
        rnn.forward(x);
        var dx = rnn.backward(Tensor.Full(1.0, 1, 4));
        return Enumerable.Range(0, Notebook03Exercises.Steps).Where(t => Math.Abs(dx.Data[t * 2]) + Math.Abs(dx.Data[t * 2 + 1]) > 0).ToArray();
    }

    [Fact]
    public void Truncation_answer_matches_the_library()
    {
        var measured = StepsWithGradient(Notebook03Exercises.K);
        Assert.True(Ex.Check("03.3", measured).Passed, Ex.Check("03.3", measured).ToString());
        AssertHint("03.3", StepsWithGradient(0), "full BPTT");
        AssertHint("03.3", new[] { 6, 7, 8, 9 }, "other usual definition");   // K steps back from the loss: right under that convention
        AssertHint("03.3", measured.Select(s => s + 1).ToArray(), "numbered from 0");
        AssertHint("03.3", new[] { 9 }, "same chunk");
        AssertHint("03.3", null, "no answer yet");
        AssertHint("03.3", Array.Empty<int>(), "always receives");
    }

    private static void AssertHint(string id, object? answer, string fragment)
    {
        var r = Ex.Check(id, answer);
        Assert.False(r.Passed, r.ToString());
        Assert.Contains(fragment, r.Message, StringComparison.OrdinalIgnoreCase);
    }
}
