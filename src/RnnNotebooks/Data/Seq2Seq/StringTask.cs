using RnnNotebooks.IO;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Seq2Seq;

/// <summary>What <see cref="StringTask"/> asks the decoder to write.</summary>
public enum StringTaskKind
{
    /// <summary>The source itself.</summary>
    Copy,
    /// <summary>The source backwards: the first character written is the last one read.</summary>
    Reverse,
}

/// <summary>
/// Copy or reverse random strings whose length is chosen by the caller: the task that shows the
/// encoder–decoder's bottleneck, since without attention every character must pass through one
/// fixed-size vector, and longer strings need more of it.
/// </summary>
public static class StringTask
{
    /// <summary>The default alphabet: the 26 lower-case letters.</summary>
    public const string DefaultAlphabet = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>The most pairs one call generates: 10,000,000.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>The longest string: 1,000,000 characters.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>
    /// <paramref name="count"/> pairs with source lengths drawn uniformly from
    /// <paramref name="minLength"/>..<paramref name="maxLength"/> and characters uniformly from
    /// <paramref name="alphabet"/>. The same seed gives the same pairs.
    /// </summary>
    public static List<Seq2SeqPair> Generate(StringTaskKind kind, int count, int minLength, int maxLength, Rng rng, string alphabet = DefaultAlphabet)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "StringTask: kind must be Copy or Reverse.");
        if (count < 1 || count > MaxCount) throw new ArgumentOutOfRangeException(nameof(count), count, $"StringTask: count must be in [1, {MaxCount}], got {count}.");
        if (minLength < 1) throw new ArgumentOutOfRangeException(nameof(minLength), minLength, $"StringTask: minLength must be at least 1, got {minLength}.");
        if (maxLength > MaxLength) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"StringTask: maxLength must be at most {MaxLength}, got {maxLength}.");
        if (maxLength < minLength) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"StringTask: maxLength ({maxLength}) is below minLength ({minLength}).");
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(alphabet);
        var chars = alphabet.Distinct().ToArray();
        if (chars.Length < 2) throw new ArgumentException($"StringTask: the alphabet needs at least 2 distinct characters, got \"{Excerpt.Of(alphabet)}\".", nameof(alphabet));
        var pairs = new List<Seq2SeqPair>(count);
        var buffer = new char[maxLength];
        for (int i = 0; i < count; i++)
        {
            int n = minLength + rng.NextInt(maxLength - minLength + 1);
            for (int k = 0; k < n; k++) buffer[k] = chars[rng.NextInt(chars.Length)];
            var source = new string(buffer, 0, n);
            pairs.Add(new Seq2SeqPair(source, kind == StringTaskKind.Copy ? source : Reversed(source)));
        }
        return pairs;
    }

    private static string Reversed(string s)
    {
        var a = s.ToCharArray();
        Array.Reverse(a);
        return new string(a);
    }
}
