using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using RnnNotebooks.Course.Charts;
using RnnNotebooks.Course.Progress;
using RnnNotebooks.Course.Tables;

namespace RnnNotebooks.Course.Apps;

/// <summary>
/// What a notebook's displays become in its app: a generated app opens this class with <c>using static</c>, so a
/// cell's <c>display(x)</c> and a cell's value (the expression a cell ends with) print to the console. Tables print
/// as text, charts are written as standalone HTML (and PNG where Chromium exists) whose paths are printed, and
/// anything else prints as the kernel's plain-text formatter shows it.
/// </summary>
public static class AppDisplay
{
    /// <summary>Shows <paramref name="value"/> on the console; the app's counterpart of the kernel's <c>display</c>.</summary>
#pragma warning disable IDE1006 // the kernel's name, so that notebook code compiles unchanged
    public static void display(object? value) => AppOutput.Write(value, Console.Out);
#pragma warning restore IDE1006
}

/// <summary>How an app prints a displayed value (see <see cref="AppDisplay"/>).</summary>
public static class AppOutput
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="output"/> as the app shows it.</summary>
    public static void Write(object? value, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (value)
        {
            case null:
                output.WriteLine("<null>");
                break;
            case GenericChart chart:
                output.WriteLine(ChartFile.Write(chart));
                break;
            case DataFrame frame:
                output.Write(Table.Text(frame));
                break;
            case ShadedText shaded:
                output.WriteLine(shaded.Text());
                break;
            case TrainingProgress progress:
                output.WriteLine(progress.ToConsoleLine());
                break;
            case string text:
                output.WriteLine(text);
                break;
            default:
                output.WriteLine(value.ToDisplayString(PlainTextFormatter.MimeType));
                break;
        }
    }
}
