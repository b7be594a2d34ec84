using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Tensors;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 12.1–12.3: correct answers (computed here by other routes) pass, typical mistakes get their hint.</summary>
public class Notebook12ExercisesTests
{
    [Fact]
    public void Combine_correct_answer_passes_and_is_what_two_steps_do()
    {
        var p = Notebook12Exercises.Combine;
        // Independent route: run two steps from two different h₀ and read a and b off the results.
        double[] Run(double h0, int i) => [p.A2[i] * (p.A1[i] * h0 + p.B1[i]) + p.B2[i]];
        int n = p.A1.Length;
        var b = Enumerable.Range(0, n).Select(i => Run(0, i)[0]).ToArray();
        var a = Enumerable.Range(0, n).Select(i => Run(1, i)[0] - b[i]).ToArray();
        var r = Ex.Check("12.1", new[] { a, b });
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Combine_mistakes_get_hints()
    {
        var p = Notebook12Exercises.Combine;
        int n = p.A1.Length;
        var a = Enumerable.Range(0, n).Select(i => p.A1[i] * p.A2[i]).ToArray();
        Assert.Contains("swapped", Ex.Check("12.1", new[] { a, Enumerable.Range(0, n).Select(i => p.A1[i] * p.B2[i] + p.B1[i]).ToArray() }).Message);
        Assert.Contains("a₂ scales it", Ex.Check("12.1", new[] { a, Enumerable.Range(0, n).Select(i => p.B1[i] + p.B2[i]).ToArray() }).Message);
        Assert.Contains("multiply", Ex.Check("12.1", new[] { Enumerable.Range(0, n).Select(i => p.A1[i] + p.A2[i]).ToArray(), a }).Message);
        Assert.Contains("no answer", Ex.Check("12.1", null).Message);
        Assert.Contains("wrong shape", Ex.Check("12.1", new[] { a }).Message);
    }

    [Fact]
    public void Gates_product_underflows_and_the_log_sum_passes()
    {
        var g = Notebook12Exercises.Gates.Gates;
        Assert.True(g.Aggregate(1.0, (x, y) => x * y) <= double.Epsilon);   // the premise: the product is lost (0 or the smallest subnormal)
        // Independent route: the logarithm of the product in chunks of 100 factors (each chunk representable).
        double log = 0;
        for (int i = 0; i < g.Length; i += 100) log += Math.Log(g.Skip(i).Take(100).Aggregate(1.0, (x, y) => x * y));
        var r = Ex.Check("12.2", log);
        Assert.True(r.Passed, r.Message);
        Assert.Contains("underflowed", Ex.Check("12.2", Math.Log(g.Aggregate(1.0, (x, y) => x * y))).Message);
        Assert.Contains("base-10", Ex.Check("12.2", g.Sum(Math.Log10)).Message);
        Assert.Contains("sign", Ex.Check("12.2", -log).Message);
    }

    [Fact]
    public void Reverse_scan_matches_finite_differences_of_the_forward_recurrence()
    {
        var p = Notebook12Exercises.Reverse;
        int n = p.A.Length;
        var b = new double[n];
        // L = Σ gₜ hₜ with hₜ = aₜ hₜ₋₁ + bₜ; ∂L/∂hₜ equals ∂L/∂bₜ, which a central difference gives exactly (L is linear in b).
        double Loss()
        {
            double h = 0, l = 0;
            for (int t = 0; t < n; t++) { h = p.A[t] * h + b[t]; l += p.G[t] * h; }
            return l;
        }
        var delta = new double[n];
        for (int t = 0; t < n; t++)
        {
            b[t] = 1e-3; double up = Loss();
            b[t] = -1e-3; double down = Loss();
            b[t] = 0;
            delta[t] = (up - down) / 2e-3;
        }
        var r = Ex.Check("12.3", delta);
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Reverse_scan_mistakes_get_hints()
    {
        var p = Notebook12Exercises.Reverse;
        int n = p.A.Length;
        var sameStep = new double[n];
        for (int t = n - 1; t >= 0; t--) sameStep[t] = p.G[t] + (t + 1 < n ? p.A[t] * sameStep[t + 1] : 0);
        Assert.Contains("off by one", Ex.Check("12.3", sameStep).Message);
        var forwards = new double[n];
        for (int t = 0; t < n; t++) forwards[t] = p.G[t] + (t > 0 ? p.A[t] * forwards[t - 1] : 0);
        Assert.Contains("direction", Ex.Check("12.3", forwards).Message);
        Assert.Contains("outputs alone", Ex.Check("12.3", p.G).Message);
        Assert.Contains("wrong length", Ex.Check("12.3", new double[3]).Message);
    }
}
