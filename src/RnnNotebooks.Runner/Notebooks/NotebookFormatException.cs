namespace RnnNotebooks.Runner.Notebooks;

/// <summary>A notebook file that is not valid JSON or not nbformat 4; the message names the file and, where known, the cell.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
