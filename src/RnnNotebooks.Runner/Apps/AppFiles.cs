using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Apps;

/// <summary>Writes and checks the apps that sit beside their notebooks (<c>notebooks/03-bptt.ipynb</c> → <c>notebooks/03-bptt.cs</c>).</summary>
public static class AppFiles
{
    /// <summary>The app beside <paramref name="notebookPath"/>.</summary>
    public static string PathFor(string notebookPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, AppConverter.AppFileName(notebookPath));

    /// <summary>The source the app of <paramref name="notebookPath"/> should have.</summary>
    public static string Expected(string notebookPath) => AppConverter.Convert(NotebookFile.Read(notebookPath));

    /// <summary>True when the app beside the notebook exists and equals what the converter makes now.</summary>
    public static bool IsCurrent(string notebookPath)
    {
        var path = PathFor(notebookPath);
        return File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == Expected(notebookPath);
    }
}
