using RnnNotebooks.Course.Charts;
using RnnNotebooks.Course.Progress;
using RnnNotebooks.Course.Tables;

namespace RnnNotebooks.Course;

/// <summary>The one call a notebook makes after referencing the course library.</summary>
public static class Notebook
{
    /// <summary>
    /// Registers the notebook renderings: charts (plotly.js from the Plotly.NET package, plus a static PNG
    /// when <see cref="StaticImage.EnvironmentVariable"/> is set), DataFrame tables and live training progress.
    /// </summary>
    public static void Setup()
    {
        ChartDisplay.Register();
        Table.Register();
        ProgressDisplay.Register();
    }
}
