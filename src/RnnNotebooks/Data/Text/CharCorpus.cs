namespace RnnNotebooks.Data.Text;

/// <summary>
/// A text for character-level models: the text, its <see cref="CharVocabulary"/>, the encoded
/// ids, and a train/validation split by position (the first part trains, the rest validates).
/// </summary>
public sealed class CharCorpus
{
    /// <summary>Wraps <paramref name="text"/>; the vocabulary covers the whole text.</summary>
    public CharCorpus(string text, string source, bool isSample = false)
    {
        if (string.IsNullOrEmpty(text)) throw new ArgumentException("The corpus is empty.", nameof(text));
        Text = text;
        Source = source;
        IsSample = isSample;
        Vocabulary = new CharVocabulary(text);
        Ids = Vocabulary.Encode(text);
    }

    /// <summary>The full text.</summary>
    public string Text { get; }

    /// <summary>The file it came from, or a description of the generated sample.</summary>
    public string Source { get; }

    /// <summary>True when this is the generated sample text.</summary>
    public bool IsSample { get; }

    /// <summary>The character vocabulary.</summary>
    public CharVocabulary Vocabulary { get; }

    /// <summary>The text as ids.</summary>
    public int[] Ids { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>
    /// The first <paramref name="trainFraction"/> of the ids for training and the rest for
    /// validation (split by position, as in char-rnn; 0.9 is the usual choice).
    /// </summary>
    public (int[] Train, int[] Validation) Split(double trainFraction = 0.9)
    {
        if (!(trainFraction > 0 && trainFraction < 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "trainFraction must be in (0, 1).");
        int cut = (int)(Ids.Length * trainFraction);
        return (Ids[..cut], Ids[cut..]);
    }

    /// <summary>E.g. "1,115,394 characters, 65 distinct, from text/tinyshakespeare.txt".</summary>
    public override string ToString() => $"{Length:N0} characters, {Vocabulary.Count} distinct" + (IsSample ? ", GENERATED SAMPLE" : "") + $", from {Source}";
}
