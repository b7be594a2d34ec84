using RnnNotebooks.Runner.Cli;
using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Tests.Support;
using RnnNotebooks.Runner.Workshop;

namespace RnnNotebooks.Runner.Tests.Workshop;

/// <summary>The guide's run times are the report of a prepare run, written between two marker lines.</summary>
public class GuideTimesTests
{
    private static readonly string Guide = $"# Guide\n\n## Run times\n\nIntro.\n\n{GuideTimes.Begin}\n| notebook | typed | by hand |\n{GuideTimes.End}\n\n## Next\n";

    private static WorkshopReport Report(double seconds) => new(
        [
            new("00-setup.ipynb", new NotebookResult { Status = NotebookStatus.Passed, Duration = TimeSpan.FromSeconds(seconds), PeakMemoryBytes = 1_234_000_000 }, new DataUse([], null)),
            new("10-text.ipynb", new NotebookResult { Status = NotebookStatus.Failed, FailedCell = 7, Duration = TimeSpan.FromSeconds(2) }, null),
        ],
        "quick (--quick): the CI values, not the workshop's",
        "Some CPU, 2 logical cores")
    {
        Load = (1.62, 2.41),
    };

    [Fact]
    public void The_section_becomes_the_report_and_the_text_around_it_stays()
    {
        var text = GuideTimes.Rewrite(Guide, "guide.md", Report(34.56), new DateOnly(2026, 12, 7));

        Assert.StartsWith("# Guide\n\n## Run times\n\nIntro.\n\n" + GuideTimes.Begin + "\nMeasured by `prepare` on 2026-12-07:\n\n| notebook | result | time | peak memory | data |\n", text);
        Assert.EndsWith(GuideTimes.End + "\n\n## Next\n", text);
        Assert.Contains("| 00-setup.ipynb | passed | 34.6 s | 1.23 GB | no samples |\n", text);
        Assert.Contains("| 10-text.ipynb | FAILED (cell 7) | 2.0 s | not measured | unknown (no executed copy) |\n", text);
        Assert.Contains("- Parameters: quick (--quick): the CI values, not the workshop's\n", text);
        Assert.Contains("- Machine load (1-minute load average): 1.6 at the start, 2.4 at the end\n", text);
        Assert.Contains("- Largest notebook process: 1.23 GB resident at its peak\n", text);
        Assert.DoesNotContain("typed", text);
    }

    [Fact]
    public void Rewriting_again_replaces_the_previous_run()
    {
        var once = GuideTimes.Rewrite(Guide, "guide.md", Report(34.56), new DateOnly(2026, 12, 7));

        var twice = GuideTimes.Rewrite(once, "guide.md", Report(351.0), new DateOnly(2026, 12, 8));

        Assert.Contains("| 00-setup.ipynb | passed | 351.0 s |", twice);
        Assert.DoesNotContain("34.6 s", twice);
        Assert.Single(twice.Split('\n'), l => l == GuideTimes.Begin);
        Assert.Equal(GuideTimes.Rewrite(Guide, "guide.md", Report(351.0), new DateOnly(2026, 12, 8)), twice);
    }

    [Theory]
    [InlineData("# Guide without markers\n")]
    [InlineData("<!-- /prepare-times -->\n<!-- prepare-times: written by 'rnn-notebooks prepare --guide <this file>' from its run; not edited by hand -->\n")]
    public void A_document_without_one_section_is_refused_by_name(string text)
    {
        var error = Assert.Throws<FormatException>(() => GuideTimes.Rewrite(text, "docs/guide.md", Report(1), new DateOnly(2026, 12, 7)));

        Assert.StartsWith("docs/guide.md has no section for the run times", error.Message);
    }

    [Fact]
    public void The_instructor_guide_has_one_section()
    {
        var path = Path.Combine(Repository.Root(), "docs", "instructor-guide.md");

        GuideTimes.Check(File.ReadAllText(path), path);
    }

    [Fact]
    public async Task Prepare_with_guide_writes_its_times_into_the_guide()
    {
        var folder = TempFolder.Create();
        var workshop = Path.Combine(TempFolder.Create(), "workshop");
        var guide = Path.Combine(TempFolder.Create(), "guide.md");
        File.WriteAllText(guide, Guide);
        new TestNotebook().Markdown("# One").Code("Console.WriteLine(\"ran\");").Write(folder, "01-one.ipynb");

        var arguments = PrepareArguments.Parse([folder, "-o", workshop, "--plain", "--guide", guide]);
        var code = await PrepareCommand.RunAsync(arguments, new StringWriter(), CancellationToken.None);

        var text = File.ReadAllText(guide);
        Assert.Equal(0, code);
        Assert.Matches(@"\| 01-one\.ipynb \| passed \| \d+\.\d s \| \d+\.\d\d GB \| no samples \|\n", text);
        Assert.Contains("- Parameters: default\n", text);
        Assert.StartsWith("# Guide\n\n## Run times\n\nIntro.\n\n", text);
        Assert.EndsWith("\n\n## Next\n", text);
    }

    [Fact]
    public async Task Prepare_refuses_a_guide_without_the_section_before_any_notebook_runs()
    {
        var folder = TempFolder.Create();
        var guide = Path.Combine(folder, "guide.md");
        File.WriteAllText(guide, "# No markers\n");
        new TestNotebook().Code("System.IO.File.WriteAllText(\"ran\", \"\");").Write(folder, "01-one.ipynb");

        var arguments = PrepareArguments.Parse([folder, "-o", Path.Combine(folder, "ws"), "--plain", "--guide", guide]);
        var error = await Assert.ThrowsAsync<UsageException>(() => PrepareCommand.RunAsync(arguments, new StringWriter(), CancellationToken.None));

        Assert.StartsWith($"--guide {guide}: {guide} has no section for the run times", error.Message);
        Assert.False(File.Exists(Path.Combine(folder, "ran")));
    }
}
