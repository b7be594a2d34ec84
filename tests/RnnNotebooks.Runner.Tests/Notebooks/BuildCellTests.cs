using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Notebooks;

/// <summary>The course notebooks' first code cell builds the course library on a fresh clone, so Run All works in VS Code and Jupyter.</summary>
public class BuildCellTests
{
    private static readonly string Repository = FindRepository();

    public static TheoryData<string> CourseNotebooks() =>
        new(Directory.GetFiles(Path.Combine(Repository, "notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository, p)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void The_first_code_cell_is_the_build_cell_and_the_next_references_the_library(string notebook)
    {
        var code = NotebookFile.Read(Path.Combine(Repository, notebook)).Cells.Where(c => c.IsCode).ToArray();

        Assert.EndsWith("-build", code[0].Json["id"]!.GetValue<string>());
        Assert.Contains("src/RnnNotebooks.Course", code[0].Source);
        Assert.StartsWith("#r \"", code[1].Source);
    }

    [Fact]
    public async Task On_a_fresh_clone_the_build_cell_builds_the_library_then_does_nothing()
    {
        var (root, project) = FreshClone("public static class Course { }");
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var cell = BuildCellOf("notebooks/00-setup.ipynb");

        var (first, firstRun) = await new TestNotebook().Code(cell).RunAsync(folder: notebooks);
        var (second, secondRun) = await new TestNotebook().Code(cell).RunAsync(folder: notebooks);

        Assert.True(first.Status == NotebookStatus.Passed, first.Message);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Release", "net10.0", "RnnNotebooks.Course.dll")));
        Assert.StartsWith("Building the course library (first run only)", Outputs.StreamText(firstRun.Cells[0], "stdout"));
        Assert.True(second.Status == NotebookStatus.Passed, second.Message);
        Assert.Empty(Outputs.Of(secondRun.Cells[0]));
    }

    [Fact]
    public async Task A_library_that_does_not_build_fails_the_cell_with_the_compiler_errors()
    {
        var (root, _) = FreshClone("public static class Course { int broken = ; }");
        var solutions = Directory.CreateDirectory(Path.Combine(root, "notebooks", "solutions")).FullName;

        var (result, notebook) = await new TestNotebook().Code(BuildCellOf("notebooks/solutions/00-setup-solutions.ipynb")).RunAsync(folder: solutions);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("The course library did not build", result.Message);
        Assert.Contains("Course.cs(1,", Outputs.Single(notebook.Cells[0], "error").ToJsonString());
    }

    // A repository with src/RnnNotebooks.Course holding one source file and nothing built.
    private static (string Root, string Project) FreshClone(string code)
    {
        var root = TempFolder.Create();
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "RnnNotebooks.Course")).FullName;
        File.WriteAllText(Path.Combine(project, "RnnNotebooks.Course.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        File.WriteAllText(Path.Combine(project, "Course.cs"), code);
        return (root, project);
    }

    private static string BuildCellOf(string notebook) =>
        NotebookFile.Read(Path.Combine(Repository, notebook)).Cells.First(c => c.IsCode).Source;

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RnnNotebooks.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("RnnNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
