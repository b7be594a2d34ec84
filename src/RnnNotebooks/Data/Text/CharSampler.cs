using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// Draws the next character from a model's logits z at temperature τ: p = softmax(z / τ). τ = 1 samples the
/// model's own distribution; τ → 0 approaches the most likely character (τ = 0 takes it); τ &gt; 1 flattens p
/// toward uniform. Optionally p is then cut to its <c>topK</c> most likely characters (top-k sampling) and to the
/// smallest set of most likely characters whose probabilities sum to at least <c>topP</c> (nucleus sampling), and
/// renormalised.
/// </summary>
public static class CharSampler
{
    /// <summary>softmax(<paramref name="logits"/> / <paramref name="temperature"/>) for a finite temperature ≥ 0: 0 picks the most likely
    /// character (one-hot on the first maximum); a huge temperature gives a nearly uniform p. Then, in this order, only the
    /// <paramref name="topK"/> most likely characters are kept (0 keeps every character, as does a value larger than the vocabulary;
    /// ties go to the lower index), and only the fewest most likely characters whose probabilities reach <paramref name="topP"/>
    /// (in (0, 1]; 1 keeps every character); the kept probabilities are renormalised to sum to 1.</summary>
    public static double[] Probabilities(ReadOnlySpan<double> logits, double temperature, int topK = 0, double topP = 1.0)
    {
        if (logits.Length == 0) throw new ArgumentException("CharSampler: no logits.", nameof(logits));
        if (!(temperature >= 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "CharSampler: temperature must be a finite number ≥ 0.");
        if (topK < 0) throw new ArgumentOutOfRangeException(nameof(topK), topK, $"CharSampler: topK must be 0 (no limit) or more, got {topK}.");
        if (!(topP > 0 && topP <= 1)) throw new ArgumentOutOfRangeException(nameof(topP), topP, $"CharSampler: topP must be in (0, 1], got {topP}.");
        var p = new double[logits.Length];
        int best = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            if (!double.IsFinite(logits[j])) throw new ArgumentException($"CharSampler: logit {j} is {logits[j]}.", nameof(logits));
            if (logits[j] > logits[best]) best = j;
        }
        if (temperature == 0) { p[best] = 1; return p; }
        double sum = 0;
        for (int j = 0; j < p.Length; j++) sum += p[j] = Math.Exp((logits[j] - logits[best]) / temperature);
        for (int j = 0; j < p.Length; j++) p[j] /= sum;
        if ((topK == 0 || topK >= p.Length) && topP == 1) return p;
        return Truncate(p, topK == 0 ? p.Length : Math.Min(topK, p.Length), topP);
    }

    /// <summary>An index drawn from <see cref="Probabilities"/> with <paramref name="rng"/> (one uniform draw u: the first index whose
    /// cumulative probability exceeds u): a temperature of 0 picks the most likely character, a huge one draws from a nearly uniform p;
    /// <paramref name="topK"/> (0 keeps every character, as does a value larger than the vocabulary) and <paramref name="topP"/>
    /// (in (0, 1]; 1 keeps every character) cut p as in <see cref="Probabilities"/>.</summary>
    public static int Sample(ReadOnlySpan<double> logits, double temperature, Rng rng, int topK = 0, double topP = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var p = Probabilities(logits, temperature, topK, topP);
        double u = rng.NextDouble(), cumulative = 0;
        for (int j = 0; j < p.Length; j++)
        {
            cumulative += p[j];
            if (u < cumulative) return j;
        }
        for (int j = p.Length - 1; ; j--) if (p[j] > 0) return j;   // u fell in the rounding gap above the sum
    }

    // Keeps the k most likely, then the fewest most likely reaching topP; renormalises what is kept.
    private static double[] Truncate(double[] p, int k, double topP)
    {
        var order = Enumerable.Range(0, p.Length).OrderByDescending(j => p[j]).ThenBy(j => j).ToArray();   // stable: ties to the lower index
        double top = 0, kept = 0;
        for (int i = 0; i < k; i++) top += p[order[i]];
        int count = 0;
        for (; count < k; count++)
        {
            if (count > 0 && kept >= topP * top) break;                 // the nucleus of the top-k distribution is complete
            kept += p[order[count]];
        }
        var q = new double[p.Length];
        for (int i = 0; i < count; i++) q[order[i]] = p[order[i]] / kept;
        return q;
    }
}
