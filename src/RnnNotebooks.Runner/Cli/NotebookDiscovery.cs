namespace RnnNotebooks.Runner.Cli;

/// <summary>Expands files and folders into the notebooks to run, in file-name order.</summary>
public static class NotebookDiscovery
{
    /// <summary>
    /// Returns the .ipynb files named or contained (top level) in the given folders, ordered by
    /// file name. Throws <see cref="UsageException"/> for a path that does not exist, unless
    /// <paramref name="allowMissing"/> is set (then such paths contribute nothing).
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths, bool allowMissing = false)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                found.AddRange(Directory.EnumerateFiles(path, "*.ipynb", SearchOption.TopDirectoryOnly));
            }
            else if (File.Exists(path))
            {
                found.Add(path);
            }
            else if (!allowMissing)
            {
                throw new UsageException($"{path}: no such notebook or folder");
            }
        }
        return found
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Maps each notebook to its executed copy in <paramref name="outputFolder"/>; throws
    /// <see cref="UsageException"/> if a copy would overwrite a source or two copies would collide.
    /// </summary>
    public static IReadOnlyList<(string Source, string Target)> Targets(IReadOnlyList<string> notebooks, string outputFolder)
    {
        var folder = Path.GetFullPath(outputFolder);
        var pairs = notebooks.Select(n => (Source: n, Target: Path.Combine(folder, Path.GetFileName(n)))).ToList();
        foreach (var (source, target) in pairs)
        {
            if (string.Equals(source, target, StringComparison.Ordinal))
            {
                throw new UsageException($"the output folder {outputFolder} would overwrite the source {source}; choose another --output");
            }
        }
        var clash = pairs.GroupBy(p => p.Target, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new UsageException($"two notebooks would be written to {clash.Key}: {string.Join(" and ", clash.Select(p => p.Source))}");
        }
        return pairs;
    }
}
