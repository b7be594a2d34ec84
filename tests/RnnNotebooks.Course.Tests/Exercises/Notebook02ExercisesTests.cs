using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Notebook 02's checkers: reference answers come from the library's layers, not from the checker.</summary>
public class Notebook02ExercisesTests
{
    /// <summary>h₁ from the library's RNN loaded with the exercise's weights.</summary>
    private static double[] LibraryStep(double[,] wih, double[,] whh, double[] bih, double[] bhh, string nonlinearity = "tanh")
    {
        var rnn = new RNN<double>(3, 3, nonlinearity: nonlinearity);
        var p = rnn.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
        Tensor.FromArray(wih).Data.CopyTo(p["weight_ih_l0"].Value.Data, 0);
        Tensor.FromArray(whh).Data.CopyTo(p["weight_hh_l0"].Value.Data, 0);
        bih.CopyTo(p["bias_ih_l0"].Value.Data, 0);
        bhh.CopyTo(p["bias_hh_l0"].Value.Data, 0);
        var x = new Tensor<double>(Notebook02Exercises.X, 1, 1, 3);
        var h0 = new RecurrentState<double>(new Tensor<double>(Notebook02Exercises.H0, 1, 1, 3));
        return rnn.forward(x, h0).Output.Data;
    }

    private static double[,] T(double[,] m)
    {
        var r = new double[m.GetLength(1), m.GetLength(0)];
        for (int i = 0; i < m.GetLength(0); i++) for (int j = 0; j < m.GetLength(1); j++) r[j, i] = m[i, j];
        return r;
    }

    private static readonly double[] Zero3 = [0, 0, 0];

    [Fact]
    public void Step_correct_answer_passes_in_several_types()
    {
        var h1 = LibraryStep(Notebook02Exercises.WIh, Notebook02Exercises.WHh, Notebook02Exercises.BIh, Notebook02Exercises.BHh);
        Assert.True(Ex.Check("02.1", h1).Passed);
        Assert.True(Ex.Check("02.1", h1.Select(v => (float)v).ToArray()).Passed);
        Assert.True(Ex.Check("02.1", new Tensor<double>(h1, 1, 3)).Passed);
        Assert.True(Ex.Check("02.1", h1.ToList()).Passed);
    }

    [Fact]
    public void Step_typical_mistakes_get_their_hint()
    {
        double[,] wih = Notebook02Exercises.WIh, whh = Notebook02Exercises.WHh;
        double[] bih = Notebook02Exercises.BIh, bhh = Notebook02Exercises.BHh;
        AssertHint("02.1", LibraryStep(wih, whh, bih, Zero3), "forgot b_hh");
        AssertHint("02.1", LibraryStep(wih, whh, Zero3, bhh), "forgot b_ih");
        AssertHint("02.1", LibraryStep(wih, T(whh), bih, bhh), "W_hh is transposed");
        AssertHint("02.1", LibraryStep(T(wih), whh, bih, bhh), "W_ih is transposed");
        AssertHint("02.1", LibraryStep(wih, whh, bih, bhh, "relu"), "relu");
        // the pre-activation, from tanh's inverse of the correct answer
        var pre = LibraryStep(wih, whh, bih, bhh).Select(Math.Atanh).ToArray();
        AssertHint("02.1", pre, "pre-activation");
        AssertHint("02.1", pre.Select(a => 1 / (1 + Math.Exp(-a))).ToArray(), "sigmoid");
    }

    [Fact]
    public void Step_placeholder_and_bad_shapes_fail_gracefully()
    {
        AssertHint("02.1", null, "no answer yet");
        AssertHint("02.1", new double[4], "4 elements");
        AssertHint("02.1", "hello", "expected a double[3]");
        AssertHint("02.1", new[] { 0.1, 0.2, 0.3 }, "not yet");
    }

    [Fact]
    public void Lstm_count_matches_the_library_and_recognises_mistakes()
    {
        var lstm = new LSTM<double>(Notebook02Exercises.LstmInput, Notebook02Exercises.LstmHidden, Notebook02Exercises.LstmLayers);
        long correct = lstm.ParameterCount;
        Assert.Equal(5920, correct);   // by hand: 4·20·(10+20) + 2·80 + 4·20·(20+20) + 2·80
        Assert.True(Ex.Check("02.2", correct).Passed);
        Assert.True(Ex.Check("02.2", (int)correct).Passed);
        var gru = new GRU<double>(Notebook02Exercises.LstmInput, Notebook02Exercises.LstmHidden, Notebook02Exercises.LstmLayers);
        AssertHint("02.2", gru.ParameterCount, "GRU");
        AssertHint("02.2", correct - 2 * 80, "Keras");
        AssertHint("02.2", new LSTM<double>(10, 20, 1).ParameterCount, "one layer");
        AssertHint("02.2", 2 * new LSTM<double>(10, 20, 1).ParameterCount, "layer 1 does not read the input");
        AssertHint("02.2", null, "no answer yet");
        AssertHint("02.2", -1L, "no answer yet");
    }

    [Fact]
    public void Gru_shapes_match_the_library()
    {
        var gru = new GRU<float>(Notebook02Exercises.GruInput, Notebook02Exercises.GruHidden, Notebook02Exercises.GruLayers,
            bidirectional: true, returnSequences: true);
        var r = gru.forward(new Tensor<float>(Notebook02Exercises.Batch, Notebook02Exercises.Steps, Notebook02Exercises.GruInput), null);
        Assert.True(Ex.Check("02.3", (r.Output.Shape, r.FinalState.H.Shape)).Passed);
        AssertHint("02.3", (new[] { 4, 7, 16 }, r.FinalState.H.Shape), "2·hidden");
        AssertHint("02.3", (new[] { 4, 32 }, r.FinalState.H.Shape), "returnSequences");
        AssertHint("02.3", (new[] { 7, 4, 32 }, r.FinalState.H.Shape), "batch-first");
        AssertHint("02.3", (r.Output.Shape, new[] { 4, 6, 16 }), "h_n");
        AssertHint("02.3", (r.Output.Shape, new[] { 3, 4, 16 }), "two directions");
        AssertHint("02.3", (r.Output.Shape, new[] { 3, 4, 32 }), "not concatenated");
        AssertHint("02.3", ((int[])null!, (int[])null!), "no answer yet");
        AssertHint("02.3", 42, "expected a tuple");
    }

    private static void AssertHint(string id, object? answer, string fragment)
    {
        var r = Ex.Check(id, answer);
        Assert.False(r.Passed, r.ToString());
        Assert.Contains(fragment, r.Message, StringComparison.OrdinalIgnoreCase);
    }
}
