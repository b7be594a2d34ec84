using System.Text;

namespace RnnNotebooks.Data.Sequences;

/// <summary>
/// A word vocabulary built from training text only: id 0 is the padding token, id 1 the
/// out-of-vocabulary token, then the most frequent words (ties broken by ordinal string order,
/// so the same text always gives the same ids).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Id of the padding token.</summary>
    public const int PadId = 0;
    /// <summary>Id of the out-of-vocabulary token.</summary>
    public const int OovId = 1;
    /// <summary>Text of the padding token.</summary>
    public const string PadToken = "<pad>";
    /// <summary>Text of the out-of-vocabulary token.</summary>
    public const string OovToken = "<oov>";

    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(string[] words, TextNormalizer normalizer)
    {
        _words = words;
        Normalizer = normalizer;
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) _ids[words[i]] = i;
    }

    /// <summary>Number of ids, including the two special tokens (the Embedding's input size).</summary>
    public int Count => _words.Length;

    /// <summary>Words by id.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The normaliser used by <see cref="Encode(string)"/>.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>
    /// Builds a vocabulary of at most <paramref name="maxWords"/> ids (special tokens included)
    /// from <paramref name="trainingTexts"/>, keeping words seen at least <paramref name="minCount"/> (≥ 1) times;
    /// <paramref name="maxWords"/> is at least 2 (int.MaxValue: no limit).
    /// Pass only the training split, so validation and test words stay unknown as they would be in use.
    /// </summary>
    public static Vocabulary Build(IEnumerable<string> trainingTexts, int maxWords = 10_000, int minCount = 1, TextNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(trainingTexts);
        if (maxWords < 2) throw new ArgumentOutOfRangeException(nameof(maxWords), maxWords, "maxWords counts the two special tokens, so it must be at least 2.");
        if (minCount < 1) throw new ArgumentOutOfRangeException(nameof(minCount), minCount, $"Vocabulary.Build: minCount must be at least 1, got {minCount}.");
        normalizer ??= TextNormalizer.Default;
        var counted = ByFrequency(trainingTexts, normalizer).ToList();
        if (counted.Count > 0 && counted.Max(wc => wc.Count) < minCount)
            throw new ArgumentOutOfRangeException(nameof(minCount), minCount,
                $"Vocabulary.Build: minCount = {minCount} keeps no word; the most frequent word occurs {counted.Max(wc => wc.Count)} times.");
        var kept = counted.Where(wc => wc.Count >= minCount).Take(maxWords - 2).Select(wc => wc.Word);
        return new Vocabulary([PadToken, OovToken, .. kept], normalizer);
    }

    /// <summary>Every word of <paramref name="texts"/> with its count, most frequent first, ties in ordinal order (Keras's ranking).</summary>
    internal static IEnumerable<(string Word, int Count)> ByFrequency(IEnumerable<string> texts, TextNormalizer normalizer)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string text in texts)
            foreach (string w in normalizer.Tokenize(text))
                counts[w] = counts.GetValueOrDefault(w) + 1;
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));
    }

    /// <summary>The id of <paramref name="word"/>, or <see cref="OovId"/>.</summary>
    public int IdOf(string word) => _ids.TryGetValue(word, out int id) ? id : OovId;

    /// <summary>The word with id <paramref name="id"/> in [0, Count) (0 is the padding token).</summary>
    public string WordOf(int id) => (uint)id < (uint)_words.Length ? _words[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Vocabulary has ids 0..{_words.Length - 1}.");

    /// <summary>Normalises and encodes a text; unknown words become <see cref="OovId"/>.</summary>
    public int[] Encode(string text) => Encode(Normalizer.Tokenize(text));

    /// <summary>Encodes already-tokenised words.</summary>
    public int[] Encode(IReadOnlyList<string> words)
    {
        var ids = new int[words.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = IdOf(words[i]);
        return ids;
    }

    /// <summary>Encodes many texts.</summary>
    public int[][] EncodeAll(IEnumerable<string> texts) => texts.Select(Encode).ToArray();

    /// <summary>Words joined by spaces; padding ids are skipped.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var sb = new StringBuilder();
        foreach (int id in ids)
        {
            if (id == PadId) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(WordOf(id));
        }
        return sb.ToString();
    }
}
