namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of <c>01-sequence-data.ipynb</c>. Each answer is the learner's function; the checker
/// calls it on small inputs whose values are their own positions, so a wrong offset shows up as a
/// recognisable pattern and the hint can name it.
/// <list type="bullet">
/// <item>"01.1" pre-padding: <c>Func&lt;int[][], int, int[,]&gt;</c> (sequences, maxlen) → [n, maxlen], zeros in front, long sequences keep their end.</item>
/// <item>"01.2" sliding windows: <c>Func&lt;double[], int, int, (double[][] X, double[] Y)&gt;</c> (series, length, horizon).</item>
/// <item>"01.3" truncated-BPTT batch: <c>Func&lt;int[], int, int, int, int[,]&gt;</c> (ids, batchSize, steps, index) → inputs [batchSize, steps].</item>
/// </list>
/// </summary>
public sealed class Notebook01Exercises : IExerciseSet
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["01.1"] = CheckPrePadding,
            ["01.2"] = CheckWindows,
            ["01.3"] = CheckBpttBatch,
        };

    // ---------------------------------------------------------------- 01.1

    private static readonly (int[][] Seqs, int Maxlen)[] PadCases =
    [
        ([[1, 2, 3], [4, 5], [6, 7, 8, 9, 10], []], 3),
        ([[11, 12, 13, 14, 15, 16], [17]], 3),
        ([[5, 6], [7, 8]], 2),
    ];

    /// <summary>Pads or truncates every sequence to <paramref name="maxlen"/>, choosing each side.</summary>
    internal static int[,] Pad(int[][] seqs, int maxlen, bool prePad, bool preTruncate)
    {
        var r = new int[seqs.Length, maxlen];
        for (int i = 0; i < seqs.Length; i++)
        {
            var s = seqs[i];
            var kept = s.Length <= maxlen ? s : preTruncate ? s[(s.Length - maxlen)..] : s[..maxlen];
            int start = prePad ? maxlen - kept.Length : 0;
            for (int j = 0; j < kept.Length; j++) r[i, start + j] = kept[j];
        }
        return r;
    }

    /// <summary>01.1: the learner's pre-padding function, checked against Keras's pad_sequences defaults.</summary>
    public static ExerciseResult CheckPrePadding(object? answer)
    {
        const string id = "01.1";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"01.1\", MyPad).");
        if (answer is not Func<int[][], int, int[,]> pad)
            return ExerciseResult.Fail(id, $"expected a function (int[][] sequences, int maxlen) → int[,], got {answer.GetType().Name}.");
        foreach (var (seqs, maxlen) in PadCases)
        {
            string input = Show(seqs) + $", maxlen {maxlen}";
            int[,]? got;
            try { got = pad(Copy(seqs), maxlen); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            if (got is null) return ExerciseResult.Fail(id, $"on {input} your function returned null.");
            var expected = Pad(seqs, maxlen, prePad: true, preTruncate: true);
            if (got.GetLength(0) == maxlen && got.GetLength(1) == seqs.Length && maxlen != seqs.Length)
                return ExerciseResult.Fail(id, $"on {input} the result is [{got.GetLength(0)}, {got.GetLength(1)}]: transposed. One row per sequence: [{seqs.Length}, {maxlen}].");
            if (got.GetLength(0) != seqs.Length || got.GetLength(1) != maxlen)
                return ExerciseResult.Fail(id, $"on {input} the result is [{got.GetLength(0)}, {got.GetLength(1)}], expected [sequences, maxlen] = [{seqs.Length}, {maxlen}] (longer sequences are cut to maxlen).");
            if (Same(got, expected)) continue;
            if (got.Cast<int>().All(v => v == 0))
                return ExerciseResult.Fail(id, $"on {input} every entry is 0: the tokens were not copied in.");
            if (Same(got, Pad(seqs, maxlen, prePad: false, preTruncate: true)))
                return ExerciseResult.Fail(id, $"on {input} the zeros are at the END (post-padding). Pre-padding puts them in front, so the last steps the RNN reads are real words. Got {Show(got)}, expected {Show(expected)}.");
            if (Same(got, Pad(seqs, maxlen, prePad: true, preTruncate: false)))
                return ExerciseResult.Fail(id, $"on {input} long sequences kept their FIRST maxlen tokens. Keras truncates at the front too (truncating='pre'): keep the LAST maxlen tokens. Got {Show(got)}, expected {Show(expected)}.");
            if (Same(got, Pad(seqs, maxlen, prePad: false, preTruncate: false)))
                return ExerciseResult.Fail(id, $"on {input} this is post-padding and post-truncation; pad_sequences defaults to 'pre' for both: zeros in front, long sequences keep their end. Expected {Show(expected)}.");
            return ExerciseResult.Fail(id, $"on {input} got {Show(got)}, expected {Show(expected)}.");
        }
        return ExerciseResult.Pass(id, "zeros in front, long sequences keep their last maxlen tokens: the same as Padding.PadSequences (Keras pad_sequences defaults).");
    }

    // ---------------------------------------------------------------- 01.2

    private static readonly (int N, int Length, int Horizon)[] WindowCases = [(12, 3, 1), (12, 4, 2), (6, 5, 1)];

    /// <summary>01.2: the learner's window builder: every window, inputs strictly before the target.</summary>
    public static ExerciseResult CheckWindows(object? answer)
    {
        const string id = "01.2";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"01.2\", MakeWindows).");
        if (answer is not Func<double[], int, int, (double[][] X, double[] Y)> make)
            return ExerciseResult.Fail(id, $"expected a function (double[] series, int length, int horizon) → (double[][] X, double[] Y), got {answer.GetType().Name}.");
        foreach (var (n, length, horizon) in WindowCases)
        {
            var series = Enumerable.Range(0, n).Select(i => (double)i).ToArray(); // value = position
            string input = $"series 0, 1, …, {n - 1} (each value is its own position), length {length}, horizon {horizon}";
            double[][] x; double[] y;
            try { (x, y) = make((double[])series.Clone(), length, horizon); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (IndexOutOfRangeException e) { return ExerciseResult.Fail(id, $"on {input} your function read past the end of the series ({e.Message}). The last target is the last value; its window ends {horizon} step(s) before it."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            if (x is null || y is null) return ExerciseResult.Fail(id, $"on {input} X or Y is null.");
            int expectedCount = n - length - horizon + 1;
            if (x.Length == 0 && y.Length == 0) return ExerciseResult.Fail(id, $"on {input} no windows came back; expected {expectedCount}.");
            if (x.Length != y.Length) return ExerciseResult.Fail(id, $"on {input} X has {x.Length} windows but Y has {y.Length} targets: one target per window.");
            if (x.Any(w => w is null || w.Length != length))
                return ExerciseResult.Fail(id, $"on {input} a window has {x.First(w => w is null || w.Length != length)?.Length.ToString() ?? "no"} steps; each window holds exactly length = {length} values.");
            // Values are positions, so the gap between the last input and the target is readable.
            double gap = y[0] - x[0][^1];
            if (gap <= 0)
                return ExerciseResult.Fail(id, $"on {input} the first window is [{string.Join(", ", x[0])}] with target {y[0]}: the target is INSIDE the window. That is leakage: the model would be handed the answer. The target is {horizon} step(s) after the last input.");
            if (gap != horizon)
                return ExerciseResult.Fail(id, $"on {input} the first window ends at {x[0][^1]} and its target is {y[0]}, {gap} steps later; with horizon {horizon} it should be {x[0][^1] + horizon} (off by {gap - horizon:+#;-#}).");
            for (int w = 0; w < x.Length; w++)
                for (int s = 1; s < length; s++)
                    if (x[w][s] != x[w][s - 1] + 1)
                        return ExerciseResult.Fail(id, $"on {input} window {w} is [{string.Join(", ", x[w])}]: its values are not consecutive steps of the series.");
            if (x[0][0] != 0)
                return ExerciseResult.Fail(id, $"on {input} the first window starts at position {x[0][0]}; it should start at the first value (position 0), or you lose training data.");
            for (int w = 1; w < x.Length; w++)
                if (x[w][0] != x[w - 1][0] + 1)
                    return ExerciseResult.Fail(id, $"on {input} window {w} starts at {x[w][0]} after a window starting at {x[w - 1][0]}: slide by one step (stride 1).");
            if (x.Length == expectedCount - 1)
                return ExerciseResult.Fail(id, $"on {input} you made {x.Length} windows, one short of {expectedCount}: the last window (target = the last value, {n - 1}) is missing. Check the loop bound (off by one).");
            if (x.Length != expectedCount)
                return ExerciseResult.Fail(id, $"on {input} you made {x.Length} windows, expected n − length − horizon + 1 = {expectedCount}.");
            for (int w = 0; w < y.Length; w++)
                if (y[w] != x[w][^1] + horizon)
                    return ExerciseResult.Fail(id, $"on {input} window {w} ends at {x[w][^1]} but its target is {y[w]}, expected {x[w][^1] + horizon}.");
        }
        return ExerciseResult.Pass(id, "every window, inputs strictly before the target, target `horizon` steps after the last input: the same rule as Windowing.Make.");
    }

    // ---------------------------------------------------------------- 01.3

    private static readonly (int N, int Batch, int Steps, int Index)[] BpttCases = [(50, 4, 3, 0), (50, 4, 3, 2), (23, 2, 4, 1)];

    /// <summary>Batch <paramref name="index"/> of <see cref="Data.Text.BpttBatcher"/>'s layout, computed directly.</summary>
    internal static int[,] BpttInputs(int[] ids, int batch, int steps, int index, int rowLength)
    {
        var x = new int[batch, steps];
        for (int b = 0; b < batch; b++)
            for (int s = 0; s < steps; s++) x[b, s] = ids[b * rowLength + index * steps + s];
        return x;
    }

    /// <summary>01.3: the learner's truncated-BPTT batch: row b of batch i+1 continues row b of batch i.</summary>
    public static ExerciseResult CheckBpttBatch(object? answer)
    {
        const string id = "01.3";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: pass your function, e.g. Exercises.Check(\"01.3\", MyBatch).");
        if (answer is not Func<int[], int, int, int, int[,]> make)
            return ExerciseResult.Fail(id, $"expected a function (int[] ids, int batchSize, int steps, int index) → int[,], got {answer.GetType().Name}.");
        foreach (var (n, batch, steps, index) in BpttCases)
        {
            var ids = Enumerable.Range(0, n).ToArray(); // id = position in the stream
            string input = $"ids 0, 1, …, {n - 1} (each id is its own position), batchSize {batch}, steps {steps}, index {index}";
            int[,]? got;
            try { got = make((int[])ids.Clone(), batch, steps, index); }
            catch (NotImplementedException) { return ExerciseResult.Fail(id, "your function is not written yet (it throws NotImplementedException)."); }
            catch (Exception e) { return ExerciseResult.Fail(id, $"on {input} your function threw {e.GetType().Name}: {e.Message}"); }
            if (got is null) return ExerciseResult.Fail(id, $"on {input} your function returned null.");
            int rowLength = n / batch;
            var expected = BpttInputs(ids, batch, steps, index, rowLength);
            if (got.GetLength(0) == steps && got.GetLength(1) == batch && steps != batch)
                return ExerciseResult.Fail(id, $"on {input} the result is [{steps}, {batch}]: transposed (time-first). The batch is [batchSize, steps]: one row per parallel stream.");
            if (got.GetLength(0) != batch || got.GetLength(1) != steps)
                return ExerciseResult.Fail(id, $"on {input} the result is [{got.GetLength(0)}, {got.GetLength(1)}], expected [batchSize, steps] = [{batch}, {steps}].");
            if (Same(got, expected)) continue;
            if (got.Cast<int>().All(v => v == 0))
                return ExerciseResult.Fail(id, $"on {input} every entry is 0: fill in the ids.");
            var chunks = new int[batch, steps];
            for (int b = 0; b < batch; b++)
                for (int s = 0; s < steps; s++) chunks[b, s] = (index * batch + b) * steps + s;
            if (Same(got, chunks))
                return ExerciseResult.Fail(id, $"on {input} you cut the stream into consecutive chunks (row b = chunk index·batchSize + b). Then row b of the next batch does NOT continue row b of this one, and the hidden state carried over belongs to other text. Cut the stream into batchSize rows of length n / batchSize = {rowLength} first; batch i is columns i·steps … i·steps + steps − 1 of every row. Expected {Show(expected)}.");
            var shifted = new int[batch, steps];
            for (int b = 0; b < batch; b++)
                for (int s = 0; s < steps; s++) shifted[b, s] = expected[b, s] + 1;
            if (Same(got, shifted))
                return ExerciseResult.Fail(id, $"on {input} every id is one position too late: those are the TARGETS (next characters). The inputs start at position b·{rowLength} + index·steps.");
            if (index > 0 && Same(got, BpttInputs(ids, batch, steps, index - 1, rowLength)))
                return ExerciseResult.Fail(id, $"on {input} you returned batch {index - 1}: batch index i starts at column i·steps (index counts from 0).");
            if ((index + 2) * steps <= rowLength && Same(got, BpttInputs(ids, batch, steps, index + 1, rowLength)))
                return ExerciseResult.Fail(id, $"on {input} you returned batch {index + 1}: batch index i starts at column i·steps (index counts from 0).");
            bool rowsContinue = true;
            for (int b = 0; b < batch && rowsContinue; b++)
                for (int s = 1; s < steps; s++)
                    if (got[b, s] != got[b, s - 1] + 1) { rowsContinue = false; break; }
            if (rowsContinue && got[0, 0] == expected[0, 0])
                return ExerciseResult.Fail(id, $"on {input} the rows start at the wrong places: row b starts at b · (n / batchSize) with the division rounded down ({rowLength} here; the tail that does not fit is dropped). Got {Show(got)}, expected {Show(expected)}.");
            return ExerciseResult.Fail(id, $"on {input} got {Show(got)}, expected {Show(expected)}.");
        }
        return ExerciseResult.Pass(id, "row b of batch i+1 continues row b of batch i: the layout of BpttBatcher, so the hidden state can be carried from batch to batch.");
    }

    // ---------------------------------------------------------------- helpers

    private static int[][] Copy(int[][] seqs) => seqs.Select(s => (int[])s.Clone()).ToArray();

    private static bool Same(int[,] a, int[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<int>().SequenceEqual(b.Cast<int>());

    private static string Show(int[][] seqs) => "[" + string.Join(", ", seqs.Select(s => "[" + string.Join(", ", s) + "]")) + "]";

    private static string Show(int[,] m) =>
        "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(0)).Select(i => "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])) + "]")) + "]";
}
