using RnnNotebooks.Runner.Export;

namespace RnnNotebooks.Runner.Cli;

/// <summary><c>rnn-notebooks export</c>: writes already executed notebooks as the offline HTML site.</summary>
public static class ExportCommand
{
    /// <summary>Default folder for the site.</summary>
    public const string DefaultOutput = "artifacts/site";

    /// <summary>Runs the command with the arguments after <c>export</c>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var paths = new List<string>();
        var site = DefaultOutput;
        var resources = "notebooks";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    output.WriteLine(HelpText.Export);
                    return 0;
                case "-o" or "--output":
                    site = Value(ref i);
                    break;
                case "--resources":
                    resources = Value(ref i);
                    break;
                default:
                    if (args[i].StartsWith('-') && args[i].Length > 1)
                    {
                        throw new UsageException($"unknown option '{args[i]}'");
                    }
                    paths.Add(args[i]);
                    break;
            }
        }
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

        string Value(ref int index) =>
            index + 1 < args.Count ? args[++index] : throw new UsageException($"{args[index]} needs a value");
    }
}
