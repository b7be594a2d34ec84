using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Export;

/// <summary>Renders a code cell's nbformat outputs as HTML, choosing the richest MIME type a browser shows.</summary>
public static class OutputRenderer
{
    /// <summary>
    /// HTML for one output: <c>text/html</c> as is (charts carry plotly.js and a static image inside),
    /// else an image, else <c>text/markdown</c>, else plain text; streams and errors as preformatted text.
    /// </summary>
    public static string Render(JsonObject output)
    {
        var type = output["output_type"]?.GetValue<string>();
        switch (type)
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() ?? "stdout";
                return Pre(MultilineText.Read(output["text"]), name == "stderr" ? "output stderr" : "output stdout");
            case "error":
                var traceback = (output["traceback"] as JsonArray)?.Select(l => l?.GetValue<string>() ?? "") ?? [];
                return Pre(string.Join("\n", traceback), "output error");
            case "display_data" or "execute_result":
                return Bundle(output["data"] as JsonObject);
            default:
                return "";
        }
    }

    private static string Bundle(JsonObject? data)
    {
        if (data is null)
        {
            return "";
        }
        if (Text(data, "text/html") is { } html)
        {
            return $"<div class=\"output html\">{html}</div>";
        }
        foreach (var image in new[] { "image/png", "image/jpeg", "image/gif" })
        {
            if (Text(data, image) is { } base64)
            {
                var alt = Text(data, "text/plain") ?? "output image";
                return $"<div class=\"output image\"><img alt=\"{WebUtility.HtmlEncode(alt.Trim())}\" src=\"data:{image};base64,{base64.Replace("\n", "")}\"/></div>";
            }
        }
        if (Text(data, "image/svg+xml") is { } svg)
        {
            return $"<div class=\"output image\">{svg}</div>";
        }
        if (Text(data, "text/markdown") is { } markdown)
        {
            return $"<div class=\"output markdown\">{MarkdownRenderer.Render(markdown).Html}</div>";
        }
        return Text(data, "text/plain") is { } plain ? Pre(plain, "output result") : "";
    }

    private static string? Text(JsonObject data, string mimeType) =>
        data.TryGetPropertyValue(mimeType, out var node) && node is not null ? MultilineText.Read(node) : null;

    private static string Pre(string text, string cssClass)
    {
        var sb = new StringBuilder();
        sb.Append("<pre class=\"").Append(cssClass).Append("\">").Append(WebUtility.HtmlEncode(StripAnsi(text))).Append("</pre>");
        return sb.ToString();
    }

    // Tracebacks and progress bars may carry terminal colour codes.
    private static string StripAnsi(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*[A-Za-z]", "");
}
