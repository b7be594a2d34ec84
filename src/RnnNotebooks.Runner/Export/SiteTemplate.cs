using System.Net;

namespace RnnNotebooks.Runner.Export;

/// <summary>The HTML frame shared by every page of the exported site; scripts and styles come from its <c>assets/</c> folder.</summary>
public static class SiteTemplate
{
    /// <summary>The folder, inside the site, holding KaTeX, highlight.js and the site's own style and script.</summary>
    public const string AssetsFolder = "assets";

    /// <summary>A complete page with <paramref name="navigation"/> (HTML) above and below <paramref name="main"/> (HTML).</summary>
    public static string Page(string title, string navigation, string main) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <link rel="stylesheet" href="{{AssetsFolder}}/katex/katex.min.css">
        <link rel="stylesheet" href="{{AssetsFolder}}/highlight/github.min.css">
        <link rel="stylesheet" href="{{AssetsFolder}}/site.css">
        </head>
        <body>
        <header class="site">{{navigation}}</header>
        <main>
        {{main}}
        </main>
        <footer class="site">{{navigation}}</footer>
        <script src="{{AssetsFolder}}/katex/katex.min.js"></script>
        <script src="{{AssetsFolder}}/highlight/highlight.min.js"></script>
        <script src="{{AssetsFolder}}/site.js"></script>
        </body>
        </html>

        """;
}
