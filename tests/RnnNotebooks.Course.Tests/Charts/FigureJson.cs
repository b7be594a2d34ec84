using System.Text.Json;
using Plotly.NET;

namespace RnnNotebooks.Course.Tests.Charts;

/// <summary>A chart as the plotly.js JSON it is drawn from: what the browser receives.</summary>
internal sealed class FigureJson
{
    private FigureJson(JsonElement root) => Root = root;

    public JsonElement Root { get; }
    public JsonElement Layout => Root.GetProperty("layout");
    public JsonElement[] Data => Root.GetProperty("data").EnumerateArray().ToArray();

    public static FigureJson Of(GenericChart chart) =>
        new(JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.Clone());

    public JsonElement Axis(string key) => Layout.GetProperty(key);

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
