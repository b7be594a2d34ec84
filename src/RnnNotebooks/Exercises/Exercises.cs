using System.Reflection;

namespace RnnNotebooks.Exercises;

/// <summary>
/// Checks a learner's exercise answers: <c>Exercises.Check("03.1", myGradient)</c> returns a
/// verdict that says what is wrong, not just pass or fail. Every <see cref="IExerciseSet"/>
/// in this assembly contributes its checkers.
/// </summary>
public static class Exercises
{
    private static readonly Lazy<Dictionary<string, Func<object?, ExerciseResult>>> All = new(() =>
    {
        var all = new Dictionary<string, Func<object?, ExerciseResult>>(StringComparer.Ordinal);
        foreach (var type in typeof(Exercises).Assembly.GetTypes()
                     .Where(t => typeof(IExerciseSet).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
        {
            var set = (IExerciseSet)Activator.CreateInstance(type)!;
            foreach (var (id, check) in set.Checks)
                if (!all.TryAdd(id, check)) throw new InvalidOperationException($"Exercises: id '{id}' is defined twice.");
        }
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
