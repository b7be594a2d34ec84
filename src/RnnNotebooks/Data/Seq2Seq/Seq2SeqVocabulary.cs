using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Seq2Seq;

/// <summary>
/// Characters with ids for an encoder–decoder: <see cref="Pad"/> = 0 (padding, ignored by the loss),
/// <see cref="Start"/> = 1 (the decoder's first input), <see cref="End"/> = 2 (the decoder's last output),
/// then the characters of the alphabet sorted by code point, from id 3.
/// </summary>
public sealed class Seq2SeqVocabulary
{
    /// <summary>Padding id.</summary>
    public const int Pad = 0;
    /// <summary>Start-of-sequence id, fed to the decoder before its first output.</summary>
    public const int Start = 1;
    /// <summary>End-of-sequence id, the decoder's last output.</summary>
    public const int End = 2;
    /// <summary>Number of special ids before the first character.</summary>
    public const int SpecialCount = 3;

    private readonly char[] _chars;
    private readonly Dictionary<char, int> _ids = [];

    /// <summary>Builds the vocabulary of the characters in <paramref name="alphabet"/> (duplicates ignored).</summary>
    public Seq2SeqVocabulary(IEnumerable<char> alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        _chars = alphabet.Distinct().Order().ToArray();
        if (_chars.Length == 0) throw new ArgumentException("Seq2SeqVocabulary: the alphabet is empty.", nameof(alphabet));
        for (int i = 0; i < _chars.Length; i++) _ids[_chars[i]] = SpecialCount + i;
    }

    /// <summary>The vocabulary of every character in the sources and targets of <paramref name="pairs"/>.</summary>
    public static Seq2SeqVocabulary FromPairs(IEnumerable<Seq2SeqPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new Seq2SeqVocabulary(pairs.SelectMany(p => p.Source + p.Target));
    }

    /// <summary>Number of ids, special ones included.</summary>
    public int Count => SpecialCount + _chars.Length;

    /// <summary>The characters, in id order from id <see cref="SpecialCount"/>.</summary>
    public IReadOnlyList<char> Chars => _chars;

    /// <summary>The id of <paramref name="c"/>; throws for a character outside the alphabet.</summary>
    public int IdOf(char c) => _ids.TryGetValue(c, out int id) ? id
        : throw new KeyNotFoundException($"Seq2SeqVocabulary: character U+{(int)c:X4} '{c}' is not in the alphabet \"{Excerpt.Of(new string(_chars))}\".");

    /// <summary>The ids of the characters of <paramref name="text"/> (no start or end id).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[text.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            if (!_ids.TryGetValue(text[i], out ids[i]))
                throw new KeyNotFoundException($"Seq2SeqVocabulary: character U+{(int)text[i]:X4} '{text[i]}' at position {i} of \"{Excerpt.Of(text)}\" is not in the alphabet.");
        }
        return ids;
    }

    /// <summary>The text of <paramref name="ids"/>: stops at the first <see cref="End"/>, skips <see cref="Pad"/> and <see cref="Start"/>.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var chars = new List<char>();
        foreach (int id in ids)
        {
            if (id == End) break;
            if (id is Pad or Start) continue;
            if (id < SpecialCount || id >= Count)
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Seq2SeqVocabulary: id {id} is outside [0, {Count}).");
            chars.Add(_chars[id - SpecialCount]);
        }
        return new string([.. chars]);
    }

    /// <summary>A readable name for an id: "&lt;pad&gt;" (0 is the padding id), "&lt;s&gt;", "&lt;/s&gt;" or the character.</summary>
    public string Token(int id) => id switch
    {
        Pad => "<pad>",
        Start => "<s>",
        End => "</s>",
        _ when id >= SpecialCount && id < Count => _chars[id - SpecialCount].ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, $"Seq2SeqVocabulary: id {id} is outside [0, {Count})."),
    };
}
