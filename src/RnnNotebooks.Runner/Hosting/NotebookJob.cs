using System.Diagnostics;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>Read, execute, write: the work done for one notebook in its process.</summary>
public sealed class NotebookJob(string source, string target, ExecutionOptions options)
{
    private readonly object _gate = new();
    private NotebookDocument? _notebook;
    private NotebookExecutor? _executor;
    private bool _written;

    /// <summary>Runs the notebook and writes the executed copy.</summary>
    public async Task<NotebookResult> RunAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            _notebook = NotebookFile.Read(source);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookResult { Status = NotebookStatus.Failed, Message = e.Message, Duration = clock.Elapsed };
        }
        _executor = new NotebookExecutor(options) { CellStarting = progress };
        var result = await _executor.RunAsync(_notebook, cancellationToken);
        Write();
        return result with { Duration = clock.Elapsed };
    }

    /// <summary>
    /// Ends the run early with <paramref name="failure"/> on the running cell and writes the executed copy;
    /// null when the notebook has not started.
    /// </summary>
    public NotebookResult? Interrupt(CellFailure failure)
    {
        if (_executor is null)
        {
            return null;
        }
        var result = _executor.Interrupt(failure);
        Write();
        return result;
    }

    private void Write()
    {
        lock (_gate)
        {
            if (!_written && _notebook is not null)
            {
                NotebookFile.Write(_notebook, target);
                _written = true;
            }
        }
    }
}
