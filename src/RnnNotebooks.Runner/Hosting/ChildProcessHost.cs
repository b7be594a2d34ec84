using System.Diagnostics;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Packages;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>
/// Runs each notebook in its own process, as each notebook gets its own kernel in VS Code or Jupyter:
/// static state and formatter registrations do not leak between notebooks, and a cell that never
/// returns is stopped with its process.
/// </summary>
public sealed class ChildProcessHost : INotebookHost
{
    /// <summary>Extra time after the notebook timeout before the child is killed (it normally stops itself).</summary>
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<NotebookResult> RunAsync(string source, string target, ExecutionOptions options, Action<int, int> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var start = StartInfo();
        start.ArgumentList.Add(ChildProtocol.ExecCommand);
        start.ArgumentList.Add(source);
        start.ArgumentList.Add(target);
        start.ArgumentList.Add(ChildProtocol.EncodeOptions(options));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the notebook process");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        NotebookResult? result = null;
        var otherLines = new Queue<string>();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.NotebookTimeout is { } limit)
        {
            deadline.CancelAfter(limit + KillGrace);
        }
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(ChildProtocol.ProgressPrefix, StringComparison.Ordinal))
                {
                    var parts = line[ChildProtocol.ProgressPrefix.Length..].Split(' ');
                    progress(int.Parse(parts[0]), int.Parse(parts[1]));
                }
                else if (line.StartsWith(ChildProtocol.ResultPrefix, StringComparison.Ordinal))
                {
                    result = ChildProtocol.DecodeResult(line[ChildProtocol.ResultPrefix.Length..]);
                }
                else
                {
                    otherLines.Enqueue(line);
                    if (otherLines.Count > 20)
                    {
                        otherLines.Dequeue();
                    }
                }
            }
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            return Failed($"the notebook process did not stop within the notebook timeout plus {KillGrace.TotalSeconds} s and was killed");
        }

        if (result is not null)
        {
            return result;
        }
        var errorText = (await stderr).Trim();
        var tail = string.Join("\n", otherLines.Concat(errorText.Split('\n').TakeLast(20))).Trim();
        return Failed($"the notebook process ended without a result (exit code {process.ExitCode}){(tail.Length > 0 ? ":\n" + tail : "")}");

        NotebookResult Failed(string message) => new() { Status = NotebookStatus.Failed, Message = message, Duration = clock.Elapsed };
    }

    private static ProcessStartInfo StartInfo()
    {
        var directory = AppContext.BaseDirectory;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "rnn-notebooks.exe" : "rnn-notebooks");
        var assembly = Path.Combine(directory, "rnn-notebooks.dll");
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo(DotnetHost.Path) { ArgumentList = { assembly } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
