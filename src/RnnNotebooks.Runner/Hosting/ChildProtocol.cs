using System.Text.Json;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Hosting;

/// <summary>The line protocol between the runner and a notebook's child process (on the child's standard output).</summary>
public static class ChildProtocol
{
    /// <summary>The hidden command that runs one notebook in a child process.</summary>
    public const string ExecCommand = "__exec";

    /// <summary>Prefix of a progress line: "cell total".</summary>
    public const string ProgressPrefix = "##rnn-progress ";

    /// <summary>Prefix of the result line: a JSON <see cref="NotebookResult"/>.</summary>
    public const string ResultPrefix = "##rnn-result ";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Serializes execution options for the child's command line.</summary>
    public static string EncodeOptions(ExecutionOptions options) => JsonSerializer.Serialize(options, Json);

    /// <summary>Reads execution options from the child's command line.</summary>
    public static ExecutionOptions DecodeOptions(string text) =>
        JsonSerializer.Deserialize<ExecutionOptions>(text, Json) ?? throw new FormatException("empty options");

    /// <summary>The result line.</summary>
    public static string EncodeResult(NotebookResult result) => ResultPrefix + JsonSerializer.Serialize(result, Json);

    /// <summary>Parses a result line's payload.</summary>
    public static NotebookResult DecodeResult(string payload) =>
        JsonSerializer.Deserialize<NotebookResult>(payload, Json) ?? throw new FormatException("empty result");
}
