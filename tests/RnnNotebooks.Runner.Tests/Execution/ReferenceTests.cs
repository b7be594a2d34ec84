using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Execution;

public class ReferenceTests
{
    [Fact]
    public async Task A_relative_r_resolves_from_the_notebook_folder_with_dependencies_beside_the_dll()
    {
        var root = TempFolder.Create();
        var unique = "T" + Guid.NewGuid().ToString("N")[..8];
        var lib = Path.Combine(root, "lib", "bin");
        var dependency = TinyAssembly.Build(lib, unique + "Dep", $"namespace {unique}; public static class Dep {{ public static int Forty() => 40; }}");
        TinyAssembly.Build(lib, unique + "Lib", $"namespace {unique}; public static class Lib {{ public static int Answer() => Dep.Forty() + 2; }}", dependency);
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var previousDirectory = Directory.GetCurrentDirectory();

        try
        {
            Directory.SetCurrentDirectory(Path.GetTempPath());
            var (result, notebook) = await new TestNotebook()
                .Code($"#r \"../lib/bin/{unique}Lib.dll\"\nusing {unique};")
                .Code("Lib.Answer()")
                .RunAsync(folder: notebooks);

            Assert.True(result.Status == NotebookStatus.Passed, result.Message);
            Assert.Equal("42", Outputs.Shown(Outputs.Single(notebook.Cells[1], "execute_result")));
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    [Fact]
    public async Task A_missing_relative_dll_fails_the_cell()
    {
        var (result, _) = await new TestNotebook().Code("#r \"../nowhere/Missing.dll\"").RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("Missing.dll", result.Message);
    }
}
