using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RnnNotebooks.Bench;

/// <summary>
/// The CPU time this process has used, all threads together (CLOCK_PROCESS_CPUTIME_ID on Linux, in
/// nanoseconds; elsewhere the runtime's coarser figure). On a machine that other work keeps busy, an
/// iteration's CPU time is the work it did and hardly moves with the load, where its wall-clock time
/// includes the time its threads waited for a core.
/// </summary>
internal static class CpuTime
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private const int ProcessCpuTime = 2;   // CLOCK_PROCESS_CPUTIME_ID

    public static double ProcessSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTime, out var t) == 0) return t.Seconds + t.Nanoseconds * 1e-9;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
