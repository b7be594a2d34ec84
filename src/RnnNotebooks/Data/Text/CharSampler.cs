using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// Draws the next character from a model's logits z at temperature τ: p = softmax(z / τ). τ = 1 samples the
/// model's own distribution; τ → 0 approaches the most likely character (τ = 0 takes it); τ &gt; 1 flattens p
/// toward uniform.
/// </summary>
public static class CharSampler
{
    /// <summary>softmax(<paramref name="logits"/> / <paramref name="temperature"/>) for a finite temperature ≥ 0: 0 picks the most likely
    /// character (one-hot on the first maximum); a huge temperature gives a nearly uniform p.</summary>
    public static double[] Probabilities(ReadOnlySpan<double> logits, double temperature)
    {
        if (logits.Length == 0) throw new ArgumentException("CharSampler: no logits.", nameof(logits));
        if (!(temperature >= 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "CharSampler: temperature must be a finite number ≥ 0.");
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
        return p;
    }

    /// <summary>An index drawn from <see cref="Probabilities"/> with <paramref name="rng"/>: a temperature of 0 picks the most likely
    /// character, a huge one draws from a nearly uniform p.</summary>
    public static int Sample(ReadOnlySpan<double> logits, double temperature, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var p = Probabilities(logits, temperature);
        double u = rng.NextDouble(), cumulative = 0;
        for (int j = 0; j < p.Length; j++)
        {
            cumulative += p[j];
            if (u < cumulative) return j;
        }
        for (int j = p.Length - 1; ; j--) if (p[j] > 0) return j;   // u fell in the rounding gap above the sum
    }
}
