using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 12 (linear recurrences): 12.1 one combine step of the scan by hand, 12.2 why the
/// log-space form (the log of a long product of gates), 12.3 the backward pass as a reverse scan.
/// </summary>
public sealed class Notebook12Exercises : IExerciseSet
{
    /// <summary>The pairs of exercise 12.1.</summary>
    public static CombineProblem Combine { get; } = new([0.5, 0.9, 0.2], [1.0, -2.0, 0.5], [0.8, 0.1, 0.6], [0.3, 0.4, -1.0]);

    /// <summary>The gates of exercise 12.2: 3000 values in [0.55, 0.95], whose product is below the smallest double.</summary>
    public static GateProductProblem Gates { get; } = MakeGates();

    /// <summary>The problem of exercise 12.3: 8 steps of one unit.</summary>
    public static ReverseScanProblem Reverse { get; } = new(
        [0.9, 0.5, 0.7, 0.2, 0.95, 0.6, 0.3, 0.8],
        [0.1, -0.4, 0.0, 0.3, 0.0, -0.2, 0.5, 1.0]);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["12.1"] = CheckCombine,
            ["12.2"] = CheckGates,
            ["12.3"] = CheckReverse,
        };

    private static GateProductProblem MakeGates()
    {
        var rng = new Rng(1212);
        return new GateProductProblem(Enumerable.Range(0, 3000).Select(_ => rng.Uniform(0.55, 0.95)).ToArray());
    }

    /// <summary>(a₁, b₁) ∘ (a₂, b₂) = (a₁ ⊙ a₂, a₂ ⊙ b₁ + b₂): h₂ = a₂ (a₁ h₀ + b₁) + b₂.</summary>
    internal static double[][] CombineAnswer(CombineProblem p) =>
        [p.A1.Zip(p.A2, (x, y) => x * y).ToArray(), p.A2.Select((a2, i) => a2 * p.B1[i] + p.B2[i]).ToArray()];

    private static ExerciseResult CheckCombine(object? answer)
    {
        const string id = "12.1";
        var p = Combine;
        var a = Vectors(answer);
        int n = p.A1.Length;
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return new[] {{ a, b }}, two double[] of length {n}.");
        if (a.Length != 2 || a.Any(v => v.Length != n))
            return ExerciseResult.Fail(id, $"wrong shape: the combined step is a pair (a, b) of two vectors of length {n}; got {a.Length} vector(s) of lengths {string.Join(", ", a.Select(v => v.Length))}.");
        var right = CombineAnswer(p);
        bool aOk = Close(a[0], right[0], 1e-9), bOk = Close(a[1], right[1], 1e-9);
        if (aOk && bOk) return ExerciseResult.Pass(id, $"(a, b) = ({Format(a[0])}, {Format(a[1])}): one step that does what the two did, so h₂ = a ⊙ h₀ + b for any h₀.");
        if (!aOk)
        {
            if (Close(a[0], p.A1.Zip(p.A2, (x, y) => x + y).ToArray(), 1e-9)) return ExerciseResult.Fail(id, "a: the coefficients multiply (h₀ is scaled by a₁, then by a₂); you added them.");
            return ExerciseResult.Fail(id, $"a is {Format(a[0])}: h₀ reaches h₂ scaled first by a₁, then by a₂.");
        }
        var b = a[1];
        if (Close(b, p.A1.Select((a1, i) => a1 * p.B2[i] + p.B1[i]).ToArray(), 1e-9))
            return ExerciseResult.Fail(id, "b: the steps are swapped: b₁ comes first, so it is the one the later a₂ scales (a₂ ⊙ b₁ + b₂), not a₁ ⊙ b₂ + b₁.");
        if (Close(b, p.B1.Zip(p.B2, (x, y) => x + y).ToArray(), 1e-9))
            return ExerciseResult.Fail(id, "b: b₁ passes through the second step too, so a₂ scales it: a₂ ⊙ b₁ + b₂.");
        if (Close(b, p.A1.Select((a1, i) => a1 * p.A2[i] * p.B1[i] + p.B2[i]).ToArray(), 1e-9))
            return ExerciseResult.Fail(id, "b: b₁ enters after a₁ has acted (h₁ = a₁ h₀ + b₁), so only a₂ scales it.");
        return ExerciseResult.Fail(id, $"b is {Format(b)}: write h₂ = a₂ ⊙ (a₁ ⊙ h₀ + b₁) + b₂ and read off the part that does not contain h₀.");
    }

    /// <summary>ln Π aₜ = Σ ln aₜ.</summary>
    internal static double GatesAnswer(GateProductProblem p) => p.Gates.Sum(Math.Log);

    private static ExerciseResult CheckGates(object? answer)
    {
        const string id = "12.2";
        var p = Gates;
        double? a = Scalar(answer);
        if (a is null || double.IsNaN(a.Value)) return ExerciseResult.Fail(id, "no answer yet: return ln(a₁ · a₂ ⋯ a_T) as a double.");
        double right = GatesAnswer(p);
        if (Math.Abs(a.Value - right) <= 1e-6 * Math.Abs(right))
            return ExerciseResult.Pass(id, $"ln Π aₜ = {a.Value:F2}: the product itself, e^{a.Value:F0}, is below the smallest double (about e^−745), so a scan that multiplies the gates out first loses it; the sum of logarithms keeps it.");
        double product = p.Gates.Aggregate(1.0, (x, y) => x * y);
        if (double.IsNegativeInfinity(a.Value) || Math.Abs(a.Value - Math.Log(product)) < 1e-6 || Math.Abs(a.Value - Math.Log(double.Epsilon)) < 1)
            return ExerciseResult.Fail(id, $"the product underflowed: Π aₜ is about e^{right:F0}, below the smallest double, so it became 0 or the smallest subnormal double before you took its logarithm. Take the logarithm of each factor first, then add.");
        if (Math.Abs(a.Value - right / Math.Log(10)) <= 1e-6 * Math.Abs(right))
            return ExerciseResult.Fail(id, "that is the base-10 logarithm; use the natural logarithm (Math.Log).");
        if (Math.Abs(a.Value + right) <= 1e-6 * Math.Abs(right))
            return ExerciseResult.Fail(id, "sign: every aₜ is below 1, so every ln aₜ is negative and so is their sum.");
        return ExerciseResult.Fail(id, $"{a.Value:G6} is not ln Π aₜ; add up Math.Log(a) over all {p.Gates.Length} gates.");
    }

    /// <summary>δₜ = gₜ + aₜ₊₁ δₜ₊₁ from δ_{T−1} = g_{T−1}.</summary>
    internal static double[] ReverseAnswer(ReverseScanProblem p, int shift = 1, bool backwards = true)
    {
        int n = p.A.Length;
        var d = new double[n];
        if (backwards)
            for (int t = n - 1; t >= 0; t--) d[t] = p.G[t] + (t + 1 < n ? p.A[Math.Min(n - 1, t + shift)] * d[t + 1] : 0);
        else
            for (int t = 0; t < n; t++) d[t] = p.G[t] + (t > 0 ? p.A[t] * d[t - 1] : 0);
        return d;
    }

    private static ExerciseResult CheckReverse(object? answer)
    {
        const string id = "12.3";
        var p = Reverse;
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return δₜ = ∂L/∂hₜ for t = 0 … {p.A.Length - 1} as a double[].");
        if (a.Length != p.A.Length) return ExerciseResult.Fail(id, $"wrong length: one δₜ per step ({p.A.Length}), got {a.Length}.");
        var right = ReverseAnswer(p);
        if (Close(a, right, 1e-9)) return ExerciseResult.Pass(id, $"δ = {Format(a)}: the same linear recurrence as the forward pass, run from the last step to the first, with the coefficients moved one step.");
        if (Close(a, ReverseAnswer(p, shift: 0), 1e-9))
            return ExerciseResult.Fail(id, "off by one: hₜ reaches hₜ₊₁ through aₜ₊₁ (hₜ₊₁ = aₜ₊₁ hₜ + bₜ₊₁), so δₜ = gₜ + aₜ₊₁ δₜ₊₁; you used aₜ.");
        if (Close(a, ReverseAnswer(p, backwards: false), 1e-9))
            return ExerciseResult.Fail(id, "direction: a gradient flows from later steps to earlier ones; start at the last step (δ_{T−1} = g_{T−1}) and go back.");
        if (Close(a, p.G, 1e-9))
            return ExerciseResult.Fail(id, "those are the gradients from the outputs alone; hₜ also reaches every later output through hₜ₊₁.");
        return ExerciseResult.Fail(id, $"δ[{p.A.Length - 1}] must be g[{p.A.Length - 1}] = {p.G[^1]}, and each earlier δₜ = gₜ + aₜ₊₁ δₜ₊₁.");
    }
}
