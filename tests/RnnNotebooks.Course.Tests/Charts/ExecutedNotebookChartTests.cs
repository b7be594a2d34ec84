using System.Text.Json;
using Xunit.Abstractions;

namespace RnnNotebooks.Course.Tests.Charts;

/// <summary>
/// Every chart in every executed notebook (the runner's <c>artifacts/notebooks</c>, or the folder named by
/// <c>RNN_EXECUTED_NOTEBOOKS</c>) draws in headless Chromium with no script error, and carries a static PNG
/// that is not blank. CI runs the notebooks (with <c>RNN_NOTEBOOKS_STATIC_IMAGES=1</c>) before the tests;
/// under <c>CI=true</c> a missing folder or browser fails.
/// </summary>
public sealed class ExecutedNotebookChartTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_chart_of_every_executed_notebook_draws_and_has_a_static_image()
    {
        var folder = Environment.GetEnvironmentVariable("RNN_EXECUTED_NOTEBOOKS")
            ?? (BrowserPage.RepoRoot() is { } root ? Path.Combine(root, "artifacts", "notebooks") : null);
        var notebooks = folder is not null && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (notebooks.Length == 0)
        {
            var why = $"no executed notebooks in '{folder}': run the notebooks first (.ci/run does)";
            if (BrowserPage.Required) Assert.Fail(why);
            output.WriteLine($"NOT RUN: {why}.");
            return;
        }
        var chromium = BrowserPage.Browser(output.WriteLine);
        if (chromium is null) return;

        var failures = new List<string>();
        var charts = 0;
        foreach (var file in notebooks)
        {
            var outputs = ChartOutputs(file);
            if (outputs.Count == 0) continue;
            charts += outputs.Count;
            var name = Path.GetFileName(file);
            // Static images are made when the notebooks ran with RNN_NOTEBOOKS_STATIC_IMAGES=1, as CI runs them.
            if (BrowserPage.Required || Environment.GetEnvironmentVariable("RNN_NOTEBOOKS_STATIC_IMAGES") == "1")
                failures.AddRange(outputs.Where(o => o.Png is null).Select(o => $"{name} cell {o.Cell}: no image/png"));
            var result = BrowserPage.Load(chromium, outputs.Select(o => o.Html), outputs.Where(o => o.Png is not null).Select(o => o.Png!));
            failures.AddRange(result.Errors.Select(e => $"{name}: script error: {e}"));
            if (result.Charts.Count != outputs.Count)
                failures.Add($"{name}: {outputs.Count} chart outputs but {result.Charts.Count} chart divs on the page");
            foreach (var (chart, o) in result.Charts.Zip(outputs))
                if (!chart.Drawn || chart.Traces == 0)
                    failures.Add($"{name} cell {o.Cell}: not drawn (svg {chart.Drawn}, {chart.Traces} traces)");
            var withPng = outputs.Where(o => o.Png is not null).ToList();
            foreach (var (image, o) in result.Images.Zip(withPng))
                if (image.Width == 0 || image.Ink < 0.02)
                    failures.Add($"{name} cell {o.Cell}: static image is blank ({image.Width}x{image.Height}, ink {image.Ink:P1})");
            output.WriteLine($"{name}: {outputs.Count} chart(s) checked");
        }
        output.WriteLine($"{charts} chart(s) in {notebooks.Length} notebook(s)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record ChartOutput(int Cell, string Html, byte[]? Png);

    private static List<ChartOutput> ChartOutputs(string notebook)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(notebook));
        var found = new List<ChartOutput>();
        var index = 0;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.TryGetProperty("outputs", out var outputs))
                foreach (var o in outputs.EnumerateArray())
                {
                    if (!o.TryGetProperty("data", out var data) || !data.TryGetProperty("text/html", out var html)) continue;
                    var text = Text(html);
                    if (!text.Contains("class=\"rnn-chart\"", StringComparison.Ordinal)) continue;
                    var png = data.TryGetProperty("image/png", out var p) ? Convert.FromBase64String(Text(p).Replace("\n", "")) : null;
                    found.Add(new ChartOutput(index, text, png));
                }
            index++;
        }
        return found;
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? string.Concat(e.EnumerateArray().Select(s => s.GetString()))
        : e.GetString() ?? "";
}
