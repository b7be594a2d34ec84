namespace RnnNotebooks.Data;

/// <summary>
/// Finds the folder that holds the real datasets. Every loader uses it, in this order:
/// <list type="number">
/// <item>an explicit path passed by the caller;</item>
/// <item>the environment variable <c>RNN_NOTEBOOKS_DATA</c>;</item>
/// <item><c>../shared/datasets</c> next to the repository (found by walking up from the current
/// directory and from the library's location to the folder holding <c>RnnNotebooks.sln</c>);</item>
/// <item>the per-user cache (<see cref="CacheDirectory"/>), where downloads go.</item>
/// </list>
/// Inside the root the layout is <c>imdb/</c>, <c>stocks/</c>, <c>text/</c>.
/// </summary>
public static class DataRoot
{
    /// <summary>Name of the environment variable that points at a data root.</summary>
    public const string EnvironmentVariable = "RNN_NOTEBOOKS_DATA";

    /// <summary>The resolved data root, or the cache directory when nothing else exists.</summary>
    public static string Resolve(string? explicitPath = null) => Describe(explicitPath).Path;

    /// <summary>The resolved data root with the rule that chose it (for notebooks to print).</summary>
    public static DataRootInfo Describe(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            string full = Path.GetFullPath(explicitPath);
            if (!Directory.Exists(full))
                throw new DirectoryNotFoundException($"Data root '{full}' (passed explicitly) does not exist.");
            return new DataRootInfo(full, DataRootKind.Explicit);
        }
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            string full = Path.GetFullPath(env);
            if (!Directory.Exists(full))
                throw new DirectoryNotFoundException($"Data root '{full}' (from ${EnvironmentVariable}) does not exist.");
            return new DataRootInfo(full, DataRootKind.EnvironmentVariable);
        }
        if (FindSharedDatasets() is string shared) return new DataRootInfo(shared, DataRootKind.SharedBesideRepository);
        return new DataRootInfo(CacheDirectory, DataRootKind.UserCache);
    }

    /// <summary>
    /// The per-user download cache: <c>$XDG_CACHE_HOME/rnn-notebooks</c>, else
    /// <c>~/.cache/rnn-notebooks</c> (Linux, macOS) or <c>%LOCALAPPDATA%\rnn-notebooks</c> (Windows).
    /// Not created until something is downloaded.
    /// </summary>
    public static string CacheDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "rnn-notebooks");
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rnn-notebooks");
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".cache", "rnn-notebooks");
        }
    }

    /// <summary>
    /// <c>shared/datasets</c> beside the repository root, or null. The repository root is the first
    /// ancestor (of the current directory, then of the library's folder) that holds
    /// <c>RnnNotebooks.sln</c>; failing that, any ancestor with a sibling <c>shared/datasets</c>.
    /// </summary>
    public static string? FindSharedDatasets()
    {
        foreach (string start in StartFolders())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RnnNotebooks.sln")))
                {
                    string? candidate = dir.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared", "datasets");
                    if (candidate is not null && Directory.Exists(candidate)) return candidate;
                    break; // found the repository, but nothing beside it
                }
            }
            for (var dir = new DirectoryInfo(start); dir?.Parent is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.Parent.FullName, "shared", "datasets");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The path of <paramref name="relative"/> (e.g. <c>imdb/train.csv.gz</c>) under the resolved root,
    /// or null when it is not there.
    /// </summary>
    public static string? Find(string relative, string? explicitRoot = null)
    {
        string path = Path.Combine(Resolve(explicitRoot), relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static IEnumerable<string> StartFolders()
    {
        yield return Directory.GetCurrentDirectory();
        string? lib = Path.GetDirectoryName(typeof(DataRoot).Assembly.Location);
        if (!string.IsNullOrEmpty(lib)) yield return lib;
    }
}

/// <summary>Which rule of <see cref="DataRoot"/> chose the data root.</summary>
public enum DataRootKind
{
    /// <summary>A path passed by the caller.</summary>
    Explicit,
    /// <summary>The <c>RNN_NOTEBOOKS_DATA</c> environment variable.</summary>
    EnvironmentVariable,
    /// <summary><c>../shared/datasets</c> beside the repository.</summary>
    SharedBesideRepository,
    /// <summary>The per-user download cache.</summary>
    UserCache,
}

/// <summary>A resolved data root and the rule that chose it.</summary>
public sealed record DataRootInfo(string Path, DataRootKind Kind)
{
    /// <summary>E.g. "…/shared/datasets (../shared/datasets beside the repository)".</summary>
    public override string ToString() => Kind switch
    {
        DataRootKind.Explicit => $"{Path} (explicit path)",
        DataRootKind.EnvironmentVariable => $"{Path} (${DataRoot.EnvironmentVariable})",
        DataRootKind.SharedBesideRepository => $"{Path} (../shared/datasets beside the repository)",
        _ => $"{Path} (per-user cache)",
    };
}
