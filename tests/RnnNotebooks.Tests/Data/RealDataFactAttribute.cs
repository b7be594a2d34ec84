using System.Runtime.CompilerServices;

namespace RnnNotebooks.Tests.Data;

/// <summary>
/// A test on the real files in ../shared/datasets. Skipped (visibly) when they are absent on a
/// developer machine; under CI=true it runs and fails with a clear message instead.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Root is null && !RealData.IsCi)
            Skip = "../shared/datasets not found beside the repository (set CI=true to make this a failure).";
    }
}

internal static class RealData
{
    /// <summary>
    /// <c>../shared/datasets</c> beside this repository, found from this source file's own path
    /// (tests/RnnNotebooks.Tests/Data/) rather than by <c>DataRoot</c>, whose search the tests check.
    /// </summary>
    public static readonly string? Root = SharedBeside(RepositoryRoot());

    /// <summary>The repository root: three folders above this source file.</summary>
    public static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    private static string? SharedBeside(string repository)
    {
        string candidate = Path.GetFullPath(Path.Combine(repository, "..", "shared", "datasets"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared data root; fails the test with a clear message when it is missing.</summary>
    public static string RequireRoot() => Root
        ?? throw new Xunit.Sdk.XunitException("CI=true but ../shared/datasets was not found beside the repository: the real-data tests cannot run.");

    public static string File(string relative) => Path.Combine(RequireRoot(), relative);
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rnn-data-test-").FullName;

    public string File(string relative)
    {
        string p = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Tests that change process-wide state (environment, SampleNotice.Out) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AmbientStateCollection
{
    public const string Name = "Ambient state";
}
