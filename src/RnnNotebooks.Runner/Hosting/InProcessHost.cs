using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>Runs notebooks inside the current process.</summary>
public sealed class InProcessHost : INotebookHost
{
    /// <inheritdoc />
    public Task<NotebookResult> RunAsync(string source, string target, ExecutionOptions options, Action<int, int> progress, CancellationToken cancellationToken) =>
        NotebookJob.RunAsync(source, target, options, progress, cancellationToken);
}
