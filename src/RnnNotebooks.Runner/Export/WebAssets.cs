namespace RnnNotebooks.Runner.Export;

/// <summary>KaTeX, highlight.js, the site's style and script: copied beside the runner by its build (from npm), and into every site.</summary>
public static class WebAssets
{
    /// <summary>The folder beside the runner that holds the assets.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "web");

    private static readonly string[] Required = ["katex/katex.min.js", "katex/katex.min.css", "highlight/highlight.min.js", "site.js", "site.css"];

    /// <summary>Copies the assets into <paramref name="target"/>; throws <see cref="ExportException"/> naming a missing file and the command that provides it.</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in Required)
        {
            if (!File.Exists(Path.Combine(Folder, file)))
            {
                throw new ExportException(
                    $"{Path.Combine(Folder, file)} is missing: the runner's build installs KaTeX and highlight.js with npm. " +
                    "Install Node.js and npm, then rebuild (or run 'npm ci' in src/RnnNotebooks.Runner/Export/web and rebuild).");
            }
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
