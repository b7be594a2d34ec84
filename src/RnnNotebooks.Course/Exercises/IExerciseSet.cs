namespace RnnNotebooks.Course.Exercises;

/// <summary>The exercises of one notebook: checkers by id (e.g. "03.1").</summary>
public interface IExerciseSet
{
    /// <summary>Checkers by exercise id; each takes the learner's answer.</summary>
    IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; }
}
