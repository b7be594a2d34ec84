namespace RnnNotebooks.Data.Text;

/// <summary>
/// The distinct characters of a text, sorted by code point, with ids 0..Count−1 (65 for
/// tiny-shakespeare). There is no padding or unknown id: character models see every symbol.
/// </summary>
public sealed class CharVocabulary
{
    private readonly char[] _chars;
    private readonly Dictionary<char, int> _ids;

    /// <summary>Builds the vocabulary of <paramref name="text"/>.</summary>
    public CharVocabulary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _chars = text.Distinct().Order().ToArray();
        _ids = new Dictionary<char, int>(_chars.Length);
        for (int i = 0; i < _chars.Length; i++) _ids[_chars[i]] = i;
    }

    /// <summary>Number of distinct characters.</summary>
    public int Count => _chars.Length;

    /// <summary>The characters by id.</summary>
    public IReadOnlyList<char> Chars => _chars;

    /// <summary>The id of <paramref name="c"/>; throws for a character not in the vocabulary.</summary>
    public int IdOf(char c) => _ids.TryGetValue(c, out int id) ? id
        : throw new KeyNotFoundException($"Character U+{(int)c:X4} '{c}' is not in the vocabulary of {Count} characters.");

    /// <summary>The character with id <paramref name="id"/> in [0, Count).</summary>
    public char CharOf(int id) => (uint)id < (uint)_chars.Length ? _chars[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"CharVocabulary: id {id} is not in [0, {Count}); was the model trained with another vocabulary?");

    /// <summary>Encodes a text; a character not in the vocabulary is an error naming its position.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[text.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            if (!_ids.TryGetValue(text[i], out ids[i]))
                throw new KeyNotFoundException($"Character U+{(int)text[i]:X4} '{text[i]}' at position {i} of the text is not in the vocabulary of {Count} characters.");
        }
        return ids;
    }

    /// <summary>Decodes ids to a string.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new(ids.Select(CharOf).ToArray());
    }
}
