using System.Globalization;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>The child side of <see cref="ChildProcessHost"/>: runs one notebook and reports on standard output.</summary>
public static class ExecCommand
{
    /// <summary>Runs <c>__exec source target options-json</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count != 3)
        {
            await Console.Error.WriteLineAsync($"{ChildProtocol.ExecCommand} expects: <source> <target> <options-json>");
            return 2;
        }
        var protocol = Console.Out;
        ConsoleCapture.Install();
        var options = ChildProtocol.DecodeOptions(args[2]);
        var result = await NotebookJob.RunAsync(args[0], args[1], options, (cell, total) =>
        {
            lock (protocol)
            {
                protocol.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ChildProtocol.ProgressPrefix}{cell} {total}"));
                protocol.Flush();
            }
        }, CancellationToken.None);
        lock (protocol)
        {
            protocol.WriteLine(ChildProtocol.EncodeResult(result));
            protocol.Flush();
        }
        // A timed-out cell may still be running on another thread: end the process now.
        Environment.Exit(0);
        return 0;
    }
}
