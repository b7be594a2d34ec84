using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Export;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Export;

public class SiteExporterTests
{
    // An executed notebook as the runner writes it: markdown with math and a diagram, a code cell with its outputs.
    internal static string ExecutedNotebook(string folder, string name = "02-forward.ipynb")
    {
        var json = new TestNotebook()
            .Markdown("# 02 · The forward pass\n\nThe state $h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1})$ is kept, and $a_i * b_i$ stays math.\n\n$$\ny_t = W_{hy} h_t\n$$\n\n![unrolled](diagrams/unrolled.svg)")
            .Markdown("## Part one: shapes\n\nText with *emphasis* and a price of 5 dollars.")
            .Code("var name = \"x\";\nConsole.WriteLine($\"{name} costs $5\");")
            .ToJson();
        var code = (JsonObject)json["cells"]![2]!;
        code["execution_count"] = 1;
        code["outputs"] = new JsonArray(
            new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "x costs $5\n" },
            new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = "a <warning>\n" },
            new JsonObject
            {
                ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
                ["data"] = new JsonObject { ["text/plain"] = "a table", ["text/html"] = "<table class=\"from-kernel\"><tr><td>1</td></tr></table>" },
            });
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void A_site_has_a_page_per_notebook_contents_with_sections_the_diagrams_and_the_assets()
    {
        var source = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(source, "diagrams"));
        File.WriteAllText(Path.Combine(source, "diagrams", "unrolled.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var executed = ExecutedNotebook(TempFolder.Create());
        var site = Path.Combine(TempFolder.Create(), "site");

        var notes = SiteExporter.Export([new SiteEntry(executed, source, "passed · 1.0 s · no samples")], site, "Course");

        Assert.Empty(notes);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<a href=\"02-forward.html\">02 &#183; The forward pass</a>", index);
        Assert.Contains("<a href=\"02-forward.html#part-one-shapes\">Part one: shapes</a>", index);
        Assert.Contains("passed &#183; 1.0 s &#183; no samples", index);
        var page = File.ReadAllText(Path.Combine(site, "02-forward.html"));
        Assert.Contains("id=\"part-one-shapes\"", page);
        Assert.Contains("<code class=\"language-csharp\">var name = &quot;x&quot;;", page);
        Assert.Contains("<pre class=\"output stderr\">a &lt;warning&gt;", page);
        Assert.Contains("<table class=\"from-kernel\">", page);
        Assert.DoesNotContain(">a table<", page);
        Assert.True(File.Exists(Path.Combine(site, "diagrams", "unrolled.svg")));
        foreach (var asset in new[] { "katex/katex.min.js", "katex/katex.min.css", "highlight/highlight.min.js", "site.js", "site.css" })
        {
            Assert.True(File.Exists(Path.Combine(site, "assets", asset)), asset);
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "assets", "katex", "fonts"), "*.woff2"));
    }

    [Fact]
    public void Math_is_kept_for_KaTeX_and_not_read_as_markdown_emphasis()
    {
        var (html, _) = MarkdownRenderer.Render("Gates $a_i * b_i$ and $c_i * d_i$, then\n\n$$\nh_t = o_t \\odot \\tanh(c_t)\n$$\n");

        Assert.Contains("<span class=\"math\">\\(a_i * b_i\\)</span>", html);
        Assert.Contains("<span class=\"math\">\\(c_i * d_i\\)</span>", html);
        Assert.Contains("<div class=\"math\">", html);
        Assert.DoesNotContain("<em>", html);
    }

    [Fact]
    public void A_display_formula_whose_dollars_share_its_lines_becomes_a_math_block()
    {
        var (html, _) = MarkdownRenderer.Render("Through every step:\n\n$$\\frac{a}{b},\n\\qquad\nc_{k} = d \\quad(\\text{left}).$$\n\nAfter.");

        Assert.Contains("<div class=\"math\">\n\\[\n\\frac{a}{b},\n\\qquad\nc_{k} = d \\quad(\\text{left}).\n\\]</div>", html);
        Assert.Contains("<p>After.</p>", html);
    }

    [Fact]
    public void A_missing_diagram_is_reported_with_the_page_and_path()
    {
        var executed = ExecutedNotebook(TempFolder.Create());
        var source = TempFolder.Create();

        var notes = SiteExporter.Export([new SiteEntry(executed, source)], Path.Combine(TempFolder.Create(), "site"), "Course");

        var note = Assert.Single(notes);
        Assert.Equal($"02-forward.html: image diagrams/unrolled.svg not found at {Path.Combine(source, "diagrams", "unrolled.svg")}", note);
    }

    [Fact]
    public void Pages_link_to_their_neighbours_in_order()
    {
        var folder = TempFolder.Create();
        var first = ExecutedNotebook(folder, "01-a.ipynb");
        var second = ExecutedNotebook(folder, "02-b.ipynb");
        var site = Path.Combine(TempFolder.Create(), "site");

        SiteExporter.Export([new SiteEntry(first, folder), new SiteEntry(second, folder)], site, "Course");

        var firstPage = File.ReadAllText(Path.Combine(site, "01-a.html"));
        var secondPage = File.ReadAllText(Path.Combine(site, "02-b.html"));
        Assert.Contains("<a href=\"02-b.html\">", firstPage);
        Assert.DoesNotContain("← ", firstPage);
        Assert.Contains("<a href=\"01-a.html\">← ", secondPage);
    }
}
