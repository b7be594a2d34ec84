using RnnNotebooks.Data.Seq2Seq;

namespace RnnNotebooks.Seq2Seq;

/// <summary>
/// One decoding step for several hypotheses at once: for each state and the token it just emitted,
/// the log-probabilities of every next token and the state after that token.
/// </summary>
public delegate (double[][] LogProbabilities, TState[] Next) DecodeStep<TState>(IReadOnlyList<TState> states, IReadOnlyList<int> tokens);

/// <summary>A decoded sequence: its tokens (without &lt;/s&gt;), log p of the tokens and the end, and the state after each token.</summary>
/// <param name="Tokens">The ids written, &lt;/s&gt; left out.</param>
/// <param name="LogProbability">Σₜ log p(yₜ | y&lt;ₜ, x), the end token included when <paramref name="Finished"/>.</param>
/// <param name="States">The state after each step (one more than the tokens when finished).</param>
/// <param name="Finished">Whether &lt;/s&gt; was written within the length limit.</param>
public sealed record Hypothesis<TState>(int[] Tokens, double LogProbability, IReadOnlyList<TState> States, bool Finished);

/// <summary>
/// Greedy and beam-search decoding over any <see cref="DecodeStep{TState}"/>. Greedy writes the most
/// likely token at every step; beam search keeps the <c>k</c> most likely partial sequences, so it can
/// recover from a first token that looked best but leads to a worse whole. The score is the plain sum
/// of log-probabilities (no length normalisation). &lt;pad&gt; and &lt;s&gt; are never written.
/// </summary>
public static class BeamSearch
{
    /// <summary>The widest beam: 1,000.</summary>
    public const int MaxBeamWidth = 1_000;

    /// <summary>The most tokens one decoding writes: 1,000.</summary>
    public const int MaxLength = 1_000;

    /// <summary>The most likely token at every step, until &lt;/s&gt; or <paramref name="maxLength"/> tokens.</summary>
    public static Hypothesis<TState> Greedy<TState>(TState start, DecodeStep<TState> step, int maxLength) =>
        Decode(start, step, 1, maxLength);

    /// <summary>
    /// Beam search of width <paramref name="beamWidth"/>: at every step each of the k live sequences is
    /// extended by every token and the k best extensions survive; one that writes &lt;/s&gt; is finished.
    /// Stops when no sequence is live, after <paramref name="maxLength"/> tokens, or when the best finished
    /// sequence scores at least as well as every live one (log-probabilities only fall). Returns the best
    /// finished sequence, else the best live one.
    /// </summary>
    public static Hypothesis<TState> Decode<TState>(TState start, DecodeStep<TState> step, int beamWidth, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (beamWidth < 1 || beamWidth > MaxBeamWidth) throw new ArgumentOutOfRangeException(nameof(beamWidth), beamWidth, $"BeamSearch: beamWidth must be in [1, {MaxBeamWidth}], got {beamWidth}.");
        if (maxLength < 1 || maxLength > MaxLength) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"BeamSearch: maxLength must be in [1, {MaxLength}], got {maxLength}.");
        var alive = new List<Hypothesis<TState>> { new([], 0, [], false) };
        var finished = new List<Hypothesis<TState>>();
        for (int t = 0; t < maxLength && alive.Count > 0; t++)
        {
            var states = alive.Select(h => h.States.Count == 0 ? start : h.States[^1]).ToArray();
            var last = alive.Select(h => h.Tokens.Length == 0 ? Seq2SeqVocabulary.Start : h.Tokens[^1]).ToArray();
            var (logp, next) = step(states, last);
            if (logp.Length != alive.Count || next.Length != alive.Count)
                throw new InvalidOperationException($"BeamSearch: the step returned {logp.Length} rows of log-probabilities and {next.Length} states for {alive.Count} hypotheses.");
            // every (hypothesis, token) extension with its score; the k best survive (ties: earlier hypothesis, smaller id)
            var best = new List<(int H, int Token, double Score)>();
            for (int h = 0; h < alive.Count; h++)
                for (int v = Seq2SeqVocabulary.End; v < logp[h].Length; v++)
                    best.Add((h, v, alive[h].LogProbability + logp[h][v]));
            var survivors = best.OrderByDescending(c => c.Score).ThenBy(c => c.H).ThenBy(c => c.Token).Take(beamWidth);
            var grown = new List<Hypothesis<TState>>();
            foreach (var (h, v, score) in survivors)
            {
                var states2 = alive[h].States.Append(next[h]).ToArray();
                if (v == Seq2SeqVocabulary.End) finished.Add(new(alive[h].Tokens, score, states2, true));
                else grown.Add(new([.. alive[h].Tokens, v], score, states2, false));
            }
            alive = grown;
            if (finished.Count > 0 && alive.Count > 0 && finished.Max(f => f.LogProbability) >= alive.Max(a => a.LogProbability)) break;
        }
        var pool = finished.Count > 0 ? finished : alive;
        return pool.OrderByDescending(h => h.LogProbability).First();
    }
}
