using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Reads outputs of executed cells.</summary>
public static class Outputs
{
    public static JsonObject[] Of(NotebookCell cell) => cell.Outputs.Select(o => (JsonObject)o!).ToArray();

    public static JsonObject Single(NotebookCell cell, string outputType) =>
        Assert.Single(Of(cell), o => o["output_type"]!.GetValue<string>() == outputType);

    public static string Text(JsonObject output, string mimeType) => MultilineText.Read(output["data"]![mimeType]);

    public static string StreamText(NotebookCell cell, string name) =>
        string.Concat(Of(cell).Where(o => o["output_type"]!.GetValue<string>() == "stream" && o["name"]!.GetValue<string>() == name)
            .Select(o => MultilineText.Read(o["text"])));
}
