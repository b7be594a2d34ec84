using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Builds small notebooks in a temporary folder and runs them in-process.</summary>
public sealed class TestNotebook
{
    private readonly JsonArray _cells = [];
    private readonly int _minor;

    public TestNotebook(int minor = 5) => _minor = minor;

    public TestNotebook Code(string source, params string[] tags) => Add("code", source, tags, null);

    public TestNotebook CodeWithMetadata(string source, JsonObject metadata) => Add("code", source, [], metadata);

    public TestNotebook Markdown(string source) => Add("markdown", source, [], null);

    public JsonObject ToJson() => new()
    {
        ["cells"] = _cells.DeepClone(),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp" }) },
            },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = _minor,
    };

    /// <summary>Writes the notebook into <paramref name="folder"/> (a new temp folder by default) and returns its path.</summary>
    public string Write(string? folder = null, string name = "test.ipynb")
    {
        folder ??= TempFolder.Create();
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, ToJson().ToJsonString(new() { WriteIndented = true }));
        return path;
    }

    /// <summary>Writes and executes the notebook in-process.</summary>
    public async Task<(NotebookResult Result, NotebookDocument Notebook)> RunAsync(ExecutionOptions? options = null, string? folder = null)
    {
        var path = Write(folder);
        var notebook = NotebookFile.Read(path);
        var result = await new NotebookExecutor(options ?? new ExecutionOptions()).RunAsync(notebook);
        return (result, notebook);
    }

    private TestNotebook Add(string type, string source, string[] tags, JsonObject? metadata)
    {
        metadata ??= type == "code" ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } } : new JsonObject();
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        }
        var cell = new JsonObject { ["cell_type"] = type };
        if (type == "code")
        {
            cell["execution_count"] = null;
        }
        if (_minor >= 5)
        {
            cell["id"] = $"cell-{_cells.Count + 1}";
        }
        cell["metadata"] = metadata;
        if (type == "code")
        {
            cell["outputs"] = new JsonArray();
        }
        cell["source"] = MultilineText.ToLines(source);
        _cells.Add(cell);
        return this;
    }
}
