using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Export;

/// <summary>One executed notebook as an HTML page of the exported site.</summary>
public sealed partial class NotebookPage
{
    private NotebookPage(string fileName, string title, string body, IReadOnlyList<MarkdownRenderer.Heading> headings, IReadOnlyList<string> images)
    {
        FileName = fileName;
        Title = title;
        Body = body;
        Headings = headings;
        Images = images;
    }

    /// <summary>The page's file name in the site, e.g. <c>02-rnn-forward.html</c>.</summary>
    public string FileName { get; }

    /// <summary>The notebook's first heading, else its file name.</summary>
    public string Title { get; }

    /// <summary>The cells as HTML (the inside of <c>main</c>).</summary>
    public string Body { get; }

    /// <summary>Every markdown heading, in order, with its anchor id.</summary>
    public IReadOnlyList<MarkdownRenderer.Heading> Headings { get; }

    /// <summary>Relative image paths the markdown refers to (diagrams), to copy beside the page.</summary>
    public IReadOnlyList<string> Images { get; }

    /// <summary>Renders the cells of <paramref name="notebook"/>: markdown as HTML, code highlighted as C#, outputs after their cell.</summary>
    public static NotebookPage Render(NotebookDocument notebook)
    {
        var name = Path.GetFileNameWithoutExtension(notebook.Path);
        var body = new StringBuilder();
        var headings = new List<MarkdownRenderer.Heading>();
        var images = new List<string>();
        foreach (var cell in notebook.Cells)
        {
            var id = cell.Json["id"]?.ToString();
            var idAttribute = id is null ? "" : $" id=\"cell-{WebUtility.HtmlEncode(id)}\"";
            if (cell.CellType == "markdown")
            {
                var (html, cellHeadings) = MarkdownRenderer.Render(cell.Source);
                headings.AddRange(cellHeadings);
                images.AddRange(RelativeImages().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["src"].Value)));
                body.Append($"<section class=\"cell markdown\"{idAttribute}>\n{html}</section>\n");
            }
            else if (cell.IsCode)
            {
                var count = cell.Json["execution_count"]?.ToString();
                body.Append($"<section class=\"cell code\"{idAttribute}>\n<div class=\"prompt\">In [{(string.IsNullOrEmpty(count) ? " " : count)}]:</div>");
                body.Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs.OfType<JsonObject>())
                {
                    body.Append(OutputRenderer.Render(output)).Append('\n');
                }
                body.Append("</section>\n");
            }
            else
            {
                body.Append($"<section class=\"cell raw\"{idAttribute}><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>\n");
            }
        }
        var title = headings.FirstOrDefault(h => h.Level == 1)?.Text ?? name;
        return new NotebookPage(name + ".html", title, body.ToString(), headings, images.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The whole page, with links to the contents and to the previous and next pages.</summary>
    public string ToHtml(NotebookPage? previous, NotebookPage? next)
    {
        var nav = new StringBuilder("<a href=\"index.html\">Contents</a>");
        if (previous is not null)
        {
            nav.Append($"<a href=\"{previous.FileName}\">← {WebUtility.HtmlEncode(previous.Title)}</a>");
        }
        if (next is not null)
        {
            nav.Append($"<a href=\"{next.FileName}\">{WebUtility.HtmlEncode(next.Title)} →</a>");
        }
        return SiteTemplate.Page(Title, nav.ToString(), Body);
    }

    [GeneratedRegex("<img[^>]*\\ssrc=\"(?<src>(?!data:|[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^\"]+)\"")]
    private static partial Regex RelativeImages();
}
