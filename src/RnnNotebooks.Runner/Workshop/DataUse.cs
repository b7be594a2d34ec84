using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Workshop;

/// <summary>
/// What an executed notebook printed about its data: the datasets a loader replaced with a generated
/// sample (the <c>[RnnNotebooks.Data] ...: real data not found</c> notice) and how to fetch them, and the
/// TorchSharp device line (<c>TorchDevice.Describe()</c>) if a cell printed one.
/// </summary>
public sealed partial record DataUse(IReadOnlyList<DataUse.Sample> Samples, string? TorchDevice)
{
    /// <summary>A dataset that fell back to its generated sample, and the loader's advice for getting the real one.</summary>
    public sealed record Sample(string Dataset, string HowToGetRealData);

    /// <summary>True when no loader fell back to a sample.</summary>
    public bool RealDataOnly => Samples.Count == 0;

    /// <summary>Reads the text outputs (streams and plain-text results) of every code cell of <paramref name="notebook"/>.</summary>
    public static DataUse Of(NotebookDocument notebook)
    {
        var samples = new List<Sample>();
        string? device = null;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                var text = output["text"] is { } stream ? MultilineText.Read(stream)
                    : (output["data"] as JsonObject)?["text/plain"] is { } plain ? MultilineText.Read(plain) : "";
                string? pending = null;
                foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
                {
                    if (NotFound().Match(line) is { Success: true } missing)
                    {
                        pending = missing.Groups["dataset"].Value;
                    }
                    else if (pending is not null && HowTo().Match(line) is { Success: true } how)
                    {
                        if (samples.All(s => s.Dataset != pending))
                        {
                            samples.Add(new Sample(pending, how.Groups["how"].Value.Trim()));
                        }
                        pending = null;
                    }
                    else if (device is null && Device().Match(line) is { Success: true } torch)
                    {
                        device = torch.Value.Trim();
                    }
                }
                if (pending is not null && samples.All(s => s.Dataset != pending))
                {
                    samples.Add(new Sample(pending, "see datasets/README.md"));
                }
            }
        }
        return new DataUse(samples, device);
    }

    [GeneratedRegex(@"^\[RnnNotebooks\.Data\] (?<dataset>.+?): real data not found")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"^\[RnnNotebooks\.Data\] To get the real data: (?<how>.+)$")]
    private static partial Regex HowTo();

    [GeneratedRegex(@"TorchSharp on (CUDA|CPU)\b.*$")]
    private static partial Regex Device();
}
