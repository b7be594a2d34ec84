using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace RnnNotebooks.Runner.Export;

/// <summary>
/// Renders markdown cells with Markdig: tables, task lists, auto-linked headings, and math kept as
/// <c>class="math"</c> elements for KaTeX (so <c>_</c> and <c>*</c> inside formulas are not read as emphasis).
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    /// <summary>A heading of a markdown cell: level, text and the id of its anchor.</summary>
    public sealed record Heading(int Level, string Text, string Id);

    /// <summary>Renders <paramref name="markdown"/> to HTML and returns the headings it contains.</summary>
    public static (string Html, IReadOnlyList<Heading> Headings) Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = new List<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id ?? "";
            headings.Add(new Heading(heading.Level, PlainText(heading), id));
        }
        return (document.ToHtml(Pipeline), headings);
    }

    private static string PlainText(HeadingBlock heading)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(heading.Inline!);
        return writer.ToString().Trim();
    }
}
