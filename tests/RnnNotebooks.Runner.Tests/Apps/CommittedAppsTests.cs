using RnnNotebooks.Runner.Apps;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Apps;

/// <summary>The apps committed beside the notebooks are what the converter makes from them now.</summary>
public class CommittedAppsTests
{
    public static TheoryData<string> CourseNotebooks() =>
        new(Directory.GetFiles(Path.Combine(Repository.Root(), "notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root(), p)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Each_notebooks_app_is_current(string notebook)
    {
        var path = Path.Combine(Repository.Root(), notebook);
        Assert.True(AppFiles.IsCurrent(path),
            $"{Path.GetRelativePath(Repository.Root(), AppFiles.PathFor(path))} is missing or differs from {notebook}: run 'dotnet run --project src/RnnNotebooks.Runner -c Release -- convert' and commit the result.");
    }
}
