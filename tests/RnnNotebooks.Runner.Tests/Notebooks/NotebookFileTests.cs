using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Notebooks;

public class NotebookFileTests
{
    [Fact]
    public void Invalid_json_is_reported_with_the_file_and_line()
    {
        var path = Path.Combine(TempFolder.Create(), "broken.ipynb");
        File.WriteAllText(path, "{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}");

        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Read(path));

        Assert.StartsWith($"{path}: not valid JSON (line 3", error.Message);
    }

    [Theory]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not supported")]
    [InlineData("{\"nbformat\": 4}", "missing the 'cells' array")]
    [InlineData("[1]", "top-level JSON value must be an object")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", "cell 1: 'source' is invalid")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"source\": \"\"}]}", "cell 1: missing 'cell_type'")]
    public void Structural_errors_name_the_problem(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Parse("x.ipynb", json));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("x.ipynb: ", error.Message);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_clean_notebook_round_trips_with_only_outputs_and_counts_added(int minor)
    {
        var original = new TestNotebook(minor)
            .Markdown("# Title\n\nText with ünïcode & <html>.")
            .CodeWithMetadata("Console.WriteLine(\"hi\");\n\"<b>\"", new JsonObject { ["custom"] = new JsonObject { ["keep"] = new JsonArray(1, 2) } })
            .ToJson();
        original["metadata"]!["authors"] = new JsonArray("someone");
        var folder = TempFolder.Create();
        var path = Path.Combine(folder, "clean.ipynb");
        File.WriteAllText(path, original.ToJsonString());

        var notebook = NotebookFile.Read(path);
        var result = await new NotebookExecutor(new ExecutionOptions()).RunAsync(notebook);
        var written = Path.Combine(folder, "out", "clean.ipynb");
        NotebookFile.Write(notebook, written);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        var reread = JsonNode.Parse(File.ReadAllText(written))!.AsObject();
        var code = reread["cells"]![1]!.AsObject();
        Assert.Equal(1, code["execution_count"]!.GetValue<int>());
        Assert.Equal(2, code["outputs"]!.AsArray().Count);
        foreach (var cell in reread["cells"]!.AsArray())
        {
            cell!.AsObject().Remove("outputs");
            cell.AsObject().Remove("execution_count");
        }
        foreach (var cell in original["cells"]!.AsArray())
        {
            cell!.AsObject().Remove("outputs");
            cell.AsObject().Remove("execution_count");
        }
        Assert.True(JsonNode.DeepEquals(original, reread), $"expected\n{original}\nactual\n{reread}");
        Assert.Equal(minor == 5, reread["cells"]![0]!.AsObject().ContainsKey("id"));
    }

    [Fact]
    public async Task Written_outputs_have_the_fields_nbformat_requires()
    {
        var (_, notebook) = await new TestNotebook()
            .Code("Console.WriteLine(1);\ndisplay(2);\n3")
            .Code("throw new Exception(\"x\");")
            .RunAsync();

        var text = NotebookFile.Serialize(notebook);
        var outputs = JsonNode.Parse(text)!["cells"]!.AsArray().SelectMany(c => c!["outputs"]!.AsArray()).Select(o => o!.AsObject()).ToList();

        string[] Keys(JsonObject o) => o.Select(p => p.Key).Order().ToArray();
        Assert.Equal(["name", "output_type", "text"], Keys(outputs[0]));
        Assert.Equal(["data", "metadata", "output_type"], Keys(outputs[1]));
        Assert.Equal(["data", "execution_count", "metadata", "output_type"], Keys(outputs[2]));
        Assert.Equal(["ename", "evalue", "output_type", "traceback"], Keys(outputs[3]));
        Assert.EndsWith("}\n", text);
    }
}
