using System.Text;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Imdb;

/// <summary>
/// Synthetic movie reviews from a small template grammar, used when the real IMDB data is
/// absent. Each review has clear sentiment cues (adjectives, verdicts, star talk) so a small
/// RNN can learn them in seconds; neutral filler and occasional <c>&lt;br /&gt;&lt;br /&gt;</c>
/// make the texts look like IMDB's. Deterministic for a seed.
/// </summary>
public static class ImdbSample
{
    private static readonly string[] Subjects = ["This movie", "The film", "This picture", "The sequel", "This drama", "The comedy", "This thriller", "The remake"];
    private static readonly string[] Aspects = ["acting", "plot", "script", "soundtrack", "direction", "photography", "ending", "dialogue", "cast", "pacing"];
    private static readonly string[] People = ["the lead actor", "the director", "the supporting cast", "the young actress", "the writer", "the villain"];
    private static readonly string[] Filler =
    [
        "I saw it on a rainy Sunday with my brother.", "It runs about two hours.", "The story is set in a small town in the fifties.",
        "I rented it after reading about it online.", "It was shown on television last week.", "My friends had mixed expectations.",
        "The opening scene takes place on a train.", "It is based on a novel I have not read.",
    ];
    private static readonly string[] PosAdj = ["wonderful", "brilliant", "excellent", "superb", "moving", "beautiful", "great", "charming", "touching", "outstanding"];
    private static readonly string[] NegAdj = ["awful", "terrible", "boring", "dreadful", "poor", "dull", "horrible", "weak", "lousy", "pointless"];
    private static readonly string[] PosVerdict = ["I loved every minute of it.", "Highly recommended.", "A must see.", "I would watch it again tomorrow.", "One of the best films of the year.", "Ten out of ten."];
    private static readonly string[] NegVerdict = ["I hated every minute of it.", "Avoid it.", "A complete waste of time.", "I want my money back.", "One of the worst films of the year.", "One out of ten."];
    private static readonly string[] PosPerson = ["gives a wonderful performance", "is perfect in the role", "does a great job", "shines in every scene"];
    private static readonly string[] NegPerson = ["gives a terrible performance", "is badly miscast", "does a poor job", "looks bored in every scene"];

    /// <summary>The most reviews <see cref="Generate"/> makes per split.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>
    /// <paramref name="count"/> reviews of <paramref name="split"/>, half negative then half
    /// positive (file order, like the real files), ids 0.. per label. <paramref name="count"/> is in
    /// [1, 1,000,000] (the real splits have 25,000); any seed, 0 included, is a seed.
    /// </summary>

    public static List<ImdbReview> Generate(ImdbSplit split, int count = 1000, ulong seed = 2011)
    {
        if (count < 1 || count > MaxCount)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"ImdbSample: count must be in [1, {MaxCount:N0}] reviews, got {count}.");
        var rng = new Rng(seed + (split == ImdbSplit.Train ? 0UL : 7919UL));
        var reviews = new List<ImdbReview>(count);
        int half = count / 2;
        for (int i = 0; i < count; i++)
        {
            int label = i < half ? 0 : 1;
            int id = label == 0 ? i : i - half;
            int rating = label == 0 ? 1 + rng.NextInt(4) : 7 + rng.NextInt(4);
            reviews.Add(new ImdbReview(split, label, id, rating, Review(rng, label == 1)));
        }
        return reviews;
    }

    private static string Review(Rng rng, bool positive)
    {
        var adj = positive ? PosAdj : NegAdj;
        var sb = new StringBuilder();
        sb.Append(Pick(rng, Subjects)).Append(" was ").Append(Pick(rng, adj)).Append(". ");
        int sentences = 2 + rng.NextInt(4);
        for (int s = 0; s < sentences; s++)
        {
            switch (rng.NextInt(4))
            {
                case 0: sb.Append(Pick(rng, Filler)); break;
                case 1: sb.Append("The ").Append(Pick(rng, Aspects)).Append(" is ").Append(Pick(rng, adj)).Append('.'); break;
                case 2:
                    string person = Pick(rng, People);
                    sb.Append(char.ToUpperInvariant(person[0])).Append(person[1..]).Append(' ').Append(Pick(rng, positive ? PosPerson : NegPerson)).Append('.');
                    break;
                default:
                    sb.Append("Even the ").Append(Pick(rng, Aspects)).Append(" felt ").Append(Pick(rng, adj)).Append(", and ")
                      .Append(Pick(rng, Aspects)).Append(" was ").Append(Pick(rng, adj)).Append('.');
                    break;
            }
            sb.Append(rng.NextInt(6) == 0 ? "<br /><br />" : " ");
        }
        sb.Append(Pick(rng, positive ? PosVerdict : NegVerdict));
        return sb.ToString();
    }

    private static string Pick(Rng rng, string[] options) => options[rng.NextInt(options.Length)];
}
