using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Packages;

public class NugetReferenceTests
{
    private const string MissingPackage = "RnnNotebooks.Tests.NoSuchPackage";

    [Fact, Trait("Requires", "NuGet")]
    public async Task R_nuget_restores_the_package_and_references_it()
    {
        NugetFeed.Require("restore Newtonsoft.Json 13.0.3");
        var (result, notebook) = await new TestNotebook()
            .Code("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nusing Newtonsoft.Json;")
            .Code("JsonConvert.SerializeObject(new { a = 1 })")
            .RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("{\"a\":1}", Outputs.Text(Outputs.Single(notebook.Cells[1], "execute_result"), "text/plain"));
    }

    [Fact, Trait("Requires", "NuGet")]
    public async Task An_unrestorable_package_fails_the_cell_with_the_restore_error()
    {
        NugetFeed.Require("answer NU1101 (package not found) for a package it does not have");
        var (result, notebook) = await new TestNotebook()
            .Code($"#r \"nuget: {MissingPackage}, 1.0.0\"")
            .RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains(MissingPackage, result.Message);
        var error = Outputs.Single(notebook.Cells[0], "error");
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("NU1101"));
    }

    [Fact, Trait("Requires", "NuGet")]
    public async Task Skip_unavailable_reports_a_skip_naming_the_package()
    {
        NugetFeed.Require("report a package it does not have");
        var (result, _) = await new TestNotebook()
            .Code("var before = 1;")
            .Code($"#r \"nuget: {MissingPackage}, 1.0.0\"")
            .RunAsync(new ExecutionOptions { SkipUnavailable = true });

        Assert.Equal(NotebookStatus.Skipped, result.Status);
        Assert.Contains($"{MissingPackage} 1.0.0 is not restorable", result.Message);
    }
}
