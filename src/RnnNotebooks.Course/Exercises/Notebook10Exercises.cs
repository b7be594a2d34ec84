using RnnNotebooks.Data.Text;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 10 (text generation): 10.1 softmax at a temperature, 10.2 the unigram
/// cross-entropy of a short text, 10.3 the next-character targets the "hello world" listing meant.
/// </summary>
public sealed class Notebook10Exercises : IExerciseSet
{
    /// <summary>Logits of four characters for exercise 10.1.</summary>
    public static IReadOnlyList<double> Logits { get; } = [2.0, 1.0, 0.1, -1.0];

    /// <summary>The temperature of exercise 10.1.</summary>
    public static double Temperature => 0.5;

    /// <summary>The text of exercise 10.2.</summary>
    public static string UnigramText => "hello world";

    /// <summary>The three sentences of the "hello world" listing; each ends with '\n' when it is encoded.</summary>
    public static IReadOnlyList<string> Sentences { get; } = ["hello world", "hello everyone", "hello universe"];

    /// <summary>The character vocabulary of the sentences, each followed by '\n' (exercise 10.3).</summary>
    public static CharVocabulary Vocabulary { get; } = new(string.Concat(Sentences.Select(s => s + "\n")));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["10.1"] = CheckTemperature,
            ["10.2"] = CheckUnigram,
            ["10.3"] = CheckTargets,
        };

    private static double[] Softmax(IEnumerable<double> z)
    {
        var e = z.Select(Math.Exp).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    private static ExerciseResult CheckTemperature(object? answer)
    {
        const string id = "10.1";
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the {Logits.Count} probabilities as a double[].");
        if (a.Length != Logits.Count) return ExerciseResult.Fail(id, $"wrong shape: one probability per logit ({Logits.Count}), got {a.Length}.");
        var expected = CharSampler.Probabilities(Logits.ToArray(), Temperature);
        if (Close(a, expected, 1e-9)) return ExerciseResult.Pass(id, $"p = {Format(expected)}: the largest logit gained weight at τ = {Temperature}.");
        if (Close(a, Softmax(Logits), 1e-9)) return ExerciseResult.Fail(id, "that is softmax(z) at τ = 1: divide the logits by the temperature first, softmax(z / τ).");
        if (Close(a, Softmax(Logits.Select(z => z * Temperature)), 1e-9)) return ExerciseResult.Fail(id, "you multiplied by τ: divide, softmax(z / τ); a temperature below 1 sharpens the distribution.");
        if (Math.Abs(a.Sum() - 1) > 1e-6) return ExerciseResult.Fail(id, $"the probabilities sum to {a.Sum():G6}, not 1: normalise by the sum of exp(z / τ).");
        return ExerciseResult.Fail(id, $"not softmax(z / τ) (largest difference {MaxDiff(a, expected):G3}).");
    }

    /// <summary>−(1/n) Σ ln(count(c)/n) over the characters of <paramref name="text"/>, with base-e or base-2 logs.</summary>
    internal static double UnigramEntropy(string text, bool bits = false)
    {
        var counts = text.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        double sum = text.Sum(c => -Math.Log((double)counts[c] / text.Length));
        return sum / text.Length / (bits ? Math.Log(2) : 1);
    }

    private static ExerciseResult CheckUnigram(object? answer)
    {
        const string id = "10.2";
        var a = Scalar(answer);
        if (a is null || double.IsNaN(a.Value)) return ExerciseResult.Fail(id, "no answer yet: return the mean cross-entropy in nats per character as a double.");
        double expected = UnigramEntropy(UnigramText);
        double v = a.Value;
        if (Math.Abs(v - expected) < 1e-9) return ExerciseResult.Pass(id, $"{expected:F6} nats/char, perplexity {Math.Exp(expected):F3}: as uncertain as a fair choice among that many characters.");
        if (Math.Abs(v + expected) < 1e-9) return ExerciseResult.Fail(id, "the sign: cross-entropy is −mean log p, a positive number.");
        if (Math.Abs(v - UnigramEntropy(UnigramText, bits: true)) < 1e-9) return ExerciseResult.Fail(id, "that is in bits (log₂); the course measures nats (natural log, Math.Log).");
        int distinct = UnigramText.Distinct().Count();
        if (Math.Abs(v - Math.Log(distinct)) < 1e-9) return ExerciseResult.Fail(id, $"ln {distinct} is the uniform model's loss: use each character's own frequency, count(c) / {UnigramText.Length}.");
        return ExerciseResult.Fail(id, $"not the unigram cross-entropy (got {v:G6}). p(c) = count(c) / {UnigramText.Length}; average −ln p(c) over the {UnigramText.Length} characters.");
    }

    private static ExerciseResult CheckTargets(object? answer)
    {
        const string id = "10.3";
        var a = Ints(answer);
        string sentence = Sentences[0] + "\n";
        var ids = Vocabulary.Encode(sentence);
        var expected = ids[1..];
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the {expected.Length} target ids for the inputs \"{Sentences[0]}\" as an int[].");
        if (a.SequenceEqual(expected)) return ExerciseResult.Pass(id, $"targets {Format(expected)}: \"{Vocabulary.Decode(expected).Replace("\n", "\\n")}\", each input character's next one.");
        if (a.SequenceEqual(ids[..^1]) || a.SequenceEqual(ids)) return ExerciseResult.Fail(id, "those are the inputs: the target at step t is the character at t + 1 (shift by one).");
        if (a.Length != expected.Length) return ExerciseResult.Fail(id, $"wrong length: {expected.Length} inputs (\"{Sentences[0]}\") need {expected.Length} targets, the last one '\\n'; got {a.Length}.");
        if (a.Take(expected.Length - 1).SequenceEqual(expected[..^1])) return ExerciseResult.Fail(id, "all but the last: after 'd' comes the end of the sentence, '\\n'.");
        return ExerciseResult.Fail(id, $"not the next-character ids (expected ids from Notebook10Exercises.Vocabulary; got {Format(a)}).");
    }
}
