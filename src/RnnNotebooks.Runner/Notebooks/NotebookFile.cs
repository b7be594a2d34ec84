using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Runner.Notebooks;

/// <summary>Reads and writes .ipynb files (nbformat 4.x).</summary>
public static class NotebookFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads and validates a notebook; throws <see cref="NotebookFormatException"/> naming the file and cell at fault.</summary>
    public static NotebookDocument Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new NotebookFormatException($"{path}: cannot read the file: {e.Message}", e);
        }
        return Parse(path, text);
    }

    /// <summary>Parses notebook JSON text; <paramref name="path"/> is used in error messages.</summary>
    public static NotebookDocument Parse(string path, string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            throw new NotebookFormatException($"{path}: not valid JSON{where}: {FirstSentence(e.Message)}", e);
        }

        if (node is not JsonObject root)
        {
            throw new NotebookFormatException($"{path}: not a notebook: the top-level JSON value must be an object.");
        }
        var major = ReadInt(root, "nbformat");
        if (major is null)
        {
            throw new NotebookFormatException($"{path}: not a notebook: missing the integer field 'nbformat'.");
        }
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: nbformat {major} is not supported; open and save it in Jupyter or VS Code to convert it to nbformat 4.");
        }
        if (root["cells"] is not JsonArray cellsArray)
        {
            throw new NotebookFormatException($"{path}: not a notebook: missing the 'cells' array.");
        }

        var cells = new List<NotebookCell>();
        for (var i = 0; i < cellsArray.Count; i++)
        {
            var number = i + 1;
            if (cellsArray[i] is not JsonObject cellJson)
            {
                throw new NotebookFormatException($"{path}: cell {number}: expected a JSON object.");
            }
            if (cellJson["cell_type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var cellType))
            {
                throw new NotebookFormatException($"{path}: cell {number}: missing 'cell_type'.");
            }
            if (cellType is not ("code" or "markdown" or "raw"))
            {
                throw new NotebookFormatException($"{path}: cell {number}: unknown cell_type '{cellType}'.");
            }
            try
            {
                MultilineText.Read(cellJson["source"]);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new NotebookFormatException($"{path}: cell {number}: 'source' is invalid: {e.Message}", e);
            }
            cells.Add(new NotebookCell(cellJson, number));
        }
        return new NotebookDocument(path, root, cells);
    }

    /// <summary>Serializes a notebook the way Jupyter does (one-space indent, UTF-8, trailing newline).</summary>
    public static string Serialize(NotebookDocument notebook) => notebook.Root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes a notebook to <paramref name="path"/>, creating the folder.</summary>
    public static void Write(NotebookDocument notebook, string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, Serialize(notebook), new UTF8Encoding(false));
    }

    private static int? ReadInt(JsonObject root, string name) =>
        root[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
