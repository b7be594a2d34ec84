using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Notebooks;

/// <summary>An nbformat 4 notebook held as its JSON tree, so unknown fields, metadata and ids survive a round trip.</summary>
public sealed class NotebookDocument
{
    private readonly List<NotebookCell> _cells;

    internal NotebookDocument(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        _cells = cells;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>nbformat_minor (cell ids exist from 4.5 on).</summary>
    public int MinorVersion => Root["nbformat_minor"]?.GetValue<int>() ?? 0;

    /// <summary>The notebook-level metadata, or null.</summary>
    public JsonObject? Metadata => Root["metadata"] as JsonObject;

    /// <summary>Inserts a new code cell after <paramref name="after"/> and renumbers the cells.</summary>
    public NotebookCell InsertCodeCellAfter(NotebookCell after, string source, string id, IEnumerable<string> tags)
    {
        var json = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
        };
        if (MinorVersion >= 5)
        {
            json["id"] = id;
        }
        json["metadata"] = new JsonObject
        {
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        };
        json["outputs"] = new JsonArray();
        json["source"] = MultilineText.ToLines(source);

        var index = _cells.IndexOf(after) + 1;
        var cellsArray = (JsonArray)Root["cells"]!;
        cellsArray.Insert(index, json);
        var cell = new NotebookCell(json, index + 1);
        _cells.Insert(index, cell);
        for (var i = 0; i < _cells.Count; i++)
        {
            _cells[i].Number = i + 1;
        }
        return cell;
    }
}
