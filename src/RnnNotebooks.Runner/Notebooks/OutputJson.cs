using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Notebooks;

/// <summary>Builds nbformat 4 output objects.</summary>
public static class OutputJson
{
    /// <summary>A stream output ("stdout" or "stderr").</summary>
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = MultilineText.ToLines(text),
    };

    /// <summary>An execute_result output with the given MIME bundle.</summary>
    public static JsonObject ExecuteResult(int executionCount, JsonObject data) => new()
    {
        ["data"] = data,
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };

    /// <summary>A display_data output with the given MIME bundle.</summary>
    public static JsonObject DisplayData(JsonObject data) => new()
    {
        ["data"] = data,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };

    /// <summary>An error output.</summary>
    public static JsonObject Error(string name, string value, IEnumerable<string> traceback) => new()
    {
        ["ename"] = name,
        ["evalue"] = value,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };
}
