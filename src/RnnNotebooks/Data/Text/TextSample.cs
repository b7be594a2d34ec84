using System.Text;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// A short play-like text (speaker lines in the tiny-shakespeare layout) generated from a small
/// grammar, used when the real corpus is absent. Deterministic for a seed.
/// </summary>
public static class TextSample
{
    private static readonly string[] Speakers = ["FIRST CITIZEN", "SECOND CITIZEN", "MENENIUS", "CORIOLANUS", "VOLUMNIA", "SICINIUS"];
    private static readonly string[] Openers = ["Good my lord", "Nay", "What, ho", "I pray you", "Hark", "O gentle friend", "Peace"];
    private static readonly string[] Subjects = ["the people", "the senate", "my mother", "this city", "the gods", "our general", "the king"];
    private static readonly string[] Verbs = ["shall hear", "will not bear", "doth love", "must answer", "hath seen", "would praise"];
    private static readonly string[] Objects = ["the truth of it", "no more of this", "thy noble heart", "the famine", "our cause", "the morning"];

    /// <summary>The most characters <see cref="Generate"/> makes (tiny-shakespeare has about 1.1 million).</summary>
    public const int MaxCharacters = 100_000_000;

    /// <summary>About <paramref name="characters"/> (in [1, <see cref="MaxCharacters"/>]) characters of generated dialogue; any seed, 0 included, is a seed.</summary>
    public static string Generate(int characters = 50_000, ulong seed = 1564)
    {
        if (characters < 1 || characters > MaxCharacters)
            throw new ArgumentOutOfRangeException(nameof(characters), characters, $"TextSample: characters must be in [1, {MaxCharacters:N0}], got {characters}.");
        var rng = new Rng(seed);
        var sb = new StringBuilder(characters + 200);
        while (sb.Length < characters)
        {
            sb.Append(Pick(rng, Speakers)).Append(":\n");
            int lines = 1 + rng.NextInt(3);
            for (int i = 0; i < lines; i++)
            {
                sb.Append(Pick(rng, Openers)).Append(", ").Append(Pick(rng, Subjects)).Append(' ')
                  .Append(Pick(rng, Verbs)).Append(' ').Append(Pick(rng, Objects))
                  .Append(rng.NextInt(4) == 0 ? "?" : rng.NextInt(3) == 0 ? "!" : ".").Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Pick(Rng rng, string[] options) => options[rng.NextInt(options.Length)];
}
