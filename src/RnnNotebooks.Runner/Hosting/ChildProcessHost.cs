using System.Diagnostics;
using System.Globalization;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>
/// Runs each notebook in its own process, as each notebook gets its own kernel in VS Code or Jupyter:
/// static state and formatter registrations do not leak between notebooks, and a cell that never
/// returns, exits or crashes the process takes only its own notebook down.
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
        var cell = 0;

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
                    cell = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    progress(cell, int.Parse(parts[1], CultureInfo.InvariantCulture));
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
        var where = cell > 0 ? $"cell {cell}: " : "";
        if (errorText.Contains("Stack overflow", StringComparison.Ordinal))
        {
            var frames = errorText.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).Distinct().Take(3);
            return Failed($"{where}stack overflow: the cell's code calls itself without end (or recurses too deep); the kernel process crashed (exit code {process.ExitCode})\n{string.Join("\n", frames)}".TrimEnd(), cell);
        }
        var tail = string.Join("\n", otherLines.Concat(errorText.Split('\n').TakeLast(20))).Trim();
        return Failed($"{where}the kernel process ended without a result (exit code {process.ExitCode}){(tail.Length > 0 ? ":\n" + tail : "")}", cell);

        NotebookResult Failed(string message, int failedCell = 0) => new()
        {
            Status = NotebookStatus.Failed,
            Message = message,
            FailedCell = failedCell > 0 ? failedCell : null,
            Duration = clock.Elapsed,
        };
    }

    private static ProcessStartInfo StartInfo()
    {
        var directory = AppContext.BaseDirectory;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "rnn-notebooks.exe" : "rnn-notebooks");
        var assembly = Path.Combine(directory, "rnn-notebooks.dll");
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo(DotnetPath()) { ArgumentList = { assembly } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    // The dotnet executable running this process (the test host runs the runner's dll through it).
    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
