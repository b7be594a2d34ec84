using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Nn;
using static RnnNotebooks.Course.Exercises.AnswerReader;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 08 (IMDB sentiment): 08.1 Keras's <c>pad_sequences</c> by hand,
/// 08.2 the parameter count of the LSTM classifier.
/// </summary>
public sealed class Notebook08Exercises : IExerciseSet
{
    /// <summary>Four short "reviews" of word ids for exercise 08.1 (one longer than <see cref="MaxLen"/>, one exactly as long).</summary>
    public static IReadOnlyList<int[]> Reviews { get; } = [[1, 14, 22, 16], [1, 194, 1153, 194, 8255, 78, 228], [1, 5], [1, 43, 530, 973, 1622]];

    /// <summary>The length every review of 08.1 is padded or cut to.</summary>
    public const int MaxLen = 5;

    /// <summary>The layer sizes of exercise 08.2: Embedding(10000, 32) → LSTM(32) → Linear(1) + sigmoid.</summary>
    public static (int VocabSize, int EmbeddingDim, int HiddenSize) LstmClassifier { get; } = (10_000, 32, 32);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["08.1"] = CheckPadding,
            ["08.2"] = CheckParameterCount,
        };

    private static int[][] Rows(int[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToArray();

    private static int[][]? Matrix(object? answer) => answer switch
    {
        null => null,
        int[,] m => Rows(m),
        int[][] jagged => jagged,
        IEnumerable<int[]> list => list.ToArray(),
        _ => null,
    };

    private static bool Same(int[][] a, int[][] b) => a.Length == b.Length && a.Zip(b).All(p => p.First.SequenceEqual(p.Second));

    private static ExerciseResult CheckPadding(object? answer)
    {
        const string id = "08.1";
        var a = Matrix(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return an int[{Reviews.Count}, {MaxLen}] (or int[][]) with one padded review per row.");
        if (a.Length != Reviews.Count || a.Any(r => r is null || r.Length != MaxLen))
            return ExerciseResult.Fail(id, $"wrong shape: {Reviews.Count} rows of {MaxLen} ids, got {a.Length} rows of lengths {string.Join(", ", a.Select(r => r?.Length ?? 0))}.");
        var expected = Rows(Padding.PadSequences(Reviews, MaxLen));
        if (Same(a, expected)) return ExerciseResult.Pass(id, "pre-padding and pre-truncation, as Keras's pad_sequences: the last words of every review sit at the last steps.");
        var variants = new (PadSide Padding, PadSide Truncating, string Hint)[]
        {
            (PadSide.Post, PadSide.Pre, "zeros go in FRONT (padding='pre', Keras's default), so the review's last word reaches the last step, the one the classifier reads."),
            (PadSide.Pre, PadSide.Post, "padding is right, but a long review keeps its LAST maxlen words (truncating='pre'): the first ones are cut."),
            (PadSide.Post, PadSide.Post, "both sides are PyTorch-style 'post': Keras pads and truncates at the front ('pre') by default."),
        };
        foreach (var (pad, cut, hint) in variants)
            if (Same(a, Rows(Padding.PadSequences(Reviews, MaxLen, pad, cut)))) return ExerciseResult.Fail(id, hint);
        int row = Enumerable.Range(0, a.Length).First(i => !a[i].SequenceEqual(expected[i]));
        return ExerciseResult.Fail(id, $"row {row} is [{string.Join(", ", a[row])}]; review {row} has {Reviews[row].Length} ids: zeros in front to make {MaxLen}, or only its last {MaxLen} ids.");
    }

    /// <summary>The count the library (and PyTorch) gives the model of 08.2.</summary>
    internal static long ExpectedCount()
    {
        var (v, e, h) = LstmClassifier;
        var model = new Sequential<double>(new Embedding<double>(v, e), new LSTM<double>(e, h), new Linear<double>(h, 1, Activation.Sigmoid));
        return model.parameters().Sum(p => (long)p.Value.Length);
    }

    private static ExerciseResult CheckParameterCount(object? answer)
    {
        const string id = "08.2";
        if (Scalar(answer) is not double a) return ExerciseResult.Fail(id, "no answer yet: return the number of parameters as an int or long.");
        var (v, e, h) = LstmClassifier;
        long expected = ExpectedCount();
        long embedding = (long)v * e, dense = h + 1;
        if (a == expected) return ExerciseResult.Pass(id, $"{expected:N0} = embedding {embedding:N0} + LSTM {expected - embedding - dense:N0} + dense {dense}.");
        var hints = new (long Value, string Hint)[]
        {
            (embedding + 4L * (e * h + h * h + h) + dense, "that is Keras's count: Keras's LSTM has ONE bias per gate, PyTorch (and this library) has two, bias_ih and bias_hh."),
            (embedding + (e * h + h * h + 2L * h) + dense, "that is the SimpleRNN's count: an LSTM has four gates (i, f, g, o), each with its own weights."),
            (4L * (e * h + h * h + 2 * h) + dense, "the embedding table has parameters too: one vector of size 32 for each of the 10,000 words."),
            (embedding + 4L * (e * h + h * h + 2 * h), "the final Linear(32, 1) has 32 weights and a bias."),
            (embedding + 4L * (e * h + h * h) + dense, "each gate also has biases (two in PyTorch: bias_ih and bias_hh)."),
        };
        foreach (var (value, hint) in hints)
            if (a == value) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"{a:N0} is not it. Count embedding (vocabulary × size), the LSTM's weight_ih [4H, E], weight_hh [4H, H], bias_ih and bias_hh [4H], and the Linear's weight and bias.");
    }
}
