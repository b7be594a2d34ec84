using RnnNotebooks.Runner.Export;
using RnnNotebooks.Runner.Tests.Support;
using Xunit.Abstractions;

namespace RnnNotebooks.Runner.Tests.Export;

/// <summary>Exported pages in headless Chromium: math typeset, no raw <c>$…$</c> left, and every chart of the executed course notebooks drawn.</summary>
public class BrowserTests(ITestOutputHelper log)
{
    [Fact]
    public void Math_is_typeset_and_no_raw_dollar_is_left_outside_code()
    {
        var browser = HeadlessBrowser.Find();
        if (browser is null)
        {
            log.WriteLine("NOT RUN (set CI=true or RNN_REQUIRE_CHROMIUM=1 to make this a failure): no chromium");
            return;
        }
        var site = Path.Combine(TempFolder.Create(), "site");
        SiteExporter.Export([new SiteEntry(SiteExporterTests.ExecutedNotebook(TempFolder.Create()), TempFolder.Create())], site, "Course");

        var seen = PageProbe.Load(browser, Path.Combine(site, "02-forward.html"));

        Assert.Equal(3, seen.Formulas);
        Assert.Equal(0, seen.MathFailed);
        Assert.Empty(seen.RawMath);
        Assert.Empty(seen.Errors);
    }

    [Fact]
    public void Without_JavaScript_the_math_stays_raw_so_the_probe_can_see_it()
    {
        // The check above could pass by never finding anything: here the same page without KaTeX must show its raw math.
        var browser = HeadlessBrowser.Find();
        if (browser is null)
        {
            log.WriteLine("NOT RUN: no chromium");
            return;
        }
        var site = Path.Combine(TempFolder.Create(), "site");
        SiteExporter.Export([new SiteEntry(SiteExporterTests.ExecutedNotebook(TempFolder.Create()), TempFolder.Create())], site, "Course");
        File.WriteAllText(Path.Combine(site, "assets", "site.js"), "// typesetting switched off for this test");

        var seen = PageProbe.Load(browser, Path.Combine(site, "02-forward.html"));

        Assert.Equal(0, seen.Formulas);
        Assert.Contains(seen.RawMath, t => t.Contains("\\(h_t = \\tanh"));
    }

    [Fact]
    public void Every_page_of_the_executed_course_draws_its_charts_and_typesets_its_math()
    {
        var root = Repository.Root();
        var folder = Environment.GetEnvironmentVariable("RNN_EXECUTED_NOTEBOOKS") ?? Path.Combine(root, "artifacts", "notebooks");
        var notebooks = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];
        if (notebooks.Length == 0)
        {
            var why = $"no executed notebooks in {folder}: run the notebooks first (.ci/run does)";
            Assert.False(HeadlessBrowser.Required, why);
            log.WriteLine($"NOT RUN: {why}");
            return;
        }
        var browser = HeadlessBrowser.Find();
        if (browser is null)
        {
            log.WriteLine("NOT RUN: no chromium");
            return;
        }
        var site = Path.Combine(TempFolder.Create(), "site");
        var sources = Path.Combine(root, "notebooks");
        var notes = SiteExporter.Export(notebooks.Select(n => new SiteEntry(n, File.Exists(Path.Combine(sources, Path.GetFileName(n))) ? sources : Path.Combine(sources, "solutions"))).ToList(), site, "Course");
        Assert.Empty(notes);

        var failures = new List<string>();
        foreach (var page in notebooks.Select(n => Path.Combine(site, Path.GetFileNameWithoutExtension(n) + ".html")).Append(Path.Combine(site, "index.html")))
        {
            var seen = PageProbe.Load(browser, page);
            log.WriteLine($"{Path.GetFileName(page)}: {seen.ChartsDrawn}/{seen.Charts} charts drawn, {seen.Formulas} formulas");
            if (seen.ChartsDrawn != seen.Charts) failures.Add($"{Path.GetFileName(page)}: {seen.ChartsDrawn} of {seen.Charts} charts drawn");
            if (seen.MathFailed > 0) failures.Add($"{Path.GetFileName(page)}: {seen.MathFailed} formulas KaTeX could not typeset");
            failures.AddRange(seen.RawMath.Select(t => $"{Path.GetFileName(page)}: raw math left: {t}"));
            failures.AddRange(seen.Errors.Select(e => $"{Path.GetFileName(page)}: script error: {e}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
