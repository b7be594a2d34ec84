using System.Diagnostics;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>Read, execute, write: the work done for one notebook, in whichever process runs it.</summary>
public static class NotebookJob
{
    /// <summary>Runs the notebook at <paramref name="source"/> and writes the executed copy to <paramref name="target"/>.</summary>
    public static async Task<NotebookResult> RunAsync(string source, string target, ExecutionOptions options, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        NotebookDocument notebook;
        try
        {
            notebook = NotebookFile.Read(source);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookResult { Status = NotebookStatus.Failed, Message = e.Message, Duration = clock.Elapsed };
        }
        var executor = new NotebookExecutor(options) { CellStarting = progress };
        var result = await executor.RunAsync(notebook, cancellationToken);
        NotebookFile.Write(notebook, target);
        return result with { Duration = clock.Elapsed };
    }
}
