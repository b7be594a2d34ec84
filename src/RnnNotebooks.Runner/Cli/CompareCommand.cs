using RnnNotebooks.Runner.Apps;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Cli;

/// <summary><c>rnn-notebooks compare</c>: an app's console output against the executed notebook (see <see cref="AppComparison"/>).</summary>
public static class CompareCommand
{
    /// <summary>Prints the comparison; returns 0 when the numbers agree (timings aside), 1 otherwise.</summary>
    public static int Run(string executedNotebook, string appOutput, TextWriter output)
    {
        if (!File.Exists(executedNotebook)) throw new UsageException($"{executedNotebook}: no such executed notebook");
        if (!File.Exists(appOutput)) throw new UsageException($"{appOutput}: no such app output");
        var result = AppComparison.Compare(NotebookFile.Read(executedNotebook), File.ReadAllText(appOutput));
        var name = Path.GetFileNameWithoutExtension(executedNotebook);
        output.WriteLine($"{name}: {result.Compared} lines and table rows of the kernel run; {result.Equal} equal in the app, "
            + $"{result.Timings.Count} differ only in timings, {result.Different.Count} differ otherwise.");
        foreach (var (kernel, app) in result.Timings) output.WriteLine($"  timing  kernel: {kernel}\n          app:    {app}");
        foreach (var (kernel, app) in result.Different) output.WriteLine($"  DIFFERS kernel: {kernel}\n          app:    {app ?? "(no such line)"}");
        return result.Same ? 0 : 1;
    }
}
