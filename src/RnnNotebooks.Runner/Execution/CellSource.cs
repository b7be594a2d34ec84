using System.Text;
using System.Text.RegularExpressions;
using RnnNotebooks.Runner.Packages;

namespace RnnNotebooks.Runner.Execution;

/// <summary>One run of a cell's text in a single kernel language.</summary>
/// <param name="Language">Canonical kernel name (see <see cref="CellLanguage"/>).</param>
/// <param name="Code">The text, with directive and magic lines blanked so line numbers match the cell.</param>
public sealed record CellSegment(string Language, string Code);

/// <summary>
/// A cell's source split into kernel segments at <c>#!kernel</c> magic lines, with the kernel
/// directives <c>#r "nuget: Id, Version"</c> and <c>#i "nuget: source"</c> taken out.
/// </summary>
public sealed partial class CellSource
{
    private CellSource(IReadOnlyList<CellSegment> segments, IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources)
    {
        Segments = segments;
        Packages = packages;
        RestoreSources = sources;
    }

    /// <summary>The segments in order.</summary>
    public IReadOnlyList<CellSegment> Segments { get; }

    /// <summary>Packages requested with <c>#r "nuget: ..."</c>.</summary>
    public IReadOnlyList<PackageReference> Packages { get; }

    /// <summary>Package sources added with <c>#i "nuget: ..."</c>.</summary>
    public IReadOnlyList<string> RestoreSources { get; }

    /// <summary>Parses a cell; throws <see cref="FormatException"/> for a magic command the runner does not support.</summary>
    public static CellSource Parse(string source, string defaultLanguage)
    {
        var segments = new List<CellSegment>();
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var language = defaultLanguage;
        var code = new StringBuilder();
        var lines = source.Split('\n');

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            var newline = i < lines.Length - 1 ? "\n" : "";

            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed[2..].Split(' ', '\t')[0];
                var kernel = CellLanguage.Normalize(name)
                    ?? throw new FormatException($"line {i + 1}: the magic command '#!{name}' is not supported by this runner (only kernel selectors such as #!csharp and #!markdown are).");
                Flush();
                language = kernel;
                code.Append('\n', i).Append(newline);
                continue;
            }
            if (language == CellLanguage.CSharp && NugetReference().Match(line) is { Success: true } package)
            {
                var version = package.Groups["version"].Success ? package.Groups["version"].Value.Trim() : null;
                packages.Add(new PackageReference(package.Groups["id"].Value.Trim(), string.IsNullOrEmpty(version) ? null : version));
                code.Append(newline);
                continue;
            }
            if (language == CellLanguage.CSharp && NugetSource().Match(line) is { Success: true } feed)
            {
                sources.Add(feed.Groups["source"].Value.Trim());
                code.Append(newline);
                continue;
            }
            code.Append(line).Append(newline);
        }
        Flush();
        return new CellSource(segments, packages, sources);

        void Flush()
        {
            if (code.ToString().Trim().Length > 0)
            {
                segments.Add(new CellSegment(language, code.ToString()));
            }
            code.Clear();
        }
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"]+?)\s*(,\s*(?<version>[^"]*?))?\s*"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+?)\s*"\s*$""")]
    private static partial Regex NugetSource();
}
