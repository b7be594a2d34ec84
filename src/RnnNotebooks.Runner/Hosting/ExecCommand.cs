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
        // The kernel redirects Console while a cell runs; the protocol keeps the real standard output.
        var protocol = Console.Out;
        var job = new NotebookJob(args[0], args[1], ChildProtocol.DecodeOptions(args[2]));
        var reported = 0;

        // A cell that calls Environment.Exit ends the process: report it as that cell's failure.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Interlocked.Exchange(ref reported, 1) == 0
                && job.Interrupt(new CellFailure("EnvironmentExit", $"the cell ended the kernel process with Environment.Exit({Environment.ExitCode}); a notebook cell must not exit the process", [])) is { } interrupted)
            {
                Send(interrupted);
            }
        };

        var result = await job.RunAsync((cell, total) =>
        {
            lock (protocol)
            {
                protocol.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ChildProtocol.ProgressPrefix}{cell} {total}"));
                protocol.Flush();
            }
        }, CancellationToken.None);
        if (Interlocked.Exchange(ref reported, 1) == 0)
        {
            Send(result);
        }
        // A timed-out cell may still be running on another thread: end the process now.
        Environment.Exit(0);
        return 0;

        // The kernel's peak resident set so far (Linux: VmHWM of /proc/self/status; elsewhere what .NET reports).
        static long? PeakResidentBytes()
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return self.PeakWorkingSet64 > 0 ? self.PeakWorkingSet64 : null;
        }

        void Send(NotebookResult outcome)
        {
            lock (protocol)
            {
                protocol.WriteLine(ChildProtocol.EncodeResult(outcome with { PeakMemoryBytes = PeakResidentBytes() }));
                protocol.Flush();
            }
        }
    }
}
