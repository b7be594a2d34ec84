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
