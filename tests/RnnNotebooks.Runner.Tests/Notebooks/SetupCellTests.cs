using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Notebooks;

/// <summary>
/// Every course notebook starts with one short setup cell: <c>#!import setup/Build.csx</c> builds the libraries on a
/// fresh clone, <c>#load "setup/Course.csx"</c> (or <c>Torch.csx</c>) references them and opens their namespaces, so
/// Run All works in VS Code, Jupyter and the runner.
/// </summary>
public partial class SetupCellTests
{
    public static TheoryData<string> CourseNotebooks() =>
        new(Directory.GetFiles(Path.Combine(Repository.Root(), "notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root(), p)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void The_first_code_cell_imports_the_build_script_and_loads_a_setup_script_that_exists(string notebook)
    {
        var path = Path.Combine(Repository.Root(), notebook);
        var cell = NotebookFile.Read(path).Cells.First(c => c.IsCode).Source;
        var folder = Path.GetDirectoryName(path)!;
        var setup = Path.Combine(Repository.Root(), "notebooks", "setup");

        var import = ImportLine().Match(cell);
        var load = LoadLine().Match(cell);
        Assert.True(import.Success, $"{notebook}: the first code cell has no '#!import …setup/Build.csx':\n{cell}");
        Assert.True(load.Success, $"{notebook}: the first code cell has no '#load \"…setup/Course.csx\"' (or Torch.csx):\n{cell}");
        Assert.Equal(Path.Combine(setup, "Build.csx"), Path.GetFullPath(import.Groups["path"].Value, folder));
        Assert.Equal(setup, Path.GetDirectoryName(Path.GetFullPath(load.Groups["path"].Value, folder)));
        Assert.True(cell.Split('\n').Length <= 4, $"{notebook}: the setup cell has grown past four lines:\n{cell}");
        Assert.True(import.Index < load.Index, $"{notebook}: the build must run before the #load whose #r lines need its dlls.");
    }

    [Fact]
    public async Task On_a_fresh_clone_the_setup_cell_builds_the_library_and_later_cells_see_its_namespace()
    {
        var root = FreshClone("namespace Fake; public static class Course { public static string Hello() => \"hello from the fake course\"; }");
        var notebooks = Path.Combine(root, "notebooks");
        var dll = Path.Combine(root, "src", "RnnNotebooks.Course", "bin", "Release", "net10.0", "RnnNotebooks.Course.dll");

        var notebook = new TestNotebook().Code(SetupCellOf("notebooks/00-setup.ipynb")).Code("Console.WriteLine(Course.Hello());");
        var (first, firstRun) = await notebook.RunAsync(folder: notebooks);
        var (second, secondRun) = await notebook.RunAsync(folder: notebooks);

        Assert.True(first.Status == NotebookStatus.Passed, first.Message);
        Assert.True(File.Exists(dll));
        Assert.StartsWith("Building RnnNotebooks.Course (first run only)", Outputs.StreamText(firstRun.Cells[0], "stdout"));
        Assert.Contains("setup loaded", Outputs.StreamText(firstRun.Cells[0], "stdout"));
        Assert.Equal("hello from the fake course\n", Outputs.StreamText(firstRun.Cells[1], "stdout"));
        Assert.True(second.Status == NotebookStatus.Passed, second.Message);
        Assert.Equal("setup loaded\n", Outputs.StreamText(secondRun.Cells[0], "stdout"));
    }

    [Fact]
    public async Task A_solutions_notebook_reaches_the_same_setup_one_folder_deeper()
    {
        var root = FreshClone("namespace Fake; public static class Course { public static string Hello() => \"hello from solutions\"; }");
        var solutions = Directory.CreateDirectory(Path.Combine(root, "notebooks", "solutions")).FullName;

        var (result, notebook) = await new TestNotebook()
            .Code(SetupCellOf("notebooks/solutions/00-setup-solutions.ipynb"))
            .Code("Console.WriteLine(Course.Hello());")
            .RunAsync(folder: solutions);

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("hello from solutions\n", Outputs.StreamText(notebook.Cells[1], "stdout"));
    }

    [Fact]
    public async Task A_library_that_does_not_build_fails_the_cell_with_the_compiler_errors()
    {
        var root = FreshClone("namespace Fake; public static class Course { int broken = ; }");

        var (result, notebook) = await new TestNotebook().Code(SetupCellOf("notebooks/00-setup.ipynb")).RunAsync(folder: Path.Combine(root, "notebooks"));

        // The kernel drops an exception thrown in an imported script, so Build.csx writes the errors to stderr and the
        // cell fails at the #r of the dll that was not built.
        Assert.Equal(NotebookStatus.Failed, result.Status);
        var stderr = Outputs.StreamText(notebook.Cells[0], "stderr");
        Assert.StartsWith("RnnNotebooks.Course did not build", stderr);
        Assert.Contains("Course.cs(1,", stderr);
        Assert.Contains("RnnNotebooks.Course.dll", Outputs.Single(notebook.Cells[0], "error").ToJsonString());
    }

    // A repository with src/RnnNotebooks.Course holding one source file and nothing built, and notebooks/setup/ with the
    // real Build.csx and a Course.csx of the same shape as the real one (its #r, a loaded .cs of global usings, a statement).
    private static string FreshClone(string code)
    {
        var root = TempFolder.Create();
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "RnnNotebooks.Course")).FullName;
        File.WriteAllText(Path.Combine(project, "RnnNotebooks.Course.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        File.WriteAllText(Path.Combine(project, "Course.cs"), code);
        var setup = Directory.CreateDirectory(Path.Combine(root, "notebooks", "setup")).FullName;
        File.Copy(Path.Combine(Repository.Root(), "notebooks", "setup", "Build.csx"), Path.Combine(setup, "Build.csx"));
        File.WriteAllText(Path.Combine(setup, "Course.csx"), """
            #r "../../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll"
            #load "Course.usings.cs"
            Console.WriteLine("setup loaded");
            """);
        File.WriteAllText(Path.Combine(setup, "Course.usings.cs"), "global using Fake;\n");
        return root;
    }

    private static string SetupCellOf(string notebook) =>
        NotebookFile.Read(Path.Combine(Repository.Root(), notebook)).Cells.First(c => c.IsCode).Source;

    [GeneratedRegex(@"^#!import\s+(?<path>\S*setup/Build\.csx)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"^#load\s+""(?<path>[^""]*setup/(?:Course|Torch)\.csx)""", RegexOptions.Multiline)]
    private static partial Regex LoadLine();
}
