using System.Runtime.InteropServices;

namespace RnnNotebooks.Runner.Workshop;

/// <summary>The machine a workshop was prepared on, in one line.</summary>
public static class Hardware
{
    /// <summary>CPU model (from /proc/cpuinfo on Linux), logical cores, memory, OS and .NET version.</summary>
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{CpuModel()}, {Environment.ProcessorCount} logical cores, {memory:0.#} GB memory, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    /// <summary>The 1-minute load average (from /proc/loadavg on Linux), or null where the system does not show it.</summary>
    public static double? LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        try
        {
            return File.Exists(loadavg)
                && double.TryParse(File.ReadAllText(loadavg).Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
                ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null && line.IndexOf(':') is var colon and > 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        return $"{RuntimeInformation.ProcessArchitecture} CPU";
    }
}
