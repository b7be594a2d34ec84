namespace RnnNotebooks.Runner.Execution;

/// <summary>How a notebook is executed.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Longest time one cell may run; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Longest time the whole notebook may run; null for no limit.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary><c>--param</c> values by name (text as typed).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Inject the <c>// quick:</c> values of the parameters cell.</summary>
    public bool Quick { get; init; }

    /// <summary>Report a notebook whose NuGet packages cannot be restored as skipped instead of failed.</summary>
    public bool SkipUnavailable { get; init; }
}
