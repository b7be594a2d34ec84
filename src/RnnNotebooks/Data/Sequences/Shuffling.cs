using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Sequences;

/// <summary>Deterministic shuffling with the course's <see cref="Rng"/>: same seed, same order, everywhere.</summary>
public static class Shuffling
{
    /// <summary>A shuffled copy of <paramref name="items"/>; any seed, 0 included, is a seed.</summary>
    public static T[] Shuffled<T>(IReadOnlyList<T> items, ulong seed)
    {
        var copy = items.ToArray();
        new Rng(seed).Shuffle<T>(copy);
        return copy;
    }

    /// <summary>Applies one permutation (from <paramref name="seed"/>; any value, 0 included, is a seed) to both arrays, keeping pairs together.</summary>
    public static (TX[] X, TY[] Y) ShuffleTogether<TX, TY>(TX[] x, TY[] y, ulong seed)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} rows but y has {y.Length}.");
        int[] p = new Rng(seed).Permutation(x.Length);
        var sx = new TX[x.Length];
        var sy = new TY[y.Length];
        for (int i = 0; i < p.Length; i++) { sx[i] = x[p[i]]; sy[i] = y[p[i]]; }
        return (sx, sy);
    }
}
