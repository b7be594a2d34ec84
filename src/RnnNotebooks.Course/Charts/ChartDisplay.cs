using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

/// <summary>
/// Makes a <see cref="GenericChart"/> display as an interactive plotly.js chart in the notebook kernel
/// (VS Code, Jupyter, the runner), with plotly.js taken from the Plotly.NET package, never a CDN.
/// Plotly.NET.Interactive's own formatter loads plotly.js from cdn.plot.ly, so the course registers this one instead.
/// </summary>
public static class ChartDisplay
{
    private static readonly ConditionalWeakTable<GenericChart, byte[]> Images = new();
    private static bool _libraryWritten;

    /// <summary>
    /// True to add a PNG (headless Chromium) to every displayed chart, so executed notebooks show their
    /// charts on GitHub, in nbviewer and in exports. Defaults to <see cref="StaticImage.RequestedByEnvironment"/>.
    /// </summary>
    public static bool StaticImages
    {
        get => _staticImages;
        set
        {
            _staticImages = value;
            if (_registered) Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PreferredMimeTypes);
        }
    }

    private static bool _staticImages = StaticImage.RequestedByEnvironment;
    private static bool _registered;

    /// <summary>Registers the chart formatters (text/html, image/png, text/plain). Called by <c>Notebook.Setup()</c>.</summary>
    public static void Register()
    {
        _libraryWritten = false;
        Formatter.Register<GenericChart>((chart, writer) =>
        {
            var html = ChartHtml.Render(chart, includeLibrary: !_libraryWritten, StaticImages ? ImageOf(chart) : null);
            _libraryWritten = true;
            writer.Write(html);
        }, HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>((chart, writer) =>
        {
            if (StaticImages) writer.Write(Convert.ToBase64String(ImageOf(chart)));
        }, "image/png");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Describe(chart)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PreferredMimeTypes);
        _registered = true;
    }

    /// <summary>The mime types a chart output carries: HTML, plus PNG when <see cref="StaticImages"/> is on.</summary>
    public static string[] PreferredMimeTypes => StaticImages
        ? [HtmlFormatter.MimeType, "image/png", PlainTextFormatter.MimeType]
        : [HtmlFormatter.MimeType, PlainTextFormatter.MimeType];

    private static byte[] ImageOf(GenericChart chart) => Images.GetValue(chart, StaticImage.Png);
}
