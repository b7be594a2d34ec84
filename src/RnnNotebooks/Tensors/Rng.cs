namespace RnnNotebooks.Tensors;

/// <summary>
/// A seeded random number generator (xoshiro256** seeded through SplitMix64). The same seed
/// gives the same stream on every platform and .NET version, which <see cref="System.Random"/>
/// does not promise.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>
    /// The generator layers use for their initial weights, like PyTorch's global generator.
    /// Call <see cref="ManualSeed"/> before building a model to make its weights reproducible.
    /// </summary>
    public static Rng Global { get; private set; } = new(0);

    /// <summary>Reseeds <see cref="Global"/> (PyTorch's <c>torch.manual_seed</c>). Any value, 0 included, is a seed.</summary>
    public static void ManualSeed(ulong seed) => Global = new Rng(seed);
    private double? _spareNormal;

    /// <summary>Creates a generator from a seed; any value, 0 included, is a seed.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    /// <summary>The generator's state as text (four 64-bit words and the cached normal, in hex), for
    /// <see cref="SetState"/>: a checkpoint saves it so a resumed run draws the same numbers.</summary>
    public string GetState() =>
        $"{_s0:x16}:{_s1:x16}:{_s2:x16}:{_s3:x16}:" + (_spareNormal is double d ? BitConverter.DoubleToInt64Bits(d).ToString("x16") : "-");

    /// <summary>Restores a state written by <see cref="GetState"/>.</summary>
    public void SetState(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var parts = state.Split(':');
        var words = new ulong[4];
        bool ok = parts.Length == 5;
        for (int i = 0; ok && i < 4; i++) ok = ulong.TryParse(parts[i], System.Globalization.NumberStyles.HexNumber, null, out words[i]);
        long spare = 0;
        ok = ok && (parts[4] == "-" || long.TryParse(parts[4], System.Globalization.NumberStyles.HexNumber, null, out spare));
        if (!ok || (words[0] | words[1] | words[2] | words[3]) == 0)
            throw new ArgumentException($"Rng.SetState: '{(state.Length > 90 ? state[..90] + "…" : state)}' is not a state written by GetState (five ':'-separated hex fields, not all zero).", nameof(state));
        (_s0, _s1, _s2, _s3) = (words[0], words[1], words[2], words[3]);
        _spareNormal = parts[4] == "-" ? null : BitConverter.Int64BitsToDouble(spare);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotL(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t; _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform double in [lo, hi), for finite bounds with lo ≤ hi (lo = hi gives lo).</summary>
    public double Uniform(double lo, double hi)
    {
        CheckRange("Rng.Uniform", lo, hi);
        return lo + (hi - lo) * NextDouble();
    }

    internal static void CheckRange(string who, double lo, double hi)
    {
        if (!double.IsFinite(lo)) throw new ArgumentOutOfRangeException(nameof(lo), lo, $"{who}: lo must be finite, got {lo}.");
        if (!double.IsFinite(hi)) throw new ArgumentOutOfRangeException(nameof(hi), hi, $"{who}: hi must be finite, got {hi}.");
        if (lo > hi) throw new ArgumentOutOfRangeException(nameof(lo), lo, $"{who}: lo must be ≤ hi, got lo = {lo}, hi = {hi}.");
        if (!double.IsFinite(hi - lo)) throw new ArgumentOutOfRangeException(nameof(hi), hi, $"{who}: hi − lo overflows, got lo = {lo}, hi = {hi}.");
    }

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Rng.NextInt: n must be positive.");
        ulong bound = (ulong)n, threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= threshold) return (int)(r % bound);
        }
    }

    /// <summary>Standard normal sample (Box–Muller, polar form).</summary>
    public double Normal()
    {
        if (_spareNormal is double spare) { _spareNormal = null; return spare; }
        double u, v, s;
        do { u = 2 * NextDouble() - 1; v = 2 * NextDouble() - 1; s = u * u + v * v; } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<TItem>(Span<TItem> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0..n-1 (empty for 0).</summary>
    public int[] Permutation(int n)
    {
        if (n < 0 || n > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Rng.Permutation: n must be in [0, {Array.MaxLength}] (the longest array), got {n}.");
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Shuffle<int>(p);
        return p;
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
