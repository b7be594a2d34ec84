using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>Runs one notebook file and writes its executed copy.</summary>
public interface INotebookHost
{
    /// <summary>
    /// Executes <paramref name="source"/>, writes the executed copy to <paramref name="target"/>, and reports
    /// progress as (cell number, number of cells).
    /// </summary>
    Task<NotebookResult> RunAsync(string source, string target, ExecutionOptions options, Action<int, int> progress, CancellationToken cancellationToken);
}
