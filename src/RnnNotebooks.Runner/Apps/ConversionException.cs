namespace RnnNotebooks.Runner.Apps;

/// <summary>A notebook that cannot become a file-based app; the message names the notebook and the cell.</summary>
public sealed class ConversionException(string message) : Exception(message);
