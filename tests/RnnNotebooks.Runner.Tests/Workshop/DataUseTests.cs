using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;
using RnnNotebooks.Runner.Workshop;

namespace RnnNotebooks.Runner.Tests.Workshop;

public class DataUseTests
{
    private static NotebookDocument Executed(params string[] stdout)
    {
        var json = new TestNotebook().Code("Load();").Code("Train();").ToJson();
        for (var i = 0; i < stdout.Length; i++)
        {
            ((JsonObject)json["cells"]![i]!)["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = stdout[i] });
        }
        return NotebookFile.Parse("executed.ipynb", json.ToJsonString());
    }

    [Fact]
    public void A_loader_sample_notice_names_the_dataset_and_how_to_fetch_it()
    {
        var notebook = Executed(
            "Loading...\n[RnnNotebooks.Data] IMDB: real data not found (looked in /data/imdb).\n" +
            "[RnnNotebooks.Data] Using a small GENERATED SAMPLE instead; results will not match published numbers.\n" +
            "[RnnNotebooks.Data] To get the real data: Downloader.Fetch(\"imdb-tarball\")\n",
            "TorchSharp on CPU (no CUDA device), 2 threads\n");

        var use = DataUse.Of(notebook);

        Assert.False(use.RealDataOnly);
        Assert.Equal([new DataUse.Sample("IMDB", "Downloader.Fetch(\"imdb-tarball\")")], use.Samples);
        Assert.Equal("TorchSharp on CPU (no CUDA device), 2 threads", use.TorchDevice);
    }

    [Fact]
    public void Without_a_notice_the_notebook_ran_on_real_data_and_printed_no_device()
    {
        var use = DataUse.Of(Executed("IMDB: 25,000 reviews from ../shared/datasets/imdb\n"));

        Assert.True(use.RealDataOnly);
        Assert.Null(use.TorchDevice);
    }

    [Fact]
    public void The_report_marks_samples_and_failures_and_says_how_to_get_the_data()
    {
        var rows = new List<WorkshopReport.Row>
        {
            new("00-setup.ipynb", new NotebookResult { Status = NotebookStatus.Passed, Duration = TimeSpan.FromSeconds(12.34) }, new DataUse([], "TorchSharp on CPU (no CUDA device), 2 threads")),
            new("01-data.ipynb", new NotebookResult { Status = NotebookStatus.Passed, Duration = TimeSpan.FromSeconds(3) }, new DataUse([new DataUse.Sample("Stock prices AAPL", "Downloader.Fetch(\"aapl\")")], null)),
            new("02-broken.ipynb", new NotebookResult { Status = NotebookStatus.Failed, FailedCell = 4, Duration = TimeSpan.FromSeconds(1) }, null),
        };

        var text = new WorkshopReport(rows, "default", "Some CPU, 2 logical cores").ToMarkdown();

        Assert.Contains("| 00-setup.ipynb | passed | 12.3 s | not measured | no samples |", text);
        Assert.Contains("| 01-data.ipynb | passed | 3.0 s | not measured | SAMPLE: Stock prices AAPL |", text);
        Assert.Contains("| 02-broken.ipynb | FAILED (cell 4) | 1.0 s | not measured | unknown (no executed copy) |", text);
        Assert.Contains("- GPU: TorchSharp on CPU (no CUDA device), 2 threads (printed by 00-setup.ipynb)", text);
        Assert.Contains("- SAMPLE data for Stock prices AAPL in 01-data.ipynb. To get the real data: Downloader.Fetch(\"aapl\")", text);
    }
}
