using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using Ex = RnnNotebooks.Course.Exercises.Exercises;
using RnnNotebooks.Course.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 04.1–04.3: correct answers pass, typical mistakes get their hint.</summary>
public class Notebook04ExercisesTests
{
    // Independent route for 04.1: build each Jacobian J_k = diag(1 − h_k²) W as a matrix,
    // multiply them into P = J_T ⋯ J_1, and return uᵀP (= Pᵀu).
    private static double[] ViaJacobianMatrices(JacobianProblem p, bool transposeW = false, bool noDerivative = false, int stopAt = 1)
    {
        int n = p.FinalGradient.Length;
        var prod = Identity(n);
        for (int k = stopAt; k <= p.Steps; k++)
        {
            var j = new double[n, n];
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++)
                    j[r, c] = (noDerivative ? 1 : 1 - p.States[k][r] * p.States[k][r]) * (transposeW ? p.Whh[c, r] : p.Whh[r, c]);
            prod = Mul(j, prod);
        }
        var g = new double[n];
        for (int c = 0; c < n; c++) for (int r = 0; r < n; r++) g[c] += p.FinalGradient[r] * prod[r, c];
        return g;
    }

    private static double[,] Identity(int n) { var m = new double[n, n]; for (int i = 0; i < n; i++) m[i, i] = 1; return m; }

    private static double[,] Mul(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var c = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    [Fact]
    public void Jacobian_problem_is_a_tanh_rnn_trajectory()
    {
        var p = Notebook04Exercises.Jacobian;
        Assert.Equal(6, p.Steps);
        Assert.All(p.States[0], v => Assert.Equal(0, v));
        Assert.All(p.States.Skip(1).SelectMany(s => s), v => Assert.InRange(v, -1, 1));
    }

    [Fact]
    public void Jacobian_correct_answer_passes()
    {
        var r = Ex.Check("04.1", ViaJacobianMatrices(Notebook04Exercises.Jacobian));
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Jacobian_mistakes_get_hints()
    {
        var p = Notebook04Exercises.Jacobian;
        Assert.Contains("transposed", Ex.Check("04.1", ViaJacobianMatrices(p, transposeW: true)).Message);
        Assert.Contains("tanh derivative is missing", Ex.Check("04.1", ViaJacobianMatrices(p, noDerivative: true)).Message);
        Assert.Contains("one Jacobian short", Ex.Check("04.1", ViaJacobianMatrices(p, stopAt: 2)).Message);
        Assert.Contains("sign", Ex.Check("04.1", ViaJacobianMatrices(p).Select(v => -v).ToArray()).Message);
        Assert.Contains("wrong shape", Ex.Check("04.1", new double[3]).Message);
        var none = Ex.Check("04.1", null);
        Assert.False(none.Passed);
        Assert.Contains("no answer yet", none.Message);

        // Off by one: (1 − h_{k−1}²) instead of (1 − h_k²), written as a plain loop.
        var g = (double[])p.FinalGradient.Clone();
        for (int k = p.Steps; k >= 1; k--)
        {
            var next = new double[g.Length];
            for (int j = 0; j < g.Length; j++)
                for (int i = 0; i < g.Length; i++) next[j] += p.Whh[i, j] * g[i] * (1 - p.States[k - 1][i] * p.States[k - 1][i]);
            g = next;
        }
        Assert.Contains("off by one", Ex.Check("04.1", g).Message);
    }

    [Fact]
    public void Clip_matches_the_library_and_mistakes_get_hints()
    {
        var p = Notebook04Exercises.Clip;
        var prms = p.Gradients.Select((g, i) => { var q = new Parameter<double>("p" + i, g.Length); g.CopyTo(q.Grad.Data, 0); return q; }).ToList();
        GradientClipping.ClipByGlobalNorm(prms, p.MaxNorm);
        var reference = prms.Select(q => q.Grad.Data).ToArray();
        var ok = Ex.Check("04.2", reference);
        Assert.True(ok.Passed, ok.Message);
        Assert.True(Ex.Check("04.2", reference.ToList()).Passed);

        Assert.Contains("nothing was clipped", Ex.Check("04.2", p.Gradients).Message);
        var perTensor = p.Gradients.Select(g => { double n = Math.Sqrt(g.Sum(v => v * v)); return g.Select(v => n > p.MaxNorm ? v * p.MaxNorm / n : v).ToArray(); }).ToArray();
        Assert.Contains("each gradient by its own norm", Ex.Check("04.2", perTensor).Message);
        var byValue = p.Gradients.Select(g => g.Select(v => Math.Max(-5.0, Math.Min(5.0, v))).ToArray()).ToArray();
        Assert.Contains("clipping by value", Ex.Check("04.2", byValue).Message);
        // Global norm: sqrt(9 + 16 + 144 + 0.25 + 4 + 36 + 1) = sqrt(210.25) = 14.5.
        var squared = p.Gradients.Select(g => g.Select(v => v * 5 / 210.25).ToArray()).ToArray();
        Assert.Contains("square root", Ex.Check("04.2", squared).Message);
        Assert.Contains("wrong shape", Ex.Check("04.2", new[] { new double[2] }).Message);
        Assert.Contains("no answer yet", Ex.Check("04.2", null).Message);
    }

    [Fact]
    public void Baseline_mse_by_simulation_passes_and_mistakes_get_hints()
    {
        // Independent route: simulate the target U₁ + U₂ and the MSE of predicting its mean.
        var rng = new Rng(3);
        double sum = 0; int n = 2_000_000;
        for (int i = 0; i < n; i++) { double y = rng.NextDouble() + rng.NextDouble(); sum += (y - 1) * (y - 1); }
        var r = Ex.Check("04.3", sum / n);
        Assert.True(r.Passed, r.Message);
        Assert.Contains("ONE U(0, 1)", Ex.Check("04.3", 1.0 / 12).Message);
        Assert.Contains("Var(2U)", Ex.Check("04.3", 1.0 / 3).Message);
        Assert.Contains("predicting 0", Ex.Check("04.3", 7.0 / 6).Message);
        Assert.Contains("standard deviation", Ex.Check("04.3", 0.408).Message);
        Assert.Contains("no answer yet", Ex.Check("04.3", double.NaN).Message);
        Assert.False(Ex.Check("04.3", 0.9).Passed);
    }
}
