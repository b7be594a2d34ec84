using RnnNotebooks.Runner.Apps;

namespace RnnNotebooks.Runner.Cli;

/// <summary><c>rnn-notebooks convert</c>: writes (or with <c>--check</c>, checks) each notebook's file-based app beside it.</summary>
public static class ConvertCommand
{
    /// <summary>Folders converted when none are named.</summary>
    public static readonly IReadOnlyList<string> DefaultPaths = ["notebooks", "notebooks/solutions"];

    /// <summary>Converts <paramref name="paths"/> (default <see cref="DefaultPaths"/>); returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, bool check, TextWriter output)
    {
        var notebooks = NotebookDiscovery.Find(paths.Count > 0 ? paths : DefaultPaths);
        if (notebooks.Count == 0)
        {
            output.WriteLine($"No notebooks (*.ipynb) found in: {string.Join(", ", paths.Count > 0 ? paths : DefaultPaths)}");
            return 1;
        }
        int failed = 0, stale = 0;
        foreach (var notebook in notebooks)
        {
            var app = AppFiles.PathFor(notebook);
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), app);
            try
            {
                var source = AppFiles.Expected(notebook);
                var current = File.Exists(app) && File.ReadAllText(app).ReplaceLineEndings("\n") == source;
                if (check)
                {
                    if (!current)
                    {
                        stale++;
                        output.WriteLine($"{(File.Exists(app) ? "stale" : "missing")}: {shown}");
                    }
                    continue;
                }
                if (!current) File.WriteAllText(app, source);
                output.WriteLine($"{(current ? "current" : "written")}: {shown}");
            }
            catch (ConversionException e)
            {
                failed++;
                output.WriteLine($"error: {e.Message}");
            }
        }
        if (check && stale > 0)
        {
            output.WriteLine($"{stale} app(s) differ from their notebooks: run 'dotnet run --project src/RnnNotebooks.Runner -c Release -- convert'.");
        }
        else if (check && failed == 0)
        {
            output.WriteLine($"{notebooks.Count} app(s) current.");
        }
        return failed > 0 || stale > 0 ? 1 : 0;
    }
}
