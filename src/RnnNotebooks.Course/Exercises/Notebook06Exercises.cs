using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 06 (training): 06.1 an inverted-dropout forward pass, 06.2 which step
/// gives a masked batch its final state, 06.3 Adam's first update.
/// </summary>
public sealed class Notebook06Exercises : IExerciseSet
{
    /// <summary>06.1: the input, the keep flags of the mask (true = kept) and the dropout probability.</summary>
    public static (double[] X, bool[] Keep, double P) DropoutProblem { get; } =
        ([0.8, -1.2, 2.0, 0.4, -0.6, 1.5, -2.4, 0.2], [true, false, true, true, false, true, true, false], 0.25);

    /// <summary>06.2: lengths of a batch padded to <c>Steps</c> steps (post-padding: real steps first).</summary>
    public static (int[] Lengths, int Steps) MaskProblem { get; } = ([6, 3, 1, 4], 6);

    /// <summary>06.3: a gradient and the learning rate of PyTorch's Adam (β₁ 0.9, β₂ 0.999, ε 1e-8).</summary>
    public static (double[] Gradient, double LearningRate) AdamProblem { get; } = ([0.5, -0.002, 10.0, -3.0], 0.001);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["06.1"] = CheckDropout,
            ["06.2"] = CheckMask,
            ["06.3"] = CheckAdam,
        };

    /// <summary>The reference answer of 06.1: x ⊙ keep / (1 − p).</summary>
    internal static double[] DropoutAnswer() =>
        DropoutProblem.X.Select((v, i) => DropoutProblem.Keep[i] ? v / (1 - DropoutProblem.P) : 0).ToArray();

    /// <summary>The reference answer of 06.2: the index of each sequence's last real step.</summary>
    internal static int[] MaskAnswer() => MaskProblem.Lengths.Select(n => n - 1).ToArray();

    /// <summary>The reference answer of 06.3: −lr · m̂ / (√v̂ + ε) after one step from zero moments.</summary>
    internal static double[] AdamAnswer()
    {
        var (g, lr) = AdamProblem;
        return g.Select(v =>
        {
            double m = 0.1 * v, s = 0.001 * v * v;
            double mHat = m / (1 - 0.9), vHat = s / (1 - 0.999);
            return -lr * mHat / (Math.Sqrt(vHat) + 1e-8);
        }).ToArray();
    }

    private static ExerciseResult CheckDropout(object? answer)
    {
        const string id = "06.1";
        var (x, keep, p) = DropoutProblem;
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the dropout output as a double[] of length {x.Length}.");
        if (a.Length != x.Length) return ExerciseResult.Fail(id, $"wrong shape: one output per input ({x.Length}), your answer has {a.Length}.");
        if (Close(a, DropoutAnswer(), 1e-6)) return ExerciseResult.Pass(id, $"kept elements are scaled by 1/(1 − {p}) = {1 / (1 - p):G4}, so the expected output equals the input.");
        double[] Masked(Func<double, double> f) => x.Select((v, i) => keep[i] ? f(v) : 0).ToArray();
        if (Close(a, Masked(v => v), 1e-9)) return ExerciseResult.Fail(id, "the survivors are not scaled: inverted dropout divides them by 1 − p in training, so nothing needs rescaling at evaluation.");
        if (Close(a, Masked(v => v * (1 - p)), 1e-9)) return ExerciseResult.Fail(id, "you multiplied by 1 − p; that is the old evaluation-time rescaling. In training, divide the kept values by 1 − p.");
        if (Close(a, Masked(v => v / p), 1e-9)) return ExerciseResult.Fail(id, "divided by p: p is the probability of DROPPING; the survivors are divided by the probability of keeping, 1 − p.");
        if (Close(a, x.Select((v, i) => keep[i] ? 0 : v / (1 - p)).ToArray(), 1e-9)) return ExerciseResult.Fail(id, "the mask is inverted: true means kept.");
        if (Close(a, x, 1e-9)) return ExerciseResult.Fail(id, "that is evaluation mode (the identity); the exercise asks for the training-mode output with the given mask.");
        return ExerciseResult.Fail(id, $"not the dropout output (largest difference {MaxDiff(a, DropoutAnswer()):G3}). Zero the dropped elements and divide the kept ones by 1 − p.");
    }

    private static ExerciseResult CheckMask(object? answer)
    {
        const string id = "06.2";
        var (lengths, steps) = MaskProblem;
        var a = Ints(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return one time index per sequence as an int[] of length {lengths.Length}.");
        if (a.Length != lengths.Length) return ExerciseResult.Fail(id, $"wrong shape: one index per sequence ({lengths.Length}), your answer has {a.Length}.");
        var correct = MaskAnswer();
        if (a.SequenceEqual(correct)) return ExerciseResult.Pass(id, $"[{string.Join(", ", a)}]: the state after each sequence's last real step; the padded steps after it leave the state unchanged.");
        if (a.SequenceEqual(lengths)) return ExerciseResult.Fail(id, "off by one: a sequence of length n has its last real step at index n − 1 (indices start at 0).");
        if (a.All(v => v == steps - 1)) return ExerciseResult.Fail(id, $"that is the last step of the padded batch ({steps - 1}); with post-padding the steps after a sequence's length are padding, which a mask skips.");
        if (a.SequenceEqual(lengths.Select(n => steps - n).ToArray())) return ExerciseResult.Fail(id, "that is where each sequence STARTS with pre-padding; here the padding is at the end (post), so real steps are 0 … n − 1.");
        return ExerciseResult.Fail(id, "not the last real steps. With post-padding, sequence b's real steps are 0 … length[b] − 1.");
    }

    private static ExerciseResult CheckAdam(object? answer)
    {
        const string id = "06.3";
        var (g, lr) = AdamProblem;
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the update Δθ as a double[] of length {g.Length}.");
        if (a.Length != g.Length) return ExerciseResult.Fail(id, $"wrong shape: one update per parameter ({g.Length}), your answer has {a.Length}.");
        var correct = AdamAnswer();
        if (Close(a, correct, 1e-9)) return ExerciseResult.Pass(id, $"every entry is ≈ −lr · sign(g): Adam's first step has size lr whatever the gradient's scale (from {g.Min():G3} to {g.Max():G3}).");
        if (Close(a, correct.Select(v => -v).ToArray(), 1e-9)) return ExerciseResult.Fail(id, "sign error: the update moves AGAINST the gradient (θ ← θ − lr · m̂ / (√v̂ + ε)).");
        var noCorrection = g.Select(v => -lr * (0.1 * v) / (Math.Sqrt(0.001 * v * v) + 1e-8)).ToArray();
        if (Close(a, noCorrection, 1e-9)) return ExerciseResult.Fail(id, "no bias correction: m and v start at zero, so divide them by 1 − β₁ and 1 − β₂ (step 1), or the first steps are √0.001/0.1 ≈ 3.16 times too large.");
        if (Close(a, g.Select(v => -lr * v).ToArray(), 1e-9)) return ExerciseResult.Fail(id, "that is plain SGD (−lr · g); Adam divides the (bias-corrected) mean gradient by the root of its (bias-corrected) mean square.");
        return ExerciseResult.Fail(id, $"not Adam's first update (largest difference {MaxDiff(a, correct):G3}). m = (1 − β₁) g, v = (1 − β₂) g², m̂ = m/(1 − β₁), v̂ = v/(1 − β₂), Δθ = −lr · m̂ / (√v̂ + ε).");
    }
}
