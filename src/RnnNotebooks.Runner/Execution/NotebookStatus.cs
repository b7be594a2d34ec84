namespace RnnNotebooks.Runner.Execution;

/// <summary>How a notebook run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every cell ran without error.</summary>
    Passed,

    /// <summary>A cell failed, timed out, or the notebook could not be read.</summary>
    Failed,

    /// <summary>A required NuGet package is not restorable here and <c>--skip-unavailable</c> was given.</summary>
    Skipped,
}
