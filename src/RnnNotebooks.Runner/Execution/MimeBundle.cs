using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>Formats values into nbformat MIME bundles with Microsoft.DotNet.Interactive.Formatting, as the kernel does.</summary>
public static class MimeBundle
{
    /// <summary>Plain text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>
    /// The MIME types a value is shown with: the given ones when any (as <c>display(x, mimeTypes)</c>),
    /// otherwise every type the Formatter prefers for the value's type plus text/plain.
    /// </summary>
    public static IReadOnlyList<string> MimeTypesFor(object? value, IReadOnlyList<string>? requested)
    {
        if (requested is { Count: > 0 })
        {
            return requested.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToArray();
        }
        var preferred = Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object));
        return preferred.Append(PlainText).Distinct().ToArray();
    }

    /// <summary>Formats <paramref name="value"/> once per MIME type.</summary>
    public static JsonObject Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        var data = new JsonObject();
        foreach (var mimeType in mimeTypes)
        {
            var text = value.ToDisplayString(mimeType);
            data[mimeType] = IsJson(mimeType) && TryParseJson(text) is { } json
                ? json
                : MultilineText.ToLines(text);
        }
        return data;
    }

    private static bool IsJson(string mimeType) => mimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
