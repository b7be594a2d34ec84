namespace RnnNotebooks.Data.Sequences;

/// <summary>
/// The word tokenizer used for IMDB and small corpora. Steps, in order:
/// <list type="number">
/// <item>HTML line breaks <c>&lt;br /&gt;</c>, <c>&lt;br/&gt;</c>, <c>&lt;br&gt;</c> become spaces (unless <see cref="KeepBreakTags"/>);</item>
/// <item>lower-case (invariant culture; ASCII only with <see cref="AsciiLowercaseOnly"/>);</item>
/// <item>each character of Keras's default filter set <c>!"#$%&amp;()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c>, tab and newline becomes a space
/// (so punctuation splits words; the apostrophe is not in the set, so <c>don't</c> stays one word);</item>
/// <item>split on spaces, dropping empty pieces.</item>
/// </list>
/// Steps 2–4 are exactly Keras's <c>text_to_word_sequence</c> defaults, which built the Keras IMDB index.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>Keras's default <c>filters</c> string.</summary>
    public const string KerasFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private static readonly bool[] IsFilter = BuildFilter();

    /// <summary>The normaliser with <c>&lt;br /&gt;</c> removed (the default).</summary>
    public static TextNormalizer Default { get; } = new();

    /// <summary>
    /// The tokenisation behind Keras's IMDB arrays: <c>&lt;br /&gt;</c> kept as the word "br" and only
    /// ASCII letters lower-cased (the index was built in Python 2 on byte strings, so it holds e.g. "estevÃo").
    /// </summary>
    public static TextNormalizer Keras { get; } = new() { KeepBreakTags = true, AsciiLowercaseOnly = true };

    /// <summary>
    /// Keep <c>&lt;br /&gt;</c> as the word <c>br</c>, as Keras's own preprocessing did ("br" is the
    /// 7th most frequent word in its index). Off by default.
    /// </summary>
    public bool KeepBreakTags { get; init; }

    /// <summary>Lower-case A–Z only and leave other letters as they are (Keras's index); off by default.</summary>
    public bool AsciiLowercaseOnly { get; init; }

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public List<string> Tokenize(string text)
    {
        var words = new List<string>();
        Tokenize(text, span => words.Add(span.ToString()));
        return words;
    }

    /// <summary>Calls <paramref name="onWord"/> with each normalised word, without allocating strings.</summary>
    public void Tokenize(string text, WordAction onWord)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] buffer = text.Length <= 4096 ? (_buffer ??= new char[4096]) : new char[text.Length];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '<' && !KeepBreakTags && BreakTagLength(text, i) is int tag and > 0)
            {
                buffer[n++] = ' ';
                i += tag - 1;
                continue;
            }
            buffer[n++] = c < IsFilter.Length ? (IsFilter[c] ? ' ' : c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)
                : AsciiLowercaseOnly ? c : char.ToLowerInvariant(c);
        }
        int start = -1;
        for (int i = 0; i <= n; i++)
        {
            bool space = i == n || buffer[i] == ' ';
            if (space) { if (start >= 0) { onWord(buffer.AsSpan(start, i - start)); start = -1; } }
            else if (start < 0) start = i;
        }
    }

    [ThreadStatic] private static char[]? _buffer;

    /// <summary>Receives one word as a span that is valid only during the call.</summary>
    public delegate void WordAction(ReadOnlySpan<char> word);

    private static int BreakTagLength(string s, int i)
    {
        // <br>, <br/>, <br />, any case.
        if (i + 3 > s.Length || (s[i + 1] | 0x20) != 'b' || (s[i + 2] | 0x20) != 'r') return 0;
        int j = i + 3;
        while (j < s.Length && s[j] == ' ') j++;
        if (j < s.Length && s[j] == '/') j++;
        return j < s.Length && s[j] == '>' ? j - i + 1 : 0;
    }

    private static bool[] BuildFilter()
    {
        var f = new bool[128];
        foreach (char c in KerasFilters) f[c] = true;
        return f;
    }
}
