namespace RnnNotebooks.Runner.Cli;

/// <summary>Bad command-line input; the message says what is wrong.</summary>
public sealed class UsageException(string message) : Exception(message);
