using System.Diagnostics;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

/// <summary>PNG snapshots of charts drawn by plotly.js in headless Chromium, for viewers that run no scripts.</summary>
public static class StaticImage
{
    /// <summary>The switch that turns static images on for every displayed chart: <c>RNN_NOTEBOOKS_STATIC_IMAGES=1</c>.</summary>
    public const string EnvironmentVariable = "RNN_NOTEBOOKS_STATIC_IMAGES";

    private static readonly Lazy<string> LibraryFile = new(() =>
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rnn-notebooks-plotly-" + PlotlyJs.Version));
        var file = Path.Combine(dir.FullName, "plotly.min.js");
        if (!File.Exists(file) || new FileInfo(file).Length != PlotlyJs.Source.Length)
        {
            var partial = file + "." + Environment.ProcessId;
            File.WriteAllText(partial, PlotlyJs.Source);
            File.Move(partial, file, overwrite: true);
        }
        return file;
    });

    /// <summary>True when the environment asks for static images (<see cref="EnvironmentVariable"/> is 1 or true).</summary>
    public static bool RequestedByEnvironment =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true" or "True";

    /// <summary>True when a Chromium was found to render with.</summary>
    public static bool Available => Chromium.Find() is not null;

    /// <summary>Time spent rendering, summed over all charts of this process.</summary>
    public static TimeSpan TotalTime { get; private set; }

    /// <summary>Number of charts rendered by this process.</summary>
    public static int Count { get; private set; }

    /// <summary>The chart as a PNG of its layout size, drawn by plotly.js in headless Chromium.</summary>
    /// <exception cref="InvalidOperationException">No Chromium was found, or it failed.</exception>
    public static byte[] Png(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var chromium = Chromium.Find()
            ?? throw new InvalidOperationException("No Chromium for static chart images: install it (Debian: apt-get install chromium) or set RNN_CHROMIUM.");
        var clock = Stopwatch.StartNew();
        var dir = Directory.CreateTempSubdirectory("rnn-chart-");
        try
        {
            var page = Path.Combine(dir.FullName, "chart.html");
            File.WriteAllText(page, ChartHtml.Page(chart, new Uri(LibraryFile.Value).AbsoluteUri));
            var png = Path.Combine(dir.FullName, "chart.png");
            var (width, height) = ChartLayout.SizeOf(chart);
            chromium.Screenshot(page, png, width, height);
            if (!File.Exists(png)) throw new InvalidOperationException("Chromium wrote no screenshot.");
            return File.ReadAllBytes(png);
        }
        finally
        {
            TotalTime += clock.Elapsed;
            Count++;
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
