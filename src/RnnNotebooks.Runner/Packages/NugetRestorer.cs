using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Packages;

/// <summary>
/// Restores <c>#r "nuget:"</c> packages through a temporary project with <c>dotnet restore</c> and the
/// machine's NuGet configuration (or the nearest NuGet.Config above the notebook), as the kernel does.
/// </summary>
public sealed class NugetRestorer(string notebookDirectory) : IDisposable
{
    /// <summary>Target framework of the temporary project: the runtime the runner runs on.</summary>
    public const string TargetFramework = "net10.0";

    private readonly List<PackageReference> _packages = [];
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    private string? _projectDirectory;

    /// <summary>
    /// Adds packages and sources to the set restored so far, restores the whole set, and returns the
    /// assemblies that were not returned by an earlier call.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(IEnumerable<PackageReference> packages, IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        foreach (var package in packages)
        {
            _packages.RemoveAll(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            _packages.Add(package);
        }
        _sources.AddRange(sources.Except(_sources));

        _projectDirectory ??= Directory.CreateTempSubdirectory("rnn-notebooks-restore-").FullName;
        var project = Path.Combine(_projectDirectory, "NotebookPackages.csproj");
        await File.WriteAllTextAsync(project, ProjectText(), cancellationToken);

        var arguments = new List<string> { "restore", project, "--nologo" };
        if (FindNugetConfig(notebookDirectory) is { } config)
        {
            arguments.AddRange(["--configfile", config]);
        }
        var (exitCode, output) = await RunDotnetAsync(arguments, cancellationToken);
        var assets = Path.Combine(_projectDirectory, "obj", "project.assets.json");
        if (exitCode != 0 || !File.Exists(assets))
        {
            var errors = output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(StripProjectPrefix)
                .Distinct()
                .ToList();
            if (errors.Count == 0)
            {
                errors.Add($"dotnet restore exited with code {exitCode}: {output.Trim()}");
            }
            return new RestoreResult(false, [], errors);
        }

        var all = ReadRuntimeAssemblies(assets);
        var added = all.Where(path => _referenced.Add(path)).ToList();
        return new RestoreResult(true, added, []);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_projectDirectory is not null)
        {
            try
            {
                Directory.Delete(_projectDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private string ProjectText()
    {
        var builder = new StringBuilder();
        builder.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        builder.AppendLine("  <PropertyGroup>");
        builder.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
        builder.AppendLine("    <EnableDefaultItems>false</EnableDefaultItems>");
        builder.AppendLine("    <ImplicitUsings>disable</ImplicitUsings>");
        if (_sources.Count > 0)
        {
            builder.AppendLine($"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', _sources))}</RestoreAdditionalProjectSources>");
        }
        builder.AppendLine("  </PropertyGroup>");
        builder.AppendLine("  <ItemGroup>");
        foreach (var package in _packages)
        {
            builder.AppendLine($"    <PackageReference Include=\"{SecurityElement.Escape(package.Id)}\" Version=\"{SecurityElement.Escape(package.Version ?? "*")}\" />");
        }
        builder.AppendLine("  </ItemGroup>");
        builder.AppendLine("</Project>");
        return builder.ToString();
    }

    private static IReadOnlyList<string> ReadRuntimeAssemblies(string assetsPath)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var packageFolder = (assets["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault() ?? "";
        var target = (assets["targets"] as JsonObject)?.FirstOrDefault(t => t.Key == TargetFramework).Value as JsonObject;
        var libraries = assets["libraries"] as JsonObject;
        var result = new List<string>();
        if (target is null || libraries is null)
        {
            return result;
        }
        foreach (var (name, library) in target)
        {
            if (library?["type"]?.GetValue<string>() != "package" || library["runtime"] is not JsonObject runtime)
            {
                continue;
            }
            var libraryPath = libraries[name]?["path"]?.GetValue<string>() ?? name.ToLowerInvariant();
            foreach (var (file, _) in runtime)
            {
                if (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(Path.GetFullPath(Path.Combine(packageFolder, libraryPath, file)));
                }
            }
        }
        return result;
    }

    private static string? FindNugetConfig(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            var match = current.EnumerateFiles()
                .FirstOrDefault(f => string.Equals(f.Name, "nuget.config", StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.FullName;
            }
        }
        return null;
    }

    private static string StripProjectPrefix(string line)
    {
        var index = line.IndexOf("error ", StringComparison.Ordinal);
        var text = index >= 0 ? line[index..] : line;
        var project = text.LastIndexOf(" [", StringComparison.Ordinal);
        return project > 0 && text.EndsWith(']') ? text[..project] : text;
    }

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
