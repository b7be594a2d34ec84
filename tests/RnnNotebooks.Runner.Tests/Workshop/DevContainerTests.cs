using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Workshop;

public class DevContainerTests
{
    [Fact]
    public void The_devcontainer_builds_with_the_README_command_and_installs_the_notebook_extensions()
    {
        var root = Repository.Root();
        var container = JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".devcontainer", "devcontainer.json")))!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        var postCreate = container["postCreateCommand"]!.GetValue<string>();
        Assert.Contains($"`{postCreate}`", readme);
        var extensions = container["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Equal("10.0", container["features"]!["ghcr.io/devcontainers/features/dotnet:2"]!["version"]!.GetValue<string>());
    }
}
