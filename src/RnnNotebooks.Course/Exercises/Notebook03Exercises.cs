using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 03 (backpropagation through time), for one tanh RNN step
/// hₜ = tanh(aₜ), aₜ = Wᵢₕ xₜ + bᵢₕ + Wₕₕ hₜ₋₁ + bₕₕ:
/// 03.1 ∂L/∂hₜ₋₁ = Wₕₕᵀ (dhₜ ⊙ (1 − hₜ²));
/// 03.2 ∂L/∂Wₕₕ = (dhₜ ⊙ (1 − hₜ²)) hₜ₋₁ᵀ for the step;
/// 03.3 which inputs receive gradient when a loss on the last step is back-propagated with
/// <c>TruncateBackpropSteps</c> = K over <see cref="Steps"/> steps.
/// Each getter returns a fresh copy.
/// </summary>
public sealed class Notebook03Exercises : IExerciseSet
{
    /// <summary>Wₕₕ [3, 3] (not symmetric, so a transposed product is recognisable).</summary>
    public static double[,] WHh => new double[,] { { 0.4, -0.7, 0.1 }, { 0.2, 0.3, -0.5 }, { -0.6, 0.8, 0.9 } };
    /// <summary>hₜ [3], the state the step produced.</summary>
    public static double[] Ht => [0.5, -0.2, 0.8];
    /// <summary>dhₜ = ∂L/∂hₜ [3], the gradient arriving at hₜ.</summary>
    public static double[] DHt => [1.0, -2.0, 0.5];
    /// <summary>hₜ₋₁ [3], the state the step started from.</summary>
    public static double[] HPrev => [0.3, 0.6, -0.4];

    /// <summary>03.3: sequence length.</summary>
    public const int Steps = 10;
    /// <summary>03.3: <c>TruncateBackpropSteps</c>.</summary>
    public const int K = 4;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } = new Dictionary<string, Func<object?, ExerciseResult>>
    {
        ["03.1"] = CheckDhPrev,
        ["03.2"] = CheckDWhh,
        ["03.3"] = CheckTruncation,
    };

    /// <summary>
    /// The expected answers of 03.1 and 03.2: the library's <see cref="RnnCell{T}"/> stepping back
    /// from dhₜ through the step that made hₜ from hₜ₋₁ (the input plays no part, so it is empty).
    /// </summary>
    internal static CellGradient<double> Reference()
    {
        var cell = new RnnCell<double>(new Tensor<double>(3, 1), Tensor.FromArray(WHh));
        var step = new RnnStep<double>(new Tensor<double>(1, 1), new Tensor<double>(HPrev, 1, 3), new Tensor<double>(Ht, 1, 3));
        return cell.Backward(step, new Tensor<double>(DHt, 1, 3));
    }

    /// <summary>da = dh ⊙ φ'(h), with a deliberately wrong φ' to recognise a mistake.</summary>
    private static double[] Da(Func<double, double>? derivative = null)
    {
        derivative ??= h => 1 - h * h;
        double[] dh = DHt, h = Ht;
        return dh.Select((g, i) => g * derivative(h[i])).ToArray();
    }

    /// <summary>W v (or Wᵀ v).</summary>
    private static double[] Mul(double[,] w, double[] v, bool transpose)
    {
        int n = w.GetLength(0);
        var r = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i] += (transpose ? w[j, i] : w[i, j]) * v[j];
        return r;
    }

    private static ExerciseResult CheckDhPrev(object? answer)
    {
        const string id = "03.1";
        var g = Vector(answer);
        if (g is null)
            return ExerciseResult.Fail(id, answer is null ? "no answer yet: compute dhPrev (a double[3]) and pass it to the check." : $"expected a double[3], got {Describe(answer)}.");
        if (g.Length != 3) return ExerciseResult.Fail(id, $"dhPrev has {g.Length} elements; it has the shape of h_(t-1): 3.");
        var w = WHh;
        var correct = Reference().HiddenPrev.Data;
        if (Close(g, correct, 1e-6)) return ExerciseResult.Pass(id, $"dL/dh_(t-1) = W_hhᵀ (dh ⊙ (1 − h²)) = {Format(correct)}.");
        var wrong = new (double[] Value, string Hint)[]
        {
            (Mul(w, DHt, transpose: true), "you forgot the tanh derivative: first da = dh ⊙ (1 − h_t²), then W_hhᵀ da."),
            (Mul(w, Da(), transpose: false), "W_hh is not transposed: the forward pass computes W_hh h_(t-1), so the gradient flows back through W_hhᵀ (dhPrev[j] = Σ_i W_hh[i, j] · da[i])."),
            (Mul(w, DHt, transpose: false), "two mistakes: the tanh derivative (1 − h²) is missing and W_hh must be transposed."),
            (Mul(w, Da(h => 1 - h), transpose: true), "tanh'(a) = 1 − tanh(a)² = 1 − h², not 1 − h."),
            (Mul(w, Da(h => h * (1 - h)), transpose: true), "h(1 − h) is the sigmoid's derivative; for tanh it is 1 − h²."),
            (Mul(w, Da(h => 1 - Math.Tanh(h) * Math.Tanh(h)), transpose: true), "h is already tanh(a): the derivative is 1 − h², don't apply tanh to h again."),
            (Da(), "that is da = dh ⊙ (1 − h²), the gradient at the pre-activation; multiply it by W_hhᵀ to reach h_(t-1)."),
        };
        foreach (var (value, hint) in wrong)
            if (Close(g, value, 1e-4)) return ExerciseResult.Fail(id, hint);
        if (Close(g.Select(v => -v).ToArray(), correct, 1e-4)) return ExerciseResult.Fail(id, "sign error: a gradient is not negated; the descent step does that.");
        return ExerciseResult.Fail(id, $"not yet: the largest difference is {MaxDiff(g, correct):G3}. Two steps: da = dh ⊙ (1 − h²), then W_hhᵀ da.");
    }

    /// <summary>The outer product u vᵀ.</summary>
    private static double[,] Outer(double[] u, double[] v)
    {
        var m = new double[u.Length, v.Length];
        for (int i = 0; i < u.Length; i++) for (int j = 0; j < v.Length; j++) m[i, j] = u[i] * v[j];
        return m;
    }

    private static ExerciseResult CheckDWhh(object? answer)
    {
        const string id = "03.2";
        var m = Matrix(answer);
        if (m is null)
            return ExerciseResult.Fail(id, answer is null ? "no answer yet: compute dWhh (a double[3, 3]) and pass it to the check." : $"expected a double[3, 3], got {Describe(answer)}.");
        if (m.GetLength(0) != 3 || m.GetLength(1) != 3)
            return ExerciseResult.Fail(id, $"dWhh is [{m.GetLength(0)}, {m.GetLength(1)}]; a gradient has the shape of its parameter, W_hh [3, 3].");
        var g = Flatten(m);
        var correct = Reference().WeightHh.Data;
        if (Close(g, correct, 1e-6)) return ExerciseResult.Pass(id, "dW_hh = da h_(t-1)ᵀ, da = dh ⊙ (1 − h²): row i is da[i] · h_(t-1).");
        var wrong = new (double[] Value, string Hint)[]
        {
            (Flatten(Outer(HPrev, Da())), "outer product order: dW_hh[i, j] = da[i] · h_(t-1)[j] (da h_(t-1)ᵀ), because W_hh[i, j] multiplies h_(t-1)[j] in unit i; you have h_(t-1) daᵀ, the transpose."),
            (Flatten(Outer(DHt, HPrev)), "you forgot the tanh derivative: use da = dh ⊙ (1 − h_t²), not dh."),
            (Flatten(Outer(HPrev, DHt)), "two mistakes: the tanh derivative is missing, and the outer product is transposed (it is da h_(t-1)ᵀ)."),
            (Flatten(Outer(Da(), Ht)), "W_hh multiplies the previous state: use h_(t-1), not h_t."),
            (Flatten(Outer(Da(h => 1 - h), HPrev)), "tanh'(a) = 1 − h², not 1 − h."),
        };
        foreach (var (value, hint) in wrong)
            if (Close(g, value, 1e-4)) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"not yet: the largest difference is {MaxDiff(g, correct):G3}. dW_hh[i, j] = da[i] · h_(t-1)[j].");
    }

    private static ExerciseResult CheckTruncation(object? answer)
    {
        const string id = "03.3";
        var steps = Ints(answer);
        if (steps is null)
            return ExerciseResult.Fail(id, answer is null ? "no answer yet: list the step indices (0-based) whose input gets a nonzero gradient." : $"expected an int[] of step indices, got {Describe(answer)}.");
        var given = steps.Distinct().Order().ToArray();
        int lastChunkStart = (Steps - 1) / K * K;
        var correct = Enumerable.Range(lastChunkStart, Steps - lastChunkStart).ToArray();
        if (given.SequenceEqual(correct))
            return ExerciseResult.Pass(id, $"steps {Format(correct)}: the chunks are [0–{K - 1}], [{K}–{2 * K - 1}], [{2 * K}–{Steps - 1}] counted from the start, and the last step's loss reaches back only to the start of its own chunk.");
        var backFromEnd = Enumerable.Range(Steps - K, K).ToArray();
        string hint = given switch
        {
            _ when given.SequenceEqual(Enumerable.Range(0, Steps)) => "that is full BPTT; with truncation the gradient stops at a chunk boundary.",
            _ when given.SequenceEqual(backFromEnd) => $"that is right under the other usual definition of k-step truncation (K steps back from each loss); this exercise asks for the library's, stated above it: chunks of K steps counted from the start ([0–{K - 1}], [{K}–{2 * K - 1}], …), like feeding the chunks one after another.",
            _ when given.SequenceEqual(correct.Select(s => s + 1)) => "steps are numbered from 0.",
            _ when given.SequenceEqual(new[] { Steps - 1 }) => $"x_{Steps - 2} feeds h_{Steps - 2}, which feeds h_{Steps - 1} inside the same chunk, so it gets gradient too.",
            _ when given.Length == 0 => "the last step's own input always receives gradient.",
            _ when given.Any(s => s < 0 || s >= Steps) => $"the steps are 0 … {Steps - 1}.",
            _ => $"not yet: {Format(given)}. Write the chunks of {K} steps counted from step 0 and see which chunk holds the last step.",
        };
        return ExerciseResult.Fail(id, hint);
    }
}
