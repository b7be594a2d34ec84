using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>Decides which .NET Interactive kernel a cell targets, from magic lines and cell/notebook metadata.</summary>
public static class CellLanguage
{
    /// <summary>The C# kernel name.</summary>
    public const string CSharp = "csharp";

    /// <summary>The markdown kernel name.</summary>
    public const string Markdown = "markdown";

    /// <summary>The HTML kernel name.</summary>
    public const string Html = "html";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = CSharp, ["c#"] = CSharp, ["cs"] = CSharp, [".net-csharp"] = CSharp,
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", [".net-fsharp"] = "fsharp",
        ["markdown"] = Markdown, ["md"] = Markdown,
        ["html"] = Html,
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh", [".net-pwsh"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["http"] = "http", ["value"] = "value",
    };

    /// <summary>Returns the canonical kernel name for a magic-command or metadata name, or null if it is not a kernel.</summary>
    public static string? Normalize(string? name) =>
        name is not null && Aliases.TryGetValue(name.Trim(), out var canonical) ? canonical : null;

    /// <summary>The notebook's default kernel: polyglot_notebook.kernelInfo.defaultKernelName, else the kernelspec language, else C#.</summary>
    public static string NotebookDefault(NotebookDocument notebook)
    {
        var metadata = notebook.Metadata;
        var fromPolyglot = ReadString(metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName");
        var fromSpec = ReadString(metadata, "kernelspec", "language") ?? ReadString(metadata, "kernelspec", "name");
        return Normalize(fromPolyglot) ?? Normalize(fromSpec) ?? CSharp;
    }

    /// <summary>The cell's kernel from polyglot_notebook.kernelName or dotnet_interactive.language, else the notebook default.</summary>
    public static string ForCell(NotebookCell cell, string notebookDefault)
    {
        var fromPolyglot = ReadString(cell.Metadata, "polyglot_notebook", "kernelName");
        var fromDotnetInteractive = ReadString(cell.Metadata, "dotnet_interactive", "language");
        return Normalize(fromPolyglot) ?? Normalize(fromDotnetInteractive) ?? notebookDefault;
    }

    private static string? ReadString(JsonObject? node, params string[] path)
    {
        JsonNode? current = node;
        foreach (var key in path)
        {
            current = (current as JsonObject)?[key];
        }
        return current is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
