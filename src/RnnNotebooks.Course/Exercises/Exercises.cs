namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Checks a learner's exercise answers: <c>Exercises.Check("03.1", myGradient)</c> returns a
/// verdict that says what is wrong, not just pass or fail. The notebooks' exercise sets are
/// listed in <see cref="Sets"/>; a new notebook's set is added there.
/// </summary>
public static class Exercises
{
    /// <summary>Every notebook's exercise set, in notebook order.</summary>
    public static IReadOnlyList<IExerciseSet> Sets { get; } =
    [
        new Notebook00Exercises(),
        new Notebook01Exercises(),
        new Notebook02Exercises(),
        new Notebook03Exercises(),
        new Notebook04Exercises(),
        new Notebook05Exercises(),
        new Notebook06Exercises(),
        new Notebook08Exercises(),
        new Notebook09Exercises(),
        new Notebook10Exercises(),
        new Notebook11Exercises(),
        new Notebook12Exercises(),
    ];

    private static readonly Lazy<Dictionary<string, Func<object?, ExerciseResult>>> All = new(() =>
    {
        var all = new Dictionary<string, Func<object?, ExerciseResult>>(StringComparer.Ordinal);
        foreach (var set in Sets)
            foreach (var (id, check) in set.Checks)
                if (!all.TryAdd(id, check)) throw new InvalidOperationException($"Exercises: id '{id}' is defined twice.");
        return all;
    });

    /// <summary>Every exercise id, sorted.</summary>
    public static IReadOnlyList<string> Ids => All.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Checks <paramref name="answer"/> for exercise <paramref name="id"/>.</summary>
    public static ExerciseResult Check(string id, object? answer)
    {
        if (!All.Value.TryGetValue(id, out var check))
            throw new KeyNotFoundException($"Exercises: no exercise '{id}'. Known: {string.Join(", ", Ids)}.");
        try { return check(answer); }
        catch (Exception e) when (e is InvalidCastException or ArgumentException or NullReferenceException)
        {
            return ExerciseResult.Fail(id, $"the answer could not be checked: {e.Message}");
        }
    }
}
