namespace RnnNotebooks.Runner.Export;

/// <summary>The site could not be written; the message names the file or folder at fault.</summary>
public sealed class ExportException(string message) : Exception(message);
