// Compatibility surface for notebooks (see DisplayedValue.cs): the subset of .NET Interactive's
// Kernel helpers that the C# kernel imports with `using static Microsoft.DotNet.Interactive.Kernel;`.
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;

namespace Microsoft.DotNet.Interactive;

/// <summary>Notebook helpers imported into every cell, matching .NET Interactive's <c>Kernel</c> statics.</summary>
public static class Kernel
{
    /// <summary>
    /// Shows <paramref name="value"/> as a display_data output and returns a handle whose
    /// <see cref="DisplayedValue.Update"/> replaces it. With no MIME types, the Formatter's preferred
    /// types plus text/plain are used; otherwise exactly the given ones.
    /// </summary>
    public static DisplayedValue display(object value, params string[] mimeTypes)
    {
        mimeTypes ??= [];
        var outputs = CellOutputs.Current;
        var types = MimeBundle.MimeTypesFor(value, mimeTypes.Length > 0 ? mimeTypes : null);
        if (outputs is null)
        {
            WriteFallback(value, mimeTypes);
            return new DisplayedValue(null, types, mimeTypes);
        }
        var output = OutputJson.DisplayData(MimeBundle.Format(value, types));
        outputs.Add(output);
        return new DisplayedValue(output, types, mimeTypes);
    }

    /// <summary>Wraps a string as HTML content, displayed unencoded.</summary>
    public static IHtmlContent HTML(string content) => content.ToHtmlContent();

    internal static void WriteFallback(object? value, string[] mimeTypes) =>
        ConsoleCapture.OriginalOut.WriteLine(value.ToDisplayString(mimeTypes.FirstOrDefault() ?? MimeBundle.PlainText));
}
