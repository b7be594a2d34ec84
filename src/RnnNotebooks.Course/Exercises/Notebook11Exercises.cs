using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 11 (encoder–decoder and attention): 11.1 one attention weight vector by hand
/// (dot-product scores, a padded position), 11.2 one beam-search step, 11.3 the shape of the context.
/// </summary>
public sealed class Notebook11Exercises : IExerciseSet
{
    /// <summary>The decoder state q of exercise 11.1.</summary>
    public static IReadOnlyList<double> Query { get; } = [1.0, 0.5, -1.0];

    /// <summary>The four encoder outputs h₁…h₄ of exercise 11.1; the fourth is padding.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Keys { get; } =
        [[0.5, 1.0, 0.0], [1.0, 0.0, -1.0], [-0.5, 0.5, 0.5], [2.0, 2.0, -2.0]];

    /// <summary>Real positions of the source in exercise 11.1 (the rest is padding).</summary>
    public static int SourceLength => 3;

    /// <summary>The two live hypotheses of exercise 11.2 and their probabilities so far.</summary>
    public static IReadOnlyList<(string Prefix, double Probability)> Hypotheses { get; } = [("2", 0.6), ("1", 0.4)];

    /// <summary>p(next character | prefix) for each hypothesis of exercise 11.2.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<char, double>> Next { get; } =
        new Dictionary<string, IReadOnlyDictionary<char, double>>
        {
            ["2"] = new Dictionary<char, double> { ['0'] = 0.5, ['1'] = 0.45, ['9'] = 0.05 },
            ["1"] = new Dictionary<char, double> { ['9'] = 0.6, ['0'] = 0.3, ['8'] = 0.1 },
        };

    /// <summary>The beam width of exercise 11.2.</summary>
    public static int BeamWidth => 2;

    /// <summary>Batch size B of exercise 11.3.</summary>
    public static int Batch => 32;
    /// <summary>Source length S of exercise 11.3.</summary>
    public static int SourceSteps => 29;
    /// <summary>Encoder hidden units per direction of exercise 11.3 (the encoder is bidirectional).</summary>
    public static int HiddenSize => 64;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["11.1"] = CheckWeights,
            ["11.2"] = CheckBeam,
            ["11.3"] = CheckContextShape,
        };

    private static double[] Scores() => Keys.Select(k => k.Zip(Query, (a, b) => a * b).Sum()).ToArray();

    private static double[] Softmax(IEnumerable<double> z)
    {
        var a = z.ToArray();
        double max = a.Max();
        var e = a.Select(v => Math.Exp(v - max)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    /// <summary>The expected weights: softmax of the three real scores, 0 for the padded position.</summary>
    internal static double[] ExpectedWeights() => [.. Softmax(Scores().Take(SourceLength)), 0.0];

    private static ExerciseResult CheckWeights(object? answer)
    {
        const string id = "11.1";
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the {Keys.Count} weights α₁…α₄ as a double[] (0 for the padded position).");
        if (a.Length != Keys.Count) return ExerciseResult.Fail(id, $"wrong shape: one weight per source position ({Keys.Count}, the padded one included), got {a.Length}.");
        var expected = ExpectedWeights();
        if (Close(a, expected, 1e-9)) return ExerciseResult.Pass(id, $"α = {Format(expected)}: position {Array.IndexOf(expected, expected.Max()) + 1} gets the most weight, and the padding none.");
        if (Close(a, Softmax(Scores()), 1e-9)) return ExerciseResult.Fail(id, $"the fourth position is padding: leave it out of the softmax (score −∞), so α₄ = 0 and the first {SourceLength} sum to 1.");
        if (Close(a, Scores(), 1e-9) || Close(a, [.. Scores().Take(SourceLength), 0.0], 1e-9))
            return ExerciseResult.Fail(id, "those are the scores eₛ = hₛ · q: the weights are their softmax over the real positions.");
        if (Math.Abs(a.Sum() - 1) > 1e-6) return ExerciseResult.Fail(id, $"the weights sum to {a.Sum():G6}, not 1: divide each exp(eₛ) by the sum over the real positions.");
        return ExerciseResult.Fail(id, $"not softmax(hₛ · q) over the real positions (largest difference {MaxDiff(a, expected):G3}); the score is the dot product of q with each key.");
    }

    /// <summary>Every one-character extension with its probability, best first.</summary>
    internal static List<(string Text, double P)> Extensions() =>
        Hypotheses.SelectMany(h => Next[h.Prefix].Select(n => (h.Prefix + n.Key, h.Probability * n.Value)))
            .OrderByDescending(x => x.Item2).ToList();

    private static ExerciseResult CheckBeam(object? answer)
    {
        const string id = "11.2";
        var a = answer switch { string[] s => s, IEnumerable<string> e => e.ToArray(), _ => null };
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the {BeamWidth} surviving sequences as a string[], best first.");
        var expected = Extensions().Take(BeamWidth).Select(x => x.Text).ToArray();
        if (a.SequenceEqual(expected))
        {
            var best = Extensions();
            return ExerciseResult.Pass(id, $"{string.Join(", ", best.Take(BeamWidth).Select(x => $"\"{x.Text}\" ({x.P:0.###})"))}: both extend \"{Hypotheses[0].Prefix}\"; \"{Hypotheses[1].Prefix}\" drops out of the beam.");
        }
        if (a.Length != BeamWidth) return ExerciseResult.Fail(id, $"a beam of width {BeamWidth} keeps {BeamWidth} sequences, got {a.Length}.");
        if (a.Order().SequenceEqual(expected.Order())) return ExerciseResult.Fail(id, "the right two, in the wrong order: best first, by p(prefix) · p(next | prefix).");
        var perBeam = Hypotheses.Select(h => h.Prefix + Next[h.Prefix].MaxBy(n => n.Value).Key).ToArray();
        if (a.Order().SequenceEqual(perBeam.Order()))
            return ExerciseResult.Fail(id, "that keeps the best extension of each hypothesis: beam search ranks all extensions of all hypotheses together and keeps the best k, even if they share a prefix.");
        var ignorePrefix = Hypotheses.SelectMany(h => Next[h.Prefix].Select(n => (Text: h.Prefix + n.Key, P: n.Value))).OrderByDescending(x => x.P).Take(BeamWidth).Select(x => x.Text).ToArray();
        if (a.SequenceEqual(ignorePrefix))
            return ExerciseResult.Fail(id, "that ranks by p(next | prefix) alone: multiply by the prefix's own probability (add log-probabilities).");
        return ExerciseResult.Fail(id, $"not the two best of the {Extensions().Count} extensions (score: p(prefix) · p(next | prefix)).");
    }

    private static ExerciseResult CheckContextShape(object? answer)
    {
        const string id = "11.3";
        var a = Ints(answer);
        int[] expected = [Batch, 2 * HiddenSize];
        if (a is null) return ExerciseResult.Fail(id, "no answer yet: return the shape of one step's context c as an int[].");
        if (a.SequenceEqual(expected)) return ExerciseResult.Pass(id, $"[{Batch}, {2 * HiddenSize}]: one context per sentence, as wide as an encoder output (both directions), whatever the source length {SourceSteps}.");
        if (a.SequenceEqual([Batch, HiddenSize])) return ExerciseResult.Fail(id, "the encoder is bidirectional: each hₛ is [h→; h←], twice the hidden size.");
        if (a.SequenceEqual([Batch, SourceSteps])) return ExerciseResult.Fail(id, "that is the shape of the weights α (one per source position); the context is their weighted sum of the encoder outputs.");
        if (a.SequenceEqual([Batch, SourceSteps, 2 * HiddenSize])) return ExerciseResult.Fail(id, "that is the shape of all encoder outputs h; the context sums them over the source positions.");
        return ExerciseResult.Fail(id, $"not the context's shape (got {Format(a)}): c = Σₛ αₛ hₛ for each row of the batch.");
    }
}
