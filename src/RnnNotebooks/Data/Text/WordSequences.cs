using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// Word-level training pairs for small corpora (the "hello world" next-word examples): a
/// vocabulary of every word of the text, and either fixed-length sliding windows or the
/// Keras-tutorial n-gram prefixes of each line.
/// </summary>
public sealed class WordSequences
{
    private WordSequences(Vocabulary vocabulary, int[,] inputs, int[] targets)
    {
        Vocabulary = vocabulary;
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>The vocabulary (0 = padding, 1 = unknown, then words by frequency).</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Input ids [samples, length].</summary>
    public int[,] Inputs { get; }

    /// <summary>The next word of each sample.</summary>
    public int[] Targets { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Targets.Length;

    /// <summary>
    /// Every run of <paramref name="length"/> consecutive words of <paramref name="text"/>, with the
    /// word that follows as target (stride 1).
    /// </summary>
    public static WordSequences SlidingWindows(string text, int length, TextNormalizer? normalizer = null)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 1.");
        var vocab = Vocabulary.Build([text], int.MaxValue, 1, normalizer);
        int[] ids = vocab.Encode(text);
        int n = Math.Max(0, ids.Length - length);
        if (n == 0) throw new ArgumentException($"The text has {ids.Length} words; need more than length = {length}.", nameof(text));
        var x = new int[n, length];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int s = 0; s < length; s++) x[i, s] = ids[i + s];
            y[i] = ids[i + length];
        }
        return new WordSequences(vocab, x, y);
    }

    /// <summary>
    /// For each line, every prefix of two or more words: all but the last word are the input
    /// (pre-padded with 0 to the longest prefix), the last word is the target.
    /// </summary>
    public static WordSequences NGramPrefixes(IEnumerable<string> lines, TextNormalizer? normalizer = null)
    {
        var list = lines.ToList();
        var vocab = Vocabulary.Build(list, int.MaxValue, 1, normalizer);
        var prefixes = new List<int[]>();
        foreach (string line in list)
        {
            int[] ids = vocab.Encode(line);
            for (int end = 2; end <= ids.Length; end++) prefixes.Add(ids[..end]);
        }
        if (prefixes.Count == 0) throw new ArgumentException("No line has two or more words.", nameof(lines));
        int width = prefixes.Max(p => p.Length);
        var padded = Padding.PadSequences(prefixes, width); // pre-padding, as in the Keras tutorials
        var x = new int[prefixes.Count, width - 1];
        var y = new int[prefixes.Count];
        for (int i = 0; i < prefixes.Count; i++)
        {
            for (int s = 0; s < width - 1; s++) x[i, s] = padded[i, s];
            y[i] = padded[i, width - 1];
        }
        return new WordSequences(vocab, x, y);
    }
}
