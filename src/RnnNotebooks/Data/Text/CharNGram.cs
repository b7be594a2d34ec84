namespace RnnNotebooks.Data.Text;

/// <summary>
/// Count-based character baselines for a language model: unigram p(c) or bigram p(c | previous), counted on
/// training ids with add-α smoothing, scored as mean cross-entropy in nats per character.
/// </summary>
public sealed class CharNGram
{
    private readonly double[] _logP;   // [context, next]; one context for the unigram

    private CharNGram(int order, int vocabularySize, double[] logP) { Order = order; VocabularySize = vocabularySize; _logP = logP; }

    /// <summary>1 (unigram) or 2 (bigram).</summary>
    public int Order { get; }

    /// <summary>Number of symbols.</summary>
    public int VocabularySize { get; }

    /// <summary>Counts ids 0..<paramref name="vocabularySize"/>−1 of <paramref name="train"/>: order 1 or 2, add-<paramref name="alpha"/> smoothing
    /// (positive and finite; a huge alpha makes the model uniform).</summary>
    public static CharNGram Fit(int[] train, int vocabularySize, int order, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (order is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(order), order, "CharNGram: order must be 1 (unigram) or 2 (bigram).");
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "CharNGram: vocabularySize must be at least 1.");
        if (!(alpha > 0 && double.IsFinite(alpha))) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "CharNGram: alpha must be positive and finite.");
        long table = (order == 1 ? 1L : vocabularySize) * vocabularySize;
        if (table > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"CharNGram: vocabularySize = {vocabularySize} needs a table of {table:N0} counts; at most {Array.MaxLength:N0} fit.");
        if (train.Length < order) throw new ArgumentException($"CharNGram: {train.Length} training ids are too few for order {order}.", nameof(train));
        int contexts = order == 1 ? 1 : vocabularySize;
        var counts = new double[contexts * vocabularySize];
        for (int i = order - 1; i < train.Length; i++)
            counts[(order == 1 ? 0 : Check(train[i - 1], i - 1, vocabularySize) * vocabularySize) + Check(train[i], i, vocabularySize)]++;
        var logP = new double[counts.Length];
        for (int c = 0; c < contexts; c++)
        {
            double total = 0;
            for (int j = 0; j < vocabularySize; j++) total += counts[c * vocabularySize + j] + alpha;
            for (int j = 0; j < vocabularySize; j++) logP[c * vocabularySize + j] = Math.Log((counts[c * vocabularySize + j] + alpha) / total);
        }
        return new CharNGram(order, vocabularySize, logP);
    }

    /// <summary>log p(<paramref name="next"/> | <paramref name="previous"/>) for ids in [0, VocabularySize) (id 0 included); the unigram ignores <paramref name="previous"/>.</summary>
    public double LogProbability(int previous, int next)
    {
        if (Order == 2 && (uint)previous >= (uint)VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(previous), previous, $"CharNGram: previous id {previous} is not in [0, {VocabularySize}).");
        if ((uint)next >= (uint)VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(next), next, $"CharNGram: next id {next} is not in [0, {VocabularySize}).");
        return _logP[(Order == 1 ? 0 : previous * VocabularySize) + next];
    }

    /// <summary>Mean −log p over <paramref name="ids"/> (from the second id for the bigram), in nats per character.</summary>
    public double CrossEntropy(int[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length < Order) throw new ArgumentException($"CharNGram: {ids.Length} ids are too few for order {Order}.", nameof(ids));
        double sum = 0;
        for (int i = Order - 1; i < ids.Length; i++)
            sum -= _logP[(Order == 1 ? 0 : Check(ids[i - 1], i - 1, VocabularySize) * VocabularySize) + Check(ids[i], i, VocabularySize)];
        return sum / (ids.Length - Order + 1);
    }

    private static int Check(int id, int position, int vocabularySize) =>
        (uint)id < (uint)vocabularySize ? id
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"CharNGram: id {id} at position {position} is not in [0, {vocabularySize}).");
}
