using System.Net;
using System.Text;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Export;

/// <summary>
/// Writes executed notebooks as a self-contained HTML site that works offline and from a USB stick:
/// one page per notebook, <c>index.html</c> with the contents across notebooks, the diagrams the
/// markdown shows, and KaTeX and highlight.js in <c>assets/</c>. Charts keep the plotly.js their
/// outputs carry and the static image inside them for readers without JavaScript.
/// </summary>
public static class SiteExporter
{
    /// <summary>Writes the site to <paramref name="siteFolder"/>; returns notes (images that were not found). <paramref name="introHtml"/> goes above the contents.</summary>
    public static IReadOnlyList<string> Export(IReadOnlyList<SiteEntry> entries, string siteFolder, string title, string? introHtml = null)
    {
        Directory.CreateDirectory(siteFolder);
        WebAssets.CopyTo(Path.Combine(siteFolder, SiteTemplate.AssetsFolder));
        var notes = new List<string>();
        var pages = new List<(SiteEntry Entry, NotebookPage Page)>();
        foreach (var entry in entries)
        {
            NotebookDocument notebook;
            try
            {
                notebook = NotebookFile.Read(entry.ExecutedNotebook);
            }
            catch (NotebookFormatException e)
            {
                throw new ExportException(e.Message);
            }
            pages.Add((entry, NotebookPage.Render(notebook)));
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var (entry, page) = pages[i];
            var previous = i > 0 ? pages[i - 1].Page : null;
            var next = i + 1 < pages.Count ? pages[i + 1].Page : null;
            File.WriteAllText(Path.Combine(siteFolder, page.FileName), page.ToHtml(previous, next), new UTF8Encoding(false));
            foreach (var image in page.Images)
            {
                var source = Path.GetFullPath(Path.Combine(entry.SourceFolder, image));
                var target = Path.GetFullPath(Path.Combine(siteFolder, image));
                if (!target.StartsWith(Path.GetFullPath(siteFolder), StringComparison.Ordinal))
                {
                    notes.Add($"{page.FileName}: image {image} points outside the site; not copied");
                }
                else if (File.Exists(source))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(source, target, overwrite: true);
                }
                else
                {
                    notes.Add($"{page.FileName}: image {image} not found at {source}");
                }
            }
        }
        File.WriteAllText(Path.Combine(siteFolder, "index.html"), Contents(pages, title, introHtml), new UTF8Encoding(false));
        return notes;
    }

    private static string Contents(IReadOnlyList<(SiteEntry Entry, NotebookPage Page)> pages, string title, string? introHtml)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n");
        if (introHtml is not null)
        {
            sb.Append(introHtml).Append('\n');
        }
        sb.Append("<nav class=\"toc\"><h2>Contents</h2>\n<ul>\n");
        foreach (var (entry, page) in pages)
        {
            sb.Append($"<li><a href=\"{page.FileName}\">{WebUtility.HtmlEncode(page.Title)}</a>");
            if (entry.Note is not null)
            {
                sb.Append($" <span class=\"note\">({WebUtility.HtmlEncode(entry.Note)})</span>");
            }
            var sections = page.Headings.Where(h => h.Level == 2 && h.Id.Length > 0).ToList();
            if (sections.Count > 0)
            {
                sb.Append("\n<ul>\n");
                foreach (var section in sections)
                {
                    sb.Append($"<li><a href=\"{page.FileName}#{WebUtility.HtmlEncode(section.Id)}\">{section.Html}</a></li>\n");
                }
                sb.Append("</ul>\n");
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ul>\n</nav>\n");
        return SiteTemplate.Page(title, "<a href=\"index.html\">Contents</a>", sb.ToString());
    }
}
