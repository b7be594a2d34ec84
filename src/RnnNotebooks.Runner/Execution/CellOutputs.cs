using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// Collects the outputs of the cell being run, in order: stream text (consecutive writes to one
/// stream are merged, as Jupyter does), displayed values, the result and errors.
/// </summary>
public sealed class CellOutputs
{
    private static readonly AsyncLocal<CellOutputs?> CurrentHolder = new();
    private readonly object _gate = new();
    private readonly List<JsonObject> _outputs = [];
    private JsonObject? _openStream;
    private string _openStreamText = "";

    /// <summary>The collector of the cell running on this logical call context, if any.</summary>
    public static CellOutputs? Current
    {
        get => CurrentHolder.Value;
        internal set => CurrentHolder.Value = value;
    }

    /// <summary>A snapshot of the outputs so far.</summary>
    public IReadOnlyList<JsonObject> Outputs
    {
        get
        {
            lock (_gate)
            {
                return _outputs.ToArray();
            }
        }
    }

    /// <summary>Appends text to stdout or stderr.</summary>
    public void WriteStream(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (_openStream is not null && _openStream["name"]!.GetValue<string>() == name)
            {
                _openStreamText += text;
                _openStream["text"] = MultilineText.ToLines(_openStreamText);
                return;
            }
            _openStreamText = text;
            _openStream = OutputJson.Stream(name, text);
            _outputs.Add(_openStream);
        }
    }

    /// <summary>Adds an output that is not stream text (display, result, error).</summary>
    public void Add(JsonObject output)
    {
        lock (_gate)
        {
            _openStream = null;
            _openStreamText = "";
            _outputs.Add(output);
        }
    }
}
