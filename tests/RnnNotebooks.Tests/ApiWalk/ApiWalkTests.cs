using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>
/// Walks every public numeric parameter of the library (<see cref="PublicNumericParameters"/>) with −1, 0, NaN,
/// a huge value and +∞ (those its type can hold) through the calls of <see cref="ApiTable"/>: each value either has a
/// meaning the entry names and the member's XML doc states, and is accepted, or is refused with an
/// <see cref="ArgumentException"/> (a <c>ShapeException</c> is one) whose message names the parameter and echoes the
/// value, without hanging or allocating what it refuses.
/// </summary>
public class ApiWalkTests(ITestOutputHelper output)
{
    /// <summary>
    /// Entries whose bad values still fail, in files being rewritten elsewhere right now (the cells, the fused
    /// directions, <c>RNNBase</c>, <c>GradientFlow</c>). They are walked like every other entry; a failing case is
    /// printed as a known gap instead of failing, and <see cref="Every_known_gap_is_still_a_gap"/> fails once a
    /// gap is fixed, so the list cannot go stale.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownGaps = new Dictionary<string, string>
    {
    };

    /// <summary>
    /// Known-gap cases that are not run, because running them costs a minute of CPU on a shared machine; printed with their gap.
    /// When the gap is fixed (the value refused at once), take the case out of here and the key out of <see cref="KnownGaps"/>.
    /// </summary>
    public static readonly IReadOnlySet<(string Key, Bad Value)> NotRun = new HashSet<(string, Bad)>
    {
    };

    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);   // a guard against hangs, not a speed limit
    private const long AllocationLimit = 256L << 20;                          // refuse before allocating what cannot be

    public static IEnumerable<object[]> Cases() =>
        ApiTable.Entries.SelectMany(e => e.Values().Select(v => new object[] { e.Key, Entry.Label(v) }));

    public static IEnumerable<object[]> Meanings() =>
        ApiTable.Entries.SelectMany(e => e.Meanings.Keys.Select(v => new object[] { e.Key, Entry.Label(v) }));

    [Fact]
    public void Every_public_numeric_parameter_has_an_entry()
    {
        var found = PublicNumericParameters.List();
        Assert.True(found.Count > 150, $"the reflection found only {found.Count} parameters");
        var entries = ApiTable.Entries.ToDictionary(e => e.Key);
        Assert.Equal(ApiTable.Entries.Count, entries.Count);

        var missing = found.Where(f => !entries.ContainsKey(f.Key)).Select(f => $"{f.Key} ({f.Type.Name})").ToList();
        var stale = entries.Keys.Except(found.Select(f => f.Key)).ToList();
        var wrongType = found.Where(f => entries.TryGetValue(f.Key, out var e) && e.ValueType != (Nullable.GetUnderlyingType(f.Type) ?? f.Type))
            .Select(f => $"{f.Key}: {f.Type.Name}, the entry walks {entries[f.Key].ValueType.Name}").ToList();
        var staleGaps = KnownGaps.Keys.Except(entries.Keys).Concat(NotRun.Select(c => c.Key).Except(KnownGaps.Keys)).ToList();
        output.WriteLine($"{found.Count} public numeric parameters, {entries.Count} entries, {Cases().Count()} cases, {KnownGaps.Count} known gaps ({NotRun.Count} cases not run).");
        foreach (var (key, why) in KnownGaps) output.WriteLine($"KNOWN GAP {key}: {why}");
        Assert.True(missing.Count == 0, $"{missing.Count} public numeric parameters have no entry in ApiTable:\n  " + string.Join("\n  ", missing));
        Assert.True(stale.Count == 0, "ApiTable has entries for no public parameter:\n  " + string.Join("\n  ", stale));
        Assert.True(wrongType.Count == 0, string.Join("\n", wrongType));
        Assert.True(staleGaps.Count == 0, "KnownGaps names entries that do not exist: " + string.Join(", ", staleGaps));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_value_is_refused_by_name_or_means_what_the_doc_says(string key, string value)
    {
        var entry = ApiTable.Entries.Single(e => e.Key == key);
        if (NotRun.Contains((key, Entry.Parse(value))))
        {
            output.WriteLine($"KNOWN GAP, NOT RUN ({KnownGaps[key]}): {key} = {value}");
            return;
        }
        string? failure = Walk(entry, Entry.Parse(value));
        if (failure is not null && KnownGaps.TryGetValue(key, out string? why))
        {
            output.WriteLine($"KNOWN GAP ({why}): {failure}");
            return;
        }
        Assert.True(failure is null, failure);
    }

    [Theory]
    [MemberData(nameof(Meanings))]
    public void A_documented_meaning_is_in_the_members_XML_doc(string key, string value)
    {
        var entry = ApiTable.Entries.Single(e => e.Key == key);
        string? failure = DocFailure(entry, Entry.Parse(value));
        if (failure is not null && KnownGaps.TryGetValue(key, out string? why))
        {
            output.WriteLine($"KNOWN GAP ({why}): {failure}");
            return;
        }
        Assert.True(failure is null, failure);
    }

    [Fact]
    public void Every_known_gap_is_still_a_gap()
    {
        var fixedGaps = new List<string>();
        foreach (var (key, why) in KnownGaps)
        {
            var entry = ApiTable.Entries.Single(e => e.Key == key);
            var failures = entry.Values().Where(v => !NotRun.Contains((key, v))).Select(v => Walk(entry, v)).Concat(entry.Meanings.Keys.Select(v => DocFailure(entry, v))).OfType<string>().ToList();
            foreach (var f in failures) output.WriteLine($"KNOWN GAP ({why}): {f}");
            if (failures.Count == 0 && !entry.Values().Any(v => NotRun.Contains((key, v)))) fixedGaps.Add(key);
        }
        Assert.True(fixedGaps.Count == 0, "fixed, so take them out of KnownGaps: " + string.Join(", ", fixedGaps));
    }

    // ---- the walk ----

    /// <summary>Null when the value is handled as the entry says; otherwise what went wrong.</summary>
    internal static string? Walk(Entry entry, Bad bad)
    {
        object value = entry.Value(bad);
        string what = $"{entry.Key} = {Entry.Label(bad)} ({Format(value)})";
        Exception? thrown = null;
        long allocated = 0;
        var task = Task.Run(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try { entry.Call(bad); }
            catch (Exception e) { thrown = e; }
            finally { allocated = GC.GetAllocatedBytesForCurrentThread() - before; }
        });
        if (!task.Wait(HangAfter)) return $"{what}: no answer after {HangAfter.TotalSeconds} s (a hang?)";
        if (allocated > AllocationLimit) return $"{what}: allocated {allocated:N0} bytes before answering {(thrown is null ? "nothing" : thrown.GetType().Name)}";

        if (entry.NotSupportedBecause is { } because)
            return thrown is NotSupportedException ? null : $"{what}: expected NotSupportedException ({because}), got {Describe(thrown)}";
        if (entry.Meanings.TryGetValue(bad, out var meaning))
            return thrown is null ? null : $"{what} means \"{meaning.Meaning}\", but the call threw {Describe(thrown)}";
        if (thrown is null) return $"{what} was accepted silently: refuse it, or give it a documented meaning";
        if (thrown is not ArgumentException) return $"{what}: threw {Describe(thrown)}, not an ArgumentException";
        string message = thrown.Message;
        if (!entry.Names.Any(n => message.Contains(n, StringComparison.OrdinalIgnoreCase)))
            return $"{what}: the message does not name {string.Join(" or ", entry.Names)}: {Describe(thrown)}";
        if (!Renderings(value).Any(r => Regex.IsMatch(message, $@"(?<![\w.]){Regex.Escape(r)}(?!\w|\.\d)")))
            return $"{what}: the message does not echo {Format(value)}: {Describe(thrown)}";
        if (message.Length > 600) return $"{what}: a message of {message.Length} characters is not cut to a readable length";
        return null;
    }

    private static string? DocFailure(Entry entry, Bad bad)
    {
        var (meaning, phrase) = entry.Meanings[bad];
        var docs = MemberDocs(entry.Key);
        if (docs.Count == 0) return $"{entry.Key}: no XML doc found for the member (it should say \"{phrase}\" for {Entry.Label(bad)}: {meaning})";
        return docs.Any(d => d.Contains(phrase, StringComparison.OrdinalIgnoreCase)) ? null
            : $"{entry.Key} = {Entry.Label(bad)} means \"{meaning}\", but the member's XML doc does not say \"{phrase}\": {Excerpt(string.Join(" | ", docs))}";
    }

    private static string Describe(Exception? e) => e is null ? "nothing" : $"{e.GetType().Name}: {Excerpt(e.Message)}";
    private static string Excerpt(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static string Format(object v) => Convert.ToString(v, CultureInfo.InvariantCulture)!;

    /// <summary>The ways a message may write the value.</summary>
    private static IEnumerable<string> Renderings(object v)
    {
        yield return Convert.ToString(v, CultureInfo.InvariantCulture)!;
        yield return Convert.ToString(v, CultureInfo.CurrentCulture)!;
        switch (v)
        {
            case double d when double.IsPositiveInfinity(d): yield return "∞"; yield return "Infinity"; break;
            case float f when float.IsPositiveInfinity(f): yield return "∞"; yield return "Infinity"; break;
            case double d when d == 1e300: yield return "1e300"; yield return "1e+300"; yield return "1E+300"; break;
            case float f when f == float.MaxValue: yield return ((double)f).ToString(CultureInfo.InvariantCulture); yield return "3.4028235E+38"; break;
            case int i when i == int.MaxValue: yield return i.ToString("N0", CultureInfo.InvariantCulture); break;
            case long l when l == long.MaxValue: yield return l.ToString("N0", CultureInfo.InvariantCulture); break;
            case ulong u when u == ulong.MaxValue: yield return u.ToString("N0", CultureInfo.InvariantCulture); break;
        }
        if (v is -1 or -1L or -1.0 or -1f) yield return "−1";
    }

    // ---- the library's XML doc ----

    private static readonly Lazy<Dictionary<string, string>> Docs = new(() =>
    {
        string path = Path.ChangeExtension(typeof(RnnNotebooks.Tensors.Rng).Assembly.Location, ".xml");
        return XDocument.Load(path).Descendants("member").ToDictionary(
            m => (string)m.Attribute("name")!,
            m => Regex.Replace(string.Concat(m.DescendantNodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } el => " " + ((string?)el.Attribute("langword") ?? (string?)el.Attribute("name") ?? ((string?)el.Attribute("cref"))?.Split('.', ':').Last() ?? "") + " ",
                _ => "",
            })), @"\s+", " "));
    });

    /// <summary>The XML docs of every overload of the member a key names (the type's own doc too, for a constructor).</summary>
    private static List<string> MemberDocs(string key)
    {
        var found = PublicNumericParameters.List().First(f => f.Key == key);
        var type = found.Member.DeclaringType!;
        string typeId = type.FullName!.Split('[')[0];
        string member = found.Member is System.Reflection.ConstructorInfo ? "#ctor" : found.Member.Name;
        var prefix = new Regex($@"^[MP]:{Regex.Escape(typeId)}\.{Regex.Escape(member)}(\(|``|$)");
        var docs = Docs.Value.Where(kv => prefix.IsMatch(kv.Key)).Select(kv => kv.Value).ToList();
        if (member == "#ctor" && Docs.Value.TryGetValue("T:" + typeId, out string? typeDoc)) docs.Add(typeDoc);
        return docs;
    }
}
