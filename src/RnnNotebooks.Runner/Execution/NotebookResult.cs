namespace RnnNotebooks.Runner.Execution;

/// <summary>The outcome of running one notebook.</summary>
public sealed record NotebookResult
{
    /// <summary>Passed, failed or skipped.</summary>
    public required NotebookStatus Status { get; init; }

    /// <summary>For a failure, the cell and error (e.g. "cell 4: CS0103: ..."); for a skip, the reason.</summary>
    public string? Message { get; init; }

    /// <summary>The failing cell's number, if a cell failed.</summary>
    public int? FailedCell { get; init; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>
    /// The largest resident set of the notebook's process (its kernel, the course library and everything the cells
    /// held), in bytes; null where the runner could not read it (a process that crashed, a run in the runner's own process).
    /// </summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>Per-cell times in execution order.</summary>
    public IReadOnlyList<CellTiming> CellTimings { get; init; } = [];

    /// <summary>Warnings worth showing (for example, parameters that were not applied).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
