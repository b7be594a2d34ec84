using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Notebooks;

/// <summary>One cell of a notebook: a view over its JSON object, which is kept intact for round trips.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int number)
    {
        Json = json;
        Number = number;
    }

    /// <summary>The cell's JSON object as read (and, after execution, with outputs).</summary>
    public JsonObject Json { get; }

    /// <summary>1-based position of the cell in the notebook, as editors count cells.</summary>
    public int Number { get; internal set; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType => Json["cell_type"]!.GetValue<string>();

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell's source text.</summary>
    public string Source => MultilineText.Read(Json["source"]);

    /// <summary>The cell's metadata object, or null.</summary>
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>The tags in metadata.tags.</summary>
    public IReadOnlyList<string> Tags =>
        (Metadata?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToArray() ?? [];

    /// <summary>Removes outputs and the execution count (code cells only).</summary>
    public void ClearOutputs()
    {
        if (!IsCode)
        {
            return;
        }
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }

    /// <summary>The cell's outputs array (code cells), created if missing.</summary>
    public JsonArray Outputs => Json["outputs"] as JsonArray ?? (JsonArray)(Json["outputs"] = new JsonArray());

    /// <summary>Sets execution_count.</summary>
    public void SetExecutionCount(int? count) => Json["execution_count"] = count;
}
