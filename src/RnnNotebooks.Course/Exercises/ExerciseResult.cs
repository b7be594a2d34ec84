namespace RnnNotebooks.Course.Exercises;

/// <summary>The verdict on one exercise answer: whether it passed and, if not, what is wrong.</summary>
public sealed record ExerciseResult(string Id, bool Passed, string Message)
{
    /// <summary>A passing result.</summary>
    public static ExerciseResult Pass(string id, string message) => new(id, true, message);

    /// <summary>A failing result that says what is wrong.</summary>
    public static ExerciseResult Fail(string id, string message) => new(id, false, message);

    /// <inheritdoc/>
    public override string ToString() => $"{(Passed ? "✔" : "✘")} {Id}: {Message}";
}
