using Microsoft.DotNet.Interactive;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Interactive;

/// <summary><c>#r "nuget: ..."</c> restores through the kernel, and extensions in packages load as the dotnet-interactive tool loads them.</summary>
public class PackageTests
{
    [Fact]
    public async Task A_nuget_package_from_a_local_feed_is_restored_and_its_extension_loaded()
    {
        var root = TempFolder.Create();
        var id = "RnnTest" + Guid.NewGuid().ToString("N")[..10];
        var build = Path.Combine(root, "build");
        var library = TinyAssembly.Build(build, id, $"namespace {id}; public static class Library {{ public static int Answer() => 42; }}");
        var extension = TinyAssembly.Build(build, id + ".Extension", $$"""
            using System.Threading.Tasks;
            using Microsoft.DotNet.Interactive;
            namespace {{id}}.Extension;
            public sealed class Loader : IKernelExtension
            {
                public Task OnLoadAsync(Kernel kernel)
                {
                    System.Environment.SetEnvironmentVariable("{{id}}", "loaded by " + kernel.GetType().Name);
                    return Task.CompletedTask;
                }
            }
            """, typeof(Kernel).Assembly.Location, typeof(System.Runtime.GCSettings).Assembly.Location);
        var feed = Path.Combine(root, "feed");
        LocalPackage.Write(feed, id, new Dictionary<string, string>
        {
            [$"lib/net10.0/{id}.dll"] = library,
            [$"interactive-extensions/dotnet/{id}.Extension.dll"] = extension,
        });

        var (result, notebook) = await new TestNotebook()
            .Code($"#i \"nuget: {feed}\"\n#r \"nuget: {id}, 1.0.0\"")
            .Code($"{id}.Library.Answer() + \" \" + Environment.GetEnvironmentVariable(\"{id}\")")
            .RunAsync();

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("42 loaded by CompositeKernel", Outputs.Shown(Outputs.Single(notebook.Cells[1], "execute_result")));
        Assert.Contains(Outputs.Of(notebook.Cells[0]), o => o["output_type"]!.GetValue<string>() == "display_data"
            && Outputs.Text(o, "text/plain") == $"Loading extensions from `{id}.Extension.dll`");
    }

    [Fact]
    public async Task A_package_that_cannot_be_restored_fails_its_cell_naming_the_package()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("#r \"nuget: RnnNotebooks.Tests.NoSuchPackage, 1.0.0\"")
            .RunAsync();

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal(1, result.FailedCell);
        Assert.Contains("RnnNotebooks.Tests.NoSuchPackage", Outputs.Single(notebook.Cells[0], "error").ToJsonString());
    }
}
