using RnnNotebooks.Course.Exercises;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

public class RegistryTests
{
    [Fact]
    public void Every_exercise_set_in_the_assembly_is_registered_once()
    {
        var declared = typeof(Ex).Assembly.GetTypes()
            .Where(t => typeof(IExerciseSet).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name);
        Assert.Equal(declared, Ex.Sets.Select(s => s.GetType()).OrderBy(t => t.Name));
        Assert.Contains("05.1", Ex.Ids);
        Assert.Contains("no exercise '99.9'", Assert.Throws<KeyNotFoundException>(() => Ex.Check("99.9", null)).Message);
    }
}
