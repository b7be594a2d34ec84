using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using Ex = RnnNotebooks.Course.Exercises.Exercises;
using RnnNotebooks.Course.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 05.1–05.3, with reference answers from the library's own LSTM and GRU layers.</summary>
public class Notebook05ExercisesTests
{
    private static Tensor<double> Param(RNNBase<double> layer, string name) =>
        layer.named_parameters().First(kv => kv.name == name).parameter.Value;

    // One-step LSTM with input x = 1, W_ih = the gate pre-activations, W_hh = 0, no bias: the library computes the step.
    private static (double[] C, double[] H) LibraryLstm(double[] gates, double[] cPrev)
    {
        int h = cPrev.Length;
        var lstm = new LSTM<double>(1, h);
        gates.CopyTo(Param(lstm, "weight_ih_l0").Data, 0);
        Param(lstm, "weight_hh_l0").Clear(); Param(lstm, "bias_ih_l0").Clear(); Param(lstm, "bias_hh_l0").Clear();
        var state = lstm.ZeroState(1);
        cPrev.CopyTo(state.C!.Data, 0);
        var outp = lstm.forward(Tensor.Full(1.0, 1, 1, 1), state);
        return (outp.FinalState.C!.Data, outp.FinalState.H.Data);
    }

    // One-step GRU: W_ih = gi (x = 1), W_hh = 0 and b_hh = gh, h₀ = h_{t−1}.
    private static double[] LibraryGru(double[] gi, double[] gh, double[] hPrev)
    {
        var gru = new GRU<double>(1, hPrev.Length);
        gi.CopyTo(Param(gru, "weight_ih_l0").Data, 0);
        Param(gru, "weight_hh_l0").Clear(); Param(gru, "bias_ih_l0").Clear();
        gh.CopyTo(Param(gru, "bias_hh_l0").Data, 0);
        var state = gru.ZeroState(1);
        hPrev.CopyTo(state.H.Data, 0);
        return gru.forward(Tensor.Full(1.0, 1, 1, 1), state).FinalState.H.Data;
    }

    [Fact]
    public void Lstm_step_from_the_library_passes()
    {
        var p = Notebook05Exercises.LstmStep;
        var (c, h) = LibraryLstm(p.Gates, p.CPrev);
        var r = Ex.Check("05.1", (c, h));
        Assert.True(r.Passed, r.Message);
        Assert.True(Ex.Check("05.1", new[] { c, h }).Passed);
    }

    [Fact]
    public void Lstm_step_mistakes_get_hints()
    {
        var p = Notebook05Exercises.LstmStep;
        int n = p.Hidden;
        var (c, h) = LibraryLstm(p.Gates, p.CPrev);
        // h without tanh on c: o ⊙ c.
        var o = Enumerable.Range(0, n).Select(j => 1 / (1 + Math.Exp(-p.Gates[3 * n + j]))).ToArray();
        Assert.Contains("forgot the tanh", Ex.Check("05.1", (c, c.Select((v, j) => o[j] * v).ToArray())).Message);
        // Gate order i, f, o, g (g and o blocks swapped): feed the library the swapped blocks.
        var swapped = p.Gates[..(2 * n)].Concat(p.Gates[(3 * n)..]).Concat(p.Gates[(2 * n)..(3 * n)]).ToArray();
        Assert.Contains("gate order", Ex.Check("05.1", LibraryLstm(swapped, p.CPrev)).Message);
        // i and f swapped.
        var iF = p.Gates[n..(2 * n)].Concat(p.Gates[..n]).Concat(p.Gates[(2 * n)..]).ToArray();
        Assert.Contains("forget gates swapped", Ex.Check("05.1", LibraryLstm(iF, p.CPrev)).Message);
        Assert.Contains("swapped", Ex.Check("05.1", (h, c)).Message);
        Assert.Contains("wrong shape", Ex.Check("05.1", (new double[2], new double[2])).Message);
        Assert.Contains("no answer yet", Ex.Check("05.1", null).Message);
        // Sigmoid on g: computed by hand.
        var cs = Enumerable.Range(0, n).Select(j =>
        {
            double S(double x) => 1 / (1 + Math.Exp(-x));
            return S(p.Gates[n + j]) * p.CPrev[j] + S(p.Gates[j]) * S(p.Gates[2 * n + j]);
        }).ToArray();
        Assert.Contains("tanh, not the sigmoid", Ex.Check("05.1", (cs, cs.Select((v, j) => o[j] * Math.Tanh(v)).ToArray())).Message);
    }

    [Fact]
    public void Gru_step_from_the_library_passes_and_mistakes_get_hints()
    {
        var p = Notebook05Exercises.GruStep;
        int n = p.Hidden;
        var h = LibraryGru(p.Gi, p.Gh, p.HPrev);
        var r = Ex.Check("05.2", h);
        Assert.True(r.Passed, r.Message);

        // Swapped z: z·n + (1 − z)·h. From the library's answer: h_t = (1−z)n + z h ⇒ n = (h_t − z h)/(1 − z).
        double S(double x) => 1 / (1 + Math.Exp(-x));
        var z = Enumerable.Range(0, n).Select(j => S(p.Gi[n + j] + p.Gh[n + j])).ToArray();
        var nn = Enumerable.Range(0, n).Select(j => (h[j] - z[j] * p.HPrev[j]) / (1 - z[j])).ToArray();
        var swappedZ = Enumerable.Range(0, n).Select(j => z[j] * nn[j] + (1 - z[j]) * p.HPrev[j]).ToArray();
        Assert.Contains("z and 1 − z swapped", Ex.Check("05.2", swappedZ).Message);
        // Gate order z, r, n: swap the first two blocks of both inputs.
        double[] SwapRz(double[] v) => v[n..(2 * n)].Concat(v[..n]).Concat(v[(2 * n)..]).ToArray();
        Assert.Contains("gate order", Ex.Check("05.2", LibraryGru(SwapRz(p.Gi), SwapRz(p.Gh), p.HPrev)).Message);
        // r on both parts: r ⊙ (gi_n + gh_n) = gi'_n + r ⊙ gh'_n with gi'_n = 0, gh'_n = gi_n + gh_n.
        var gi2 = (double[])p.Gi.Clone(); var gh2 = (double[])p.Gh.Clone();
        for (int j = 0; j < n; j++) { gh2[2 * n + j] = p.Gi[2 * n + j] + p.Gh[2 * n + j]; gi2[2 * n + j] = 0; }
        Assert.Contains("reset gate multiplies only the hidden part", Ex.Check("05.2", LibraryGru(gi2, gh2, p.HPrev)).Message);
        Assert.Contains("wrong shape", Ex.Check("05.2", new double[9]).Message);
        Assert.Contains("no answer yet", Ex.Check("05.2", null).Message);
    }

    [Fact]
    public void Lstm_backward_answer_matches_the_library_and_names_the_usual_slips()
    {
        var p = Notebook05Exercises.LstmBackward;
        int h = p.Step.Hidden;
        // The library's LSTM on the same step: input x = 1 with W_ih = the gate pre-activations, W_hh = 0, no bias,
        // initial state (h = 0, c = CPrev); gradients dh and dc injected through the outputs.
        var lstm = new LSTM<double>(1, h, returnSequences: true);
        p.Step.Gates.CopyTo(Param(lstm, "weight_ih_l0").Data, 0);
        Param(lstm, "weight_hh_l0").Clear(); Param(lstm, "bias_ih_l0").Clear(); Param(lstm, "bias_hh_l0").Clear();
        var x = Tensor.Full(1.0, 1, 1, 1);
        var state = new RecurrentState<double>(new Tensor<double>(1, 1, h), new Tensor<double>((double[])p.Step.CPrev.Clone(), 1, 1, h));
        lstm.forward(x, state);
        lstm.backward(new Tensor<double>((double[])p.DH.Clone(), 1, 1, h), new RecurrentState<double>(new Tensor<double>(1, 1, h), new Tensor<double>((double[])p.DC.Clone(), 1, 1, h)));
        var dGates = lstm.named_parameters().First(kv => kv.name == "weight_ih_l0").parameter.Grad.Data.ToArray();   // x = 1: dW_ih = da
        var dCPrev = lstm.InitialStateGradient!.C!.Data.ToArray();
        var result = Ex.Check("05.3", (dGates, dCPrev));
        Assert.True(result.Passed, result.ToString());

        var (numGates, numC) = Notebook05Exercises.NumericBackward(p);
        Assert.InRange(dGates.Zip(numGates, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-7);
        Assert.InRange(dCPrev.Zip(numC, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-7);

        Assert.Contains("wrong shape", Ex.Check("05.3", (dCPrev, dGates)).Message);
        Assert.Contains("no answer yet", Ex.Check("05.3", null).Message);
        var broken = (double[])dGates.Clone(); broken[0] += 0.1;
        Assert.False(Ex.Check("05.3", (broken, dCPrev)).Passed);
        Assert.Contains("dCPrev is not", Ex.Check("05.3", (dGates, dCPrev.Select(v => v + 0.1).ToArray())).Message);
    }
}
