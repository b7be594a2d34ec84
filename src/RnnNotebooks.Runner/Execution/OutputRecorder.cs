using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// Turns the kernel's events into nbformat outputs as Jupyter shows them: a return value is an
/// <c>execute_result</c>, a display a <c>display_data</c> that later updates with its display id
/// replace (in any cell; an update with an unknown id is dropped, as Jupyter drops it), and
/// consecutive writes to stdout or stderr merge into one stream output.
/// </summary>
public sealed class OutputRecorder
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);
    private readonly List<object> _cell = [];
    private int _executionCount;
    private bool _recording;

    /// <summary>Starts collecting the outputs of the cell with this execution count.</summary>
    public void BeginCell(int executionCount)
    {
        lock (_gate)
        {
            _cell.Clear();
            _executionCount = executionCount;
            _recording = true;
        }
    }

    /// <summary>Stops collecting and returns the cell's outputs in order.</summary>
    public IReadOnlyList<JsonObject> EndCell()
    {
        lock (_gate)
        {
            _recording = false;
            return _cell.Select(o => o is Stream s ? OutputJson.Stream(s.Name, s.Text.ToString()) : (JsonObject)o).ToArray();
        }
    }

    /// <summary>Records one kernel event (events that are not outputs are ignored).</summary>
    public void Record(KernelEvent e)
    {
        switch (e)
        {
            case StandardOutputValueProduced output:
                Write("stdout", PlainText(output));
                break;
            case StandardErrorValueProduced error:
                Write("stderr", PlainText(error));
                break;
            case ErrorProduced error when error is not { Message: null or "" }:
                Write("stderr", error.Message.EndsWith('\n') ? error.Message : error.Message + "\n");
                break;
            case ReturnValueProduced value:
                Add(count => OutputJson.ExecuteResult(count, Bundle(value)), null);
                break;
            case DisplayedValueUpdated update:
                lock (_gate)
                {
                    if (update.ValueId is { } id && _displays.TryGetValue(id, out var shown))
                    {
                        shown["data"] = Bundle(update);
                    }
                }
                break;
            case DisplayedValueProduced display:
                Add(_ => OutputJson.DisplayData(Bundle(display)), display.ValueId);
                break;
        }
    }

    private void Add(Func<int, JsonObject> create, string? displayId)
    {
        lock (_gate)
        {
            if (!_recording)
            {
                return;
            }
            var output = create(_executionCount);
            _cell.Add(output);
            if (displayId is not null)
            {
                _displays[displayId] = output;
            }
        }
    }

    private void Write(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (!_recording)
            {
                return;
            }
            if (_cell.Count > 0 && _cell[^1] is Stream open && open.Name == name)
            {
                open.Text.Append(text);
            }
            else
            {
                _cell.Add(new Stream(name, new StringBuilder(text)));
            }
        }
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.Value?.ToString() ?? "";

    private static JsonObject Bundle(DisplayEvent e)
    {
        var data = new JsonObject();
        foreach (var value in e.FormattedValues)
        {
            data[value.MimeType] = IsJson(value.MimeType) ? ParseOrText(value.Value) : MultilineText.ToLines(value.Value ?? "");
        }
        return data;
    }

    private static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? ParseOrText(string? text)
    {
        try
        {
            return JsonNode.Parse(text ?? "null");
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private sealed record Stream(string Name, StringBuilder Text);
}
