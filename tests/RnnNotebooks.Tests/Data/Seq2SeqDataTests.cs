using System.Globalization;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Data;

/// <summary>The date and copy/reverse generators, the vocabulary with special ids and the padded batches.</summary>
public class Seq2SeqDataTests
{
    [Fact]
    public void Every_date_format_reads_back_as_its_iso_target()
    {
        // Each format is parsed back by .NET with its own pattern (not by the generator), so a wrong format fails.
        var en = CultureInfo.InvariantCulture;
        var date = new DateOnly(2026, 12, 7);
        string[] expected =
        [
            "7 Dec 2026", "Monday, December 7th, 2026", "07.12.26", "December 7, 2026", "12/07/2026", "7 December 2026",
            "Mon 7 Dec 2026", "7-Dec-26", "dec 7 2026", "DECEMBER 7, 2026", "the 7th of December 2026", "7.12.2026", "12/7/26", "2026/12/07",
        ];
        Assert.Equal(expected.Length, DateTask.FormatNames.Count);
        for (int f = 0; f < expected.Length; f++) Assert.Equal(expected[f], DateTask.Write(date, f));
        Assert.Equal("2026-12-07", DateTask.Iso(date));

        var rng = new Rng(3);
        foreach (var p in DateTask.Generate(2000, rng))
        {
            var d = DateOnly.ParseExact(p.Target, "yyyy-MM-dd", en);
            Assert.Contains(p.Source, Enumerable.Range(0, DateTask.FormatNames.Count).Select(f => DateTask.Write(d, f)));
        }
    }

    [Fact]
    public void Ordinals_follow_english()
    {
        Assert.Equal(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"],
            new[] { 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31 }.Select(DateTask.Ordinal));
    }

    [Fact]
    public void Dates_are_seeded_cover_every_format_and_stay_in_range()
    {
        var a = DateTask.Generate(3000, new Rng(9));
        var b = DateTask.Generate(3000, new Rng(9));
        Assert.Equal(a, b);
        Assert.NotEqual(a, DateTask.Generate(3000, new Rng(10)));
        var lo = new DateOnly(2000, 1, 1); var hi = new DateOnly(2000, 1, 31);
        var jan = DateTask.Generate(500, new Rng(1), lo, hi);
        Assert.All(jan, p => Assert.StartsWith("2000-01-", p.Target));
        Assert.Equal(31, jan.Select(p => p.Target).Distinct().Count());
        // every format shows up: compare each source with the 14 renderings of its date
        var used = new HashSet<int>();
        foreach (var p in a)
        {
            var d = DateOnly.ParseExact(p.Target, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (int f = 0; f < DateTask.FormatNames.Count; f++) if (DateTask.Write(d, f) == p.Source) used.Add(f);
        }
        Assert.Equal(DateTask.FormatNames.Count, used.Count);
    }

    [Fact]
    public void Date_task_bad_arguments_name_the_parameter_and_value()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => DateTask.Generate(0, new Rng(1)));
        Assert.Equal("count", e1.ParamName); Assert.Contains("got 0", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => DateTask.Generate(5, new Rng(1), new DateOnly(2001, 1, 1), new DateOnly(2000, 1, 1)));
        Assert.Contains("2000-01-01", e2.Message); Assert.Contains("2001-01-01", e2.Message);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => DateTask.Generate(5, new Rng(1), new DateOnly(1900, 1, 1)));
        Assert.Contains("1900-01-01", e3.Message);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => DateTask.Write(new DateOnly(2026, 1, 1), 14));
        Assert.Contains("got 14", e4.Message);
        var e5 = Assert.Throws<ArgumentOutOfRangeException>(() => DateTask.Write(new DateOnly(2150, 1, 1), 2));
        Assert.Contains("2150-01-01", e5.Message);
        Assert.Throws<ArgumentNullException>(() => DateTask.Generate(3, null!));
    }

    [Theory]
    [InlineData(StringTaskKind.Copy)]
    [InlineData(StringTaskKind.Reverse)]
    public void Copy_and_reverse_have_the_lengths_asked_for(StringTaskKind kind)
    {
        var pairs = StringTask.Generate(kind, 1000, 5, 60, new Rng(4));
        Assert.All(pairs, p => Assert.InRange(p.Source.Length, 5, 60));
        Assert.Contains(pairs, p => p.Source.Length == 5);
        Assert.Contains(pairs, p => p.Source.Length == 60);
        Assert.All(pairs, p => Assert.True(p.Source.All(c => c is >= 'a' and <= 'z')));
        foreach (var p in pairs)
            Assert.Equal(kind == StringTaskKind.Copy ? p.Source : new string(p.Source.Reverse().ToArray()), p.Target);
        Assert.Equal(pairs, StringTask.Generate(kind, 1000, 5, 60, new Rng(4)));
        var fixedLength = StringTask.Generate(kind, 50, 12, 12, new Rng(5), "01");
        Assert.All(fixedLength, p => { Assert.Equal(12, p.Source.Length); Assert.True(p.Source.All(c => c is '0' or '1')); });
    }

    [Fact]
    public void String_task_bad_arguments_name_the_parameter_and_value()
    {
        var rng = new Rng(1);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => StringTask.Generate(StringTaskKind.Copy, -3, 1, 5, rng)).ParamName);
        Assert.Equal("minLength", Assert.Throws<ArgumentOutOfRangeException>(() => StringTask.Generate(StringTaskKind.Copy, 3, 0, 5, rng)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StringTask.Generate(StringTaskKind.Copy, 3, 8, 5, rng));
        Assert.Equal("maxLength", e.ParamName); Assert.Contains("(5)", e.Message); Assert.Contains("(8)", e.Message);
        Assert.Contains("\"aaa\"", Assert.Throws<ArgumentException>(() => StringTask.Generate(StringTaskKind.Copy, 3, 1, 5, rng, "aaa")).Message);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => StringTask.Generate((StringTaskKind)7, 3, 1, 5, rng)).ParamName);
    }

    [Fact]
    public void Vocabulary_reserves_pad_start_end_and_round_trips()
    {
        var v = new Seq2SeqVocabulary("cab-");
        Assert.Equal(7, v.Count);
        Assert.Equal([3, 4, 5, 6], v.Encode("-abc"));
        Assert.Equal("ab", v.Decode([Seq2SeqVocabulary.Start, 4, 5, Seq2SeqVocabulary.End, 6, 6]));
        Assert.Equal("ab", v.Decode([4, Seq2SeqVocabulary.Pad, 5]));
        Assert.Equal("</s>", v.Token(Seq2SeqVocabulary.End));
        var e = Assert.Throws<KeyNotFoundException>(() => v.Encode("abz"));
        Assert.Contains("'z'", e.Message); Assert.Contains("position 2", e.Message); Assert.Contains("\"abz\"", e.Message);
        Assert.Contains("99", Assert.Throws<ArgumentOutOfRangeException>(() => v.Decode([99])).Message);
        Assert.Throws<ArgumentException>(() => new Seq2SeqVocabulary(""));
        var dates = Seq2SeqVocabulary.FromPairs(DateTask.Generate(500, new Rng(2)));
        Assert.Equal("2026-12-07", dates.Decode(dates.Encode("2026-12-07")));
    }

    [Fact]
    public void Batches_pad_after_and_shift_the_target_for_teacher_forcing()
    {
        var v = new Seq2SeqVocabulary("abc");
        var batch = Seq2SeqBatch<float>.Create([new("abc", "cb"), new("a", "abca")], v);
        int a = v.IdOf('a'), b = v.IdOf('b'), c = v.IdOf('c'), s = Seq2SeqVocabulary.Start, e = Seq2SeqVocabulary.End;
        Assert.Equal([2, 3], batch.Source.Shape);
        Assert.Equal(new float[] { a, b, c, a, 0, 0 }, batch.Source.Data);
        Assert.Equal([2, 5], batch.DecoderInput.Shape);
        Assert.Equal(new float[] { s, c, b, 0, 0, s, a, b, c, a }, batch.DecoderInput.Data);
        Assert.Equal(new float[] { c, b, e, 0, 0, a, b, c, a, e }, batch.DecoderTarget.Data);

        var pairs = StringTask.Generate(StringTaskKind.Copy, 10, 1, 4, new Rng(1), "abc");
        var batches = Seq2SeqBatch<double>.Batches(pairs, v, 4, new Rng(2));
        Assert.Equal([4, 4, 2], batches.Select(x => x.Count));
        Assert.Equal(pairs.Order(Comparer<Seq2SeqPair>.Create((x, y) => string.CompareOrdinal(x.Source + "|" + x.Target, y.Source + "|" + y.Target))),
            batches.SelectMany(x => x.Pairs).Order(Comparer<Seq2SeqPair>.Create((x, y) => string.CompareOrdinal(x.Source + "|" + x.Target, y.Source + "|" + y.Target))));
        Assert.Contains("pair 1", Assert.Throws<ArgumentException>(() => Seq2SeqBatch<float>.Create([new("a", "b"), new("", "b")], v)).Message);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Seq2SeqBatch<float>.Batches(pairs, v, 0)).ParamName);
    }
}
