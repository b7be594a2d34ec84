using System.Numerics;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Seq2Seq;

/// <summary>
/// Free-running decoding of an <see cref="EncoderDecoder{T}"/>: the model reads its own previous output,
/// not the true one as in teacher forcing. Greedy runs a whole batch of sources at once; beam search runs
/// one source with its k hypotheses as the batch, through <see cref="BeamSearch"/>. The model is put in
/// evaluation mode.
/// </summary>
public static class Seq2SeqDecoding
{
    /// <summary>The decoder state of one hypothesis: sₜ [1, Hd] and the attention weights of the step that made it.</summary>
    public sealed record State<T>(Tensor<T> Hidden, double[]? Weights) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Greedy decoding of every source, <paramref name="batchSize"/> at a time (a batchSize above the number of sources gives one batch), at most <paramref name="maxLength"/> characters each (1 to <see cref="BeamSearch.MaxLength"/>).</summary>
    public static List<Translation> Greedy<T>(EncoderDecoder<T> model, Seq2SeqVocabulary vocabulary, IReadOnlyList<string> sources, int maxLength, int batchSize = 256)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model); ArgumentNullException.ThrowIfNull(vocabulary); ArgumentNullException.ThrowIfNull(sources);
        if (maxLength < 1 || maxLength > BeamSearch.MaxLength) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"Seq2SeqDecoding: maxLength must be in [1, {BeamSearch.MaxLength}], got {maxLength}.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Seq2SeqDecoding: batchSize must be at least 1, got {batchSize}.");
        model.eval();
        var result = new List<Translation>(sources.Count);
        for (int start = 0; start < sources.Count; start += batchSize)
        {
            var chunk = sources.Skip(start).Take(batchSize).ToArray();
            var enc = model.Encode(SourceIds<T>(vocabulary, chunk));
            int b = chunk.Length, s = enc.Keys.Dim(1);
            var tokens = Enumerable.Repeat(Seq2SeqVocabulary.Start, b).ToArray();
            var written = Enumerable.Range(0, b).Select(_ => new List<int>()).ToArray();
            var weights = Enumerable.Range(0, b).Select(_ => new List<double[]>()).ToArray();
            var logp = new double[b];
            var done = new bool[b];
            var state = enc.InitialState;
            for (int t = 0; t < maxLength && done.Contains(false); t++)
            {
                var o = model.DecodeStep(enc, state, tokens);
                state = o.State;
                for (int i = 0; i < b; i++)
                {
                    if (done[i]) continue;
                    var lp = LogSoftmax(o.Logits, i);
                    int best = Seq2SeqVocabulary.End;
                    for (int v = best + 1; v < lp.Length; v++) if (lp[v] > lp[best]) best = v;
                    logp[i] += lp[best];
                    if (o.Weights is not null) weights[i].Add(Row(o.Weights, i));
                    if (best == Seq2SeqVocabulary.End) done[i] = true; else written[i].Add(best);
                    tokens[i] = best;
                }
            }
            for (int i = 0; i < b; i++)
                result.Add(new Translation(chunk[i], vocabulary.Decode(written[i]), logp[i], Matrix(weights[i], chunk[i].Length), done[i]));
        }
        return result;
    }

    /// <summary>Beam search of width <paramref name="beamWidth"/> for one source (width 1 is greedy), at most <paramref name="maxLength"/> characters; the limits are <see cref="BeamSearch"/>'s.</summary>
    public static Translation Beam<T>(EncoderDecoder<T> model, Seq2SeqVocabulary vocabulary, string source, int beamWidth, int maxLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model); ArgumentNullException.ThrowIfNull(vocabulary);
        model.eval();
        var enc = model.Encode(SourceIds<T>(vocabulary, [source]));
        var start = new State<T>(enc.InitialState, null);
        (double[][], State<T>[]) Step(IReadOnlyList<State<T>> states, IReadOnlyList<int> tokens)
        {
            int n = states.Count, hd = model.DecoderHiddenSize;
            var h = new Tensor<T>(n, hd);
            for (int i = 0; i < n; i++) states[i].Hidden.Data.CopyTo(h.Data, i * hd);
            var o = model.DecodeStep(enc.Rows(new int[n]), h, tokens);
            var lp = new double[n][];
            var next = new State<T>[n];
            for (int i = 0; i < n; i++)
            {
                lp[i] = LogSoftmax(o.Logits, i);
                next[i] = new State<T>(StepSlices.Rows(o.State, [i]), o.Weights is null ? null : Row(o.Weights, i));
            }
            return (lp, next);
        }
        var best = BeamSearch.Decode(start, Step, beamWidth, maxLength);
        var rows = best.States.Where(st => st.Weights is not null).Select(st => st.Weights!).ToList();
        return new Translation(source, vocabulary.Decode(best.Tokens), best.LogProbability, Matrix(rows, source.Length), best.Finished);
    }

    /// <summary>The fraction of <paramref name="predictions"/> whose output equals <paramref name="targets"/> exactly.</summary>
    public static double ExactMatch(IReadOnlyList<Translation> predictions, IReadOnlyList<string> targets)
    {
        if (predictions.Count != targets.Count || predictions.Count == 0)
            throw new ArgumentException($"Seq2SeqDecoding: {predictions.Count} predictions for {targets.Count} targets.", nameof(targets));
        return predictions.Zip(targets).Count(p => p.First.Output == p.Second) / (double)predictions.Count;
    }

    /// <summary>Source ids [B, S] for texts, post-padded with 0.</summary>
    public static Tensor<T> SourceIds<T>(Seq2SeqVocabulary vocabulary, IReadOnlyList<string> sources) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (sources.Count == 0) throw new ArgumentException("Seq2SeqDecoding: no sources.", nameof(sources));
        var ids = sources.Select(vocabulary.Encode).ToArray();
        int s = ids.Max(x => x.Length);
        if (s == 0) throw new ArgumentException("Seq2SeqDecoding: every source is empty.", nameof(sources));
        var x = new Tensor<T>(ids.Length, s);
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i].Length == 0) throw new ArgumentException($"Seq2SeqDecoding: source {i} is empty.", nameof(sources));
            for (int k = 0; k < ids[i].Length; k++) x.Data[i * s + k] = T.CreateChecked(ids[i][k]);
        }
        return x;
    }

    /// <summary>log softmax of row <paramref name="row"/> of logits [B, V], in double.</summary>
    internal static double[] LogSoftmax<T>(Tensor<T> logits, int row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = logits.Dim(1);
        var z = new double[v];
        for (int j = 0; j < v; j++) z[j] = double.CreateChecked(logits.Data[row * v + j]);
        double max = z.Max(), lse = max + Math.Log(z.Sum(x => Math.Exp(x - max)));
        for (int j = 0; j < v; j++) z[j] -= lse;
        return z;
    }

    private static double[] Row<T>(Tensor<T> w, int i) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int s = w.Dim(1);
        var r = new double[s];
        for (int j = 0; j < s; j++) r[j] = double.CreateChecked(w.Data[i * s + j]);
        return r;
    }

    // Rows of attention weights → [steps, source length] (padding columns dropped); null without attention.
    private static double[,]? Matrix(List<double[]> rows, int sourceLength)
    {
        if (rows.Count == 0) return null;
        var m = new double[rows.Count, sourceLength];
        for (int t = 0; t < rows.Count; t++) for (int j = 0; j < sourceLength; j++) m[t, j] = rows[t][j];
        return m;
    }
}
