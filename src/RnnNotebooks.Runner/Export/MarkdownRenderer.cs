using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace RnnNotebooks.Runner.Export;

/// <summary>
/// Renders markdown cells with Markdig: tables, task lists, auto-linked headings, and math kept as
/// <c>class="math"</c> elements for KaTeX (so <c>_</c> and <c>*</c> inside formulas are not read as emphasis).
/// </summary>
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    /// <summary>A heading of a markdown cell: level, plain text, inline HTML (math kept for KaTeX) and the id of its anchor.</summary>
    public sealed record Heading(int Level, string Text, string Html, string Id);

    /// <summary>Renders <paramref name="markdown"/> to HTML and returns the headings it contains.</summary>
    public static (string Html, IReadOnlyList<Heading> Headings) Render(string markdown)
    {
        var document = Markdown.Parse(DisplayMathOnOwnLines(markdown), Pipeline);
        var headings = new List<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id ?? "";
            headings.Add(new Heading(heading.Level, Inline(heading, html: false), Inline(heading, html: true), id));
        }
        return (document.ToHtml(Pipeline), headings);
    }

    // Jupyter also typesets "$$a = b,\n c = d$$" (a display formula whose dollars share lines with it);
    // Markdig reads a math block only between "$$" lines, so such a paragraph is rewritten to that form.
    private static string DisplayMathOnOwnLines(string markdown) =>
        DisplayMathParagraph().Replace(markdown, m => $"$$\n{m.Groups["tex"].Value.Trim()}\n$$");

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\$(?<tex>[^$]+?)\$\$[ \t]*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex DisplayMathParagraph();

    private static string Inline(HeadingBlock heading, bool html)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = html, EnableHtmlEscape = html };
        Pipeline.Setup(renderer);
        renderer.Render(heading.Inline!);
        return writer.ToString().Trim();
    }
}
