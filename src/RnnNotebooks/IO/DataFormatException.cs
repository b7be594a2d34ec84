namespace RnnNotebooks.IO;

/// <summary>
/// Thrown when a data file is malformed. The message names the file and the line (or tar
/// entry) so the learner can open it and look.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, or 0 when the error is not tied to a line.</summary>
    public long Line { get; }

    /// <summary>The tar entry or archive member, when the file is an archive.</summary>
    public string? Entry { get; }

    /// <summary>The message without the "file:line" prefix.</summary>
    public string Reason { get; }

    /// <summary>Creates the exception; the message is prefixed with "file:line" or "file [entry]".</summary>
    public DataFormatException(string filePath, long line, string message, Exception? inner = null, string? entry = null)
        : base(Prefix(filePath, line, entry) + message, inner)
    {
        FilePath = filePath;
        Line = line;
        Entry = entry;
        Reason = message;
    }

    private static string Prefix(string file, long line, string? entry)
    {
        string where = file;
        if (entry is not null) where += $" [entry {entry}]";
        if (line > 0) where += $":{line}";
        return where + ": ";
    }
}
