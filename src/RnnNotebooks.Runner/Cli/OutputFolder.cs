namespace RnnNotebooks.Runner.Cli;

/// <summary>The folder executed copies are written to.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="folder"/> and writes and deletes a probe file in it; throws
    /// <see cref="UsageException"/> naming the folder when that fails, so no notebook runs for nothing.
    /// </summary>
    public static void EnsureWritable(string folder)
    {
        var probe = Path.Combine(folder, $".rnn-notebooks-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"the output folder {folder} cannot be written ({e.Message}); choose another --output");
        }
    }
}
