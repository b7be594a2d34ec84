using System.Text;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Notebooks;

/// <summary>nbformat "multiline strings": a string or an array of lines that are concatenated.</summary>
public static class MultilineText
{
    /// <summary>Reads a multiline string node (string, array of strings, or null).</summary>
    public static string Read(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            case JsonArray array:
                var builder = new StringBuilder();
                foreach (var item in array)
                {
                    builder.Append(item?.GetValue<string>() ?? "");
                }
                return builder.ToString();
            default:
                throw new FormatException($"expected a string or an array of strings, found {node.GetValueKind()}");
        }
    }

    /// <summary>Splits text into lines that keep their line endings, as Jupyter writes them.</summary>
    public static JsonArray ToLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }
}
