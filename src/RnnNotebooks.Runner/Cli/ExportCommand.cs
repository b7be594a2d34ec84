using RnnNotebooks.Runner.Export;

namespace RnnNotebooks.Runner.Cli;

/// <summary><c>rnn-notebooks export</c>: writes already executed notebooks as the offline HTML site.</summary>
public static class ExportCommand
{
    /// <summary>Default folder for the site.</summary>
    public const string DefaultOutput = "artifacts/site";

    /// <summary>Default folder the notebooks' relative images are read from.</summary>
    public const string DefaultResources = "notebooks";

    /// <summary>Exports the executed notebooks in <paramref name="paths"/> to <paramref name="site"/>, reading relative images from <paramref name="resources"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, string site, string resources, TextWriter output)
    {
        if (paths.Count == 0)
        {
            throw new UsageException("name the executed notebooks or their folder, e.g. 'rnn-notebooks export artifacts/notebooks'");
        }
        var notebooks = NotebookDiscovery.Find(paths);
        if (notebooks.Count == 0)
        {
            output.WriteLine($"No notebooks (*.ipynb) found in: {string.Join(", ", paths)}");
            return 1;
        }
        try
        {
            var notes = SiteExporter.Export(notebooks.Select(n => new SiteEntry(n, resources)).ToList(), site, "RnnNotebooks: recurrent neural networks in C#");
            foreach (var note in notes)
            {
                output.WriteLine($"note: {note}");
            }
        }
        catch (ExportException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 1;
        }
        output.WriteLine($"{notebooks.Count} pages: {Path.Combine(Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(site)), "index.html")}");
        return 0;
    }
}
