using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Reads outputs of executed cells.</summary>
public static class Outputs
{
    public static JsonObject[] Of(NotebookCell cell) => cell.Outputs.Select(o => (JsonObject)o!).ToArray();

    public static JsonObject Single(NotebookCell cell, string outputType) =>
        Assert.Single(Of(cell), o => o["output_type"]!.GetValue<string>() == outputType);

    public static string Text(JsonObject output, string mimeType) => MultilineText.Read(output["data"]![mimeType]);

    /// <summary>
    /// The value as a reader sees it: text/plain when the kernel sent it, else the text inside the
    /// kernel's HTML for plain values (<c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;42&lt;/pre&gt;</c>).
    /// </summary>
    public static string Shown(JsonObject output)
    {
        var data = output["data"]!.AsObject();
        if (data.ContainsKey("text/plain"))
        {
            return Text(output, "text/plain");
        }
        var html = Text(output, "text/html");
        var match = Regex.Match(html, "<pre>(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, html);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static string StreamText(NotebookCell cell, string name) =>
        string.Concat(Of(cell).Where(o => o["output_type"]!.GetValue<string>() == "stream" && o["name"]!.GetValue<string>() == name)
            .Select(o => MultilineText.Read(o["text"])));
}
