using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Course.Exercises;
using RnnNotebooks.Course.Charts;
using RnnNotebooks.Course.Progress;
using RnnNotebooks.Course.Tables;

namespace RnnNotebooks.Course;

/// <summary>The one call a notebook makes after referencing the library.</summary>
public static class Notebook
{
    private static bool _done;

    /// <summary>
    /// Registers how the course's objects display (Plotly.NET charts with plotly.js from the package and, when
    /// <see cref="StaticImage.EnvironmentVariable"/> is set, a static PNG; DataFrame tables; live progress;
    /// exercise verdicts) and
    /// prints a one-line summary of the environment. Calling it again only prints the line.
    /// </summary>
    public static void Setup()
    {
        if (!_done)
        {
            RegisterFormatters();
            _done = true;
        }
        Console.WriteLine(Summary());
    }

    /// <summary>
    /// True while a notebook kernel runs the calling cell (VS Code, Jupyter, the runner); false in a notebook's
    /// file-based app (<see cref="Apps.NotebookApp"/>), a test or a script, where displays go to the console.
    /// </summary>
    public static bool InKernel => Microsoft.DotNet.Interactive.KernelInvocationContext.Current is not null;

    /// <summary>The environment in one line: library, .NET, cores and the vector width the engine's kernels use.</summary>
    public static string Summary() =>
        $"RnnNotebooks {typeof(Tensors.Tensor).Assembly.GetName().Version?.ToString(3)} · .NET {Environment.Version} · " +
        $"{RuntimeInformation.OSDescription} · {Environment.ProcessorCount} cores · engine vectors {Tensors.Kernels.VectorBits} bits";

    /// <summary>A vector for printing: <c>[+0.1234, -0.5000]</c>, with a sign and <paramref name="decimals"/> decimals.</summary>
    public static string Show(ReadOnlySpan<double> v, int decimals = 4)
    {
        string digits = new('0', decimals), format = $"+0.{digits};-0.{digits}";
        var parts = new string[v.Length];
        for (int i = 0; i < v.Length; i++) parts[i] = v[i].ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>max |aᵢ − bᵢ|, the disagreement printed when a hand-written step is compared with the library.</summary>
    public static double MaxDiff(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"MaxDiff: {a.Length} values against {b.Length}.");
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return m;
    }

    private static void RegisterFormatters()
    {
        ChartDisplay.Register();
        Table.Register();
        ShadedText.Register();
        ProgressDisplay.Register();
        Formatter.Register<ExerciseResult>((r, w) => w.Write(r.ToString()), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(ExerciseResult), "text/plain");
    }
}
