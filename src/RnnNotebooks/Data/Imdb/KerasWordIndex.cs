using System.Text;
using System.Text.Json;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// The Keras IMDB word index (<c>imdb_word_index.json</c>): word → frequency rank, 1 = "the".
/// Keras ids are rank + <c>index_from</c> (3), leaving 0 = padding, 1 = start, 2 = out-of-vocabulary.
/// </summary>
public sealed class KerasWordIndex
{
    private readonly Dictionary<string, int> _ranks;
    private readonly Dictionary<int, string> _byRank;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
#endif

    /// <summary>
    /// Wraps a word → rank map. Ranks are positive and each belongs to one word; gaps are allowed
    /// here (a hand-made index may skip ranks), unlike in the Keras file that <see cref="Load"/> reads.
    /// </summary>
    public KerasWordIndex(IReadOnlyDictionary<string, int> ranks, string source)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        _ranks = new Dictionary<string, int>(ranks, StringComparer.Ordinal);
        Source = source;
        _byRank = new Dictionary<int, string>(_ranks.Count);
        foreach (var (w, r) in _ranks)
        {
            if (r < 1)
                throw new ArgumentException($"Word index ({source}): rank of '{Excerpt.Of(w)}' is {r}; ranks start at 1.", nameof(ranks));
            if (!_byRank.TryAdd(r, w))
                throw new ArgumentException($"Word index ({source}): '{Excerpt.Of(_byRank[r])}' and '{Excerpt.Of(w)}' both have rank {r}; each rank belongs to one word.", nameof(ranks));
        }
#if NET9_0_OR_GREATER
        _spanLookup = _ranks.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>The file the index was read from, or a description.</summary>
    public string Source { get; }

    /// <summary>Number of words (88,584 in the Keras file).</summary>
    public int Count => _ranks.Count;

    /// <summary>Word → rank.</summary>
    public IReadOnlyDictionary<string, int> Ranks => _ranks;

    /// <summary>
    /// Reads the Keras JSON file. Errors name the file and line: invalid UTF-8, a word listed twice,
    /// a rank that is not a whole number in 1..N for N words, two words with the same rank.
    /// </summary>
    public static KerasWordIndex Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new DataFormatException(path, 0, "the file is empty; expected a JSON object {\"word\": rank, ...}.");
        var ranks = new Dictionary<string, int>(90_000, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new DataFormatException(path, LineAt(bytes, reader.TokenStartIndex), "expected a JSON object {\"word\": rank, ...}.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                long at = reader.TokenStartIndex;
                string word = ReadString(ref reader, bytes, path);
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int rank) || rank < 1)
                    throw new DataFormatException(path, LineAt(bytes, reader.TokenStartIndex),
                        $"rank of \"{Excerpt.Of(word)}\" must be a positive whole number, found {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}.");
                if (!ranks.TryAdd(word, rank))
                    throw new DataFormatException(path, LineAt(bytes, at), $"the word \"{Excerpt.Of(word)}\" appears twice (first on line {LineOf(bytes, word)}).");
            }
            if (reader.TokenType != JsonTokenType.EndObject)
                throw new DataFormatException(path, LineAt(bytes, bytes.Length), "the JSON object is not closed (file cut short?).");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (e.LineNumber ?? 0) + 1, $"invalid JSON: {e.Message}", e);
        }
        if (ranks.Count == 0) throw new DataFormatException(path, 1, "the word index is empty.");
        var byRank = new string?[ranks.Count + 1];
        foreach (var (word, rank) in ranks)
        {
            if (rank > ranks.Count)
                throw new DataFormatException(path, LineOf(bytes, word),
                    $"rank of \"{Excerpt.Of(word)}\" is {rank:N0}, but the file has {ranks.Count:N0} words; ranks run 1..{ranks.Count:N0}.");
            if (byRank[rank] is string other)
                throw new DataFormatException(path, LineOf(bytes, word),
                    $"\"{Excerpt.Of(word)}\" has rank {rank}, like \"{Excerpt.Of(other)}\" on line {LineOf(bytes, other)}; each rank belongs to one word.");
            byRank[rank] = word;
        }
        return new KerasWordIndex(ranks, path);
    }

    private static string ReadString(ref Utf8JsonReader reader, byte[] bytes, string path)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException e)
        {
            int bad = reader.ValueSpan.IndexOfAnyExceptInRange((byte)0, (byte)0x7f);
            string hex = bad < 0 ? "" : $" (byte 0x{reader.ValueSpan[bad]:X2})";
            throw new DataFormatException(path, LineAt(bytes, reader.TokenStartIndex),
                $"a word is not valid UTF-8{hex}; the file must be UTF-8 (was it saved as Latin-1?).", e);
        }
    }

    /// <summary>
    /// An index built like Keras's: words of <paramref name="texts"/> ranked by frequency (ties by
    /// ordinal order). Used with the generated sample, which the real index barely covers.
    /// </summary>
    public static KerasWordIndex FromTexts(IEnumerable<string> texts, TextNormalizer? normalizer = null, string source = "built from texts")
    {
        int rank = 0;
        var ranks = Vocabulary.ByFrequency(texts, normalizer ?? TextNormalizer.Default)
            .ToDictionary(wc => wc.Word, _ => ++rank, StringComparer.Ordinal);
        return new KerasWordIndex(ranks, source);
    }

    /// <summary>The rank of <paramref name="word"/>, or 0 when it is not in the index.</summary>
    public int RankOf(ReadOnlySpan<char> word)
    {
#if NET9_0_OR_GREATER
        return _spanLookup.TryGetValue(word, out int r) ? r : 0;
#else
        return _ranks.TryGetValue(word.ToString(), out int r) ? r : 0;
#endif
    }

    /// <summary>The word with rank <paramref name="rank"/>, or null when no word has that rank (any int may be asked).</summary>
    public string? WordOf(int rank) => _byRank.GetValueOrDefault(rank);

    /// <summary>
    /// Decodes Keras ids back to words the way the Keras tutorials do: id − <paramref name="indexFrom"/>
    /// looked up as a rank, ids 0–2 and unknown ranks shown as <c>?</c>, padding skipped.
    /// <paramref name="indexFrom"/> is 0 or more (0: no reserved ids); ids below it are shown as ?.
    /// </summary>
    public string Decode(IEnumerable<int> ids, int indexFrom = 3)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (indexFrom < 0) throw new ArgumentOutOfRangeException(nameof(indexFrom), indexFrom, $"KerasWordIndex.Decode: indexFrom must be 0 or more, got {indexFrom}.");
        var sb = new StringBuilder();
        foreach (int id in ids)
        {
            if (id == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(id < indexFrom ? "?" : WordOf(id - indexFrom) ?? "?");
        }
        return sb.ToString();
    }

    /// <summary>The line of the first key <paramref name="word"/> (error messages only: it reads the file again).</summary>
    private static long LineOf(byte[] bytes, string word)
    {
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(word)) return LineAt(bytes, reader.TokenStartIndex);
        return 0;
    }

    private static long LineAt(byte[] bytes, long position)
    {
        long line = 1;
        for (long i = 0; i < Math.Min(position, bytes.Length); i++) if (bytes[i] == (byte)'\n') line++;
        return line;
    }
}
