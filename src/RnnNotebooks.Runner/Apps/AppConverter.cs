using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Parameters;

namespace RnnNotebooks.Runner.Apps;

/// <summary>
/// Turns a notebook into a C# file-based app (<c>dotnet run NN-topic.cs</c>, .NET 10) that sits beside it and runs
/// with only the SDK. The notebook stays the one source; the translation, cell by cell:
/// <list type="bullet">
/// <item>markdown and raw cells become <c>//</c> comments, code cells the program in order;</item>
/// <item><c>#r "…/src/P/bin/…/P.dll"</c> becomes <c>#:project …/src/P/P.csproj</c> (the other dlls it names come with
/// P), <c>#r "nuget: N, V"</c> becomes <c>#:package N@V</c>; a cell that only builds a dll a later <c>#r</c> loads is
/// left out, since <c>#:project</c> builds it;</item>
/// <item>the first cell's <c>#!import setup/Build.csx</c> (which builds the libraries on a fresh clone) becomes a comment,
/// for the same reason, and its <c>#load "setup/Course.csx"</c> is translated in place: the script's <c>#r</c> lines
/// become <c>#:project</c>, a <c>.cs</c> file it loads (the <c>global using</c>s) becomes <c>#:include</c>, a script
/// it loads is translated the same way, and its statements take the <c>#load</c>'s place;</item>
/// <item><c>using</c> directives move to the top of the file; type declarations (records, classes, …), which a
/// script allows between statements and a program does not, move to its end; script methods stay where they are,
/// as local functions;</item>
/// <item>a cell's value (a last expression without a semicolon) becomes <c>display(value);</c>, and <c>display</c>
/// (also <c>KernelInvocationContext.Current.Display</c>) is <c>RnnNotebooks.Course.Apps.AppDisplay</c>'s, which prints;</item>
/// <item>after the parameters cell, <c>--quick</c> assigns the <c>// quick:</c> values and <c>--param</c> the given
/// ones, as the runner's injected-parameters cell redeclares them.</item>
/// </list>
/// Anything else that exists only in a kernel (other <c>#!</c> magics, other languages, other uses of
/// <c>KernelInvocationContext</c> or <c>Kernel</c>) fails the conversion with the cell named.
/// </summary>
public static class AppConverter
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private static readonly Regex ProjectDll = new(@"^(?<prefix>(?:\.\./)*)src/(?<project>[^/]+)/bin/[^/]+/[^/]+/(?<dll>[^/]+)\.dll$", RegexOptions.CultureInvariant);
    private static readonly Regex NugetReference = new(@"^nuget:\s*(?<name>[^,\s]+)\s*(?:,\s*(?<version>\S+))?\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex KernelDisplay = new(@"(?:Microsoft\.DotNet\.Interactive\.)?KernelInvocationContext\.Current\s*\.\s*Display\s*\(", RegexOptions.CultureInvariant);
    private static readonly Regex BuildImport = new(@"^[ \t]*#!import[ \t]+(?:\S*/)?Build\.csx[ \t]*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex KernelOnly = new(@"\b(KernelInvocationContext|Kernel\.Root|Kernel\.Current|Microsoft\.DotNet\.Interactive)\b", RegexOptions.CultureInvariant);

    /// <summary>The app's file name for a notebook: <c>03-bptt.ipynb</c> → <c>03-bptt.cs</c>.</summary>
    public static string AppFileName(string notebookPath) => Path.ChangeExtension(Path.GetFileName(notebookPath), ".cs");

    /// <summary>The app's source for <paramref name="notebook"/>; throws <see cref="ConversionException"/> naming the cell that cannot be converted.</summary>
    public static string Convert(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var file = Path.GetFileName(notebook.Path);
        var references = notebook.Cells.Where(c => c.IsCode).SelectMany(c => ReferencePaths(c.Source)).ToList();
        var directives = new List<string>();
        var includes = new List<string>();
        var usings = new List<string>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var body = new StringBuilder();
        var types = new StringBuilder();
        var referencesCourse = false;
        var declarations = new RedeclarationCheck(file);

        foreach (var cell in notebook.Cells)
        {
            string Where() => $"{file}, cell {cell.Number}{(cell.Json["id"] is { } id ? $" (id {id})" : "")}";
            if (!cell.IsCode)
            {
                body.Append(Comment(cell.Source)).Append("\n\n");
                continue;
            }
            var language = (cell.Metadata?["polyglot_notebook"] as System.Text.Json.Nodes.JsonObject)?["kernelName"]?.ToString();
            if (language is not null and not "csharp")
            {
                throw new ConversionException($"{Where()} is a {language} cell; an app runs C# only.");
            }
            var source = cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal);
            source = BuildImport.Replace(source, m => $"// ({m.Value.Trim()}: in a notebook it builds the libraries on a fresh clone; here #:project above does it.)");
            var magic = source.Split('\n').Select(l => l.TrimStart()).FirstOrDefault(l => l.StartsWith("#!", StringComparison.Ordinal));
            if (magic is not null)
            {
                throw new ConversionException($"{Where()} uses the magic command '{magic}', which exists only in a notebook kernel.");
            }
            body.Append($"// ---- cell {cell.Number}{(cell.Json["id"] is { } cellId ? $" ({cellId})" : "")}{(cell.Tags.Count > 0 ? ": " + string.Join(", ", cell.Tags) : "")} ----\n");

            if (!source.Contains("#r", StringComparison.Ordinal) && references.Any(r => source.Contains(r.Path, StringComparison.Ordinal)))
            {
                body.Append("// (In a notebook this cell builds the library the next cell references; here #:project above does it.)\n\n");
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(source, ScriptOptions);
            var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new ConversionException($"{Where()} does not parse as C#: {errors[0].GetMessage()} (line {errors[0].Location.GetLineSpan().StartLinePosition.Line + 1}).");
            }
            var root = tree.GetCompilationUnitRoot();
            declarations.Add(cell, root);
            var edits = new List<(TextSpan Span, string Text)>();

            foreach (var directive in root.GetReferenceDirectives())
            {
                var target = directive.File.ValueText;
                directives.Add(Directive(target, Where, ref referencesCourse));
                edits.Add((directive.FullSpan, ""));
            }
            foreach (var load in root.GetLoadDirectives())
            {
                var loaded = Load(Path.GetFullPath(load.File.ValueText, folder), folder, Where, directives, includes, ref referencesCourse);
                edits.Add((load.FullSpan, loaded.Length > 0 ? loaded + "\n" : ""));
            }
            foreach (var u in root.Usings)
            {
                usings.Add(u.WithoutTrivia().ToFullString());
                edits.Add((u.Span, ""));
            }

            MemberDeclarationSyntax? last = root.Members.LastOrDefault();
            foreach (var member in root.Members)
            {
                switch (member)
                {
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        types.Append($"// from cell {cell.Number}\n").Append(Trim(member.ToFullString())).Append("\n\n");
                        edits.Add((member.FullSpan, ""));
                        break;
                    case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } value } when member == last:
                        edits.Add((new TextSpan(value.Expression.SpanStart, 0), "display("));
                        edits.Add((new TextSpan(value.Expression.Span.End, 0), ");"));
                        break;
                    case GlobalStatementSyntax or FieldDeclarationSyntax { Modifiers.Count: 0 } or FieldDeclarationSyntax { Modifiers: [{ RawKind: (int)SyntaxKind.ConstKeyword }] }:
                        break;
                    case MethodDeclarationSyntax method when method.Modifiers.All(m => m.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.AsyncKeyword or SyntaxKind.UnsafeKeyword):
                        break;
                    default:
                        throw new ConversionException($"{Where()} declares '{Trim(member.ToString()).Split('\n')[0]}', which has no place among a program's statements (only variables, local functions, statements and types).");
                }
            }

            var code = Apply(source, edits);
            code = KernelDisplay.Replace(code, "display(");
            if (KernelOnly.Match(code) is { Success: true } kernel)
            {
                throw new ConversionException($"{Where()} uses {kernel.Value}, which exists only in a notebook kernel; show values with display(...) or a cell's last expression.");
            }
            code = Trim(code);
            if (code.Length > 0) body.Append(code).Append('\n');
            if (cell.Tags.Contains(ParameterInjector.ParametersTag))
            {
                body.Append(Injection(cell, Where));
            }
            body.Append('\n');
        }

        if (!referencesCourse)
        {
            throw new ConversionException($"{file} references no RnnNotebooks.Course.dll; an app shows its outputs through the course library.");
        }
        var parameters = ParametersOf(notebook);
        var sb = new StringBuilder();
        // The SDK asks an app that includes other files to mark its entry point with a shebang (CA2266).
        if (includes.Count > 0) sb.Append("#!/usr/bin/env dotnet\n");
        sb.Append($"// {Path.GetFileName(AppFileName(file))}: the notebook {file} as a C# file-based app. Generated by 'rnn-notebooks convert' from the notebook;\n");
        sb.Append("// edit the notebook, then regenerate. Run it with only the .NET SDK, from any folder:\n");
        sb.Append($"//   dotnet run {AppFileName(file)} -- [--quick] [--param name=value]... [--output <dir>] [--no-images]\n");
        foreach (var d in directives.Distinct(StringComparer.Ordinal)) sb.Append(d).Append('\n');
        foreach (var i in includes.Distinct(StringComparer.Ordinal)) sb.Append(i).Append('\n');
        sb.Append("#:property Configuration=Release\n");
        sb.Append("#:property PublishAot=false\n");
        sb.Append("#:property Nullable=annotations\n");
        sb.Append("#:property NoWarn=$(NoWarn);CS8321;CS0168;CS0219;NU1603;NU1608\n");
        sb.Append("#:property WarningsNotAsErrors=$(WarningsNotAsErrors);NU1603;NU1608\n\n");
        foreach (var u in usings.Append("using RnnNotebooks.Course.Apps;").Append("using static RnnNotebooks.Course.Apps.AppDisplay;").Distinct(StringComparer.Ordinal))
            sb.Append(u).Append('\n');
        sb.Append('\n');
        sb.Append("// The command line (--quick, --param, --output); the notebook's folder becomes the working directory, as in a kernel.\n");
        sb.Append($"NotebookApp.Start(args, \"{file}\"");
        foreach (var p in parameters) sb.Append($",\n    new AppParameter(\"{p.Name}\", typeof({p.Type}))");
        sb.Append(");\n\n");
        sb.Append(body.ToString().TrimEnd()).Append('\n');
        if (types.Length > 0)
        {
            sb.Append("\n// ---- Types declared in the cells above: a file-based app declares them after its statements. ----\n\n");
            sb.Append(types.ToString().TrimEnd()).Append('\n');
        }
        return SeparateScopes(sb.ToString(), file);
    }

    /// <summary>
    /// A script gives every cell's top-level variables their own field, so a loop variable <c>d</c> in one cell and a
    /// variable <c>d</c> declared at the top of a later cell live side by side; in a program both sit in one method and
    /// the inner one is an error (CS0136). Each such inner variable is renamed (<c>d</c> → <c>d2</c>) within its scope.
    /// </summary>
    private static string SeparateScopes(string source, string file)
    {
        for (var round = 0; ; round++)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
            var compilation = CSharpCompilation.Create("app", [tree], FrameworkReferences.Value, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var model = compilation.GetSemanticModel(tree);
            var clash = model.GetDiagnostics().FirstOrDefault(d => d.Id == "CS0136");
            if (clash is null)
            {
                return source;
            }
            var root = tree.GetRoot();
            var token = root.FindToken(clash.Location.SourceSpan.Start);
            var symbol = token.Parent is { } declaration ? model.GetDeclaredSymbol(declaration) : null;
            if (symbol is null || round > 100)
            {
                var line = clash.Location.GetLineSpan().StartLinePosition.Line + 1;
                throw new ConversionException($"{file}: the variable '{token.ValueText}' (line {line} of the app) clashes with a variable of the same name at the top of the program, and could not be renamed.");
            }
            var name = token.ValueText;
            var fresh = Enumerable.Range(2, 1000).Select(i => $"{name}{i}").First(n => !Regex.IsMatch(source, $@"\b{Regex.Escape(n)}\b"));
            var spans = root.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, symbol))
                .Select(n => n.Identifier.Span).Append(token.Span).Distinct().OrderBy(s => s.Start);
            source = SourceText.From(source).WithChanges(spans.Select(s => new TextChange(s, fresh))).ToString();
        }
    }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    private static IReadOnlyList<ParameterDeclaration> ParametersOf(NotebookDocument notebook)
    {
        var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParameterInjector.ParametersTag));
        return cell is null ? [] : ParameterCellParser.Parse(cell.Source);
    }

    private static string Injection(NotebookCell cell, Func<string> where)
    {
        var declarations = ParameterCellParser.Parse(cell.Source);
        foreach (var d in declarations)
        {
            if (d.IsConst) throw new ConversionException($"{where()} declares the parameter '{d.Name}' as const; an app assigns parameters, so declare it without const.");
            if (d.Type is null) throw new ConversionException($"{where()}: cannot infer the type of the parameter '{d.Name}'; declare it with an explicit type or a literal initializer.");
        }
        var sb = new StringBuilder("// As the runner's injected-parameters cell: --quick assigns the quick values, then --param name=value wins.\n");
        var quick = declarations.Where(d => d.QuickValue is not null).ToList();
        if (quick.Count > 0)
        {
            sb.Append("if (NotebookApp.Quick)\n{\n");
            foreach (var d in quick)
            {
                var value = d.QuickValue!.TrimStart().StartsWith('{') ? $"new {d.Type} {d.QuickValue}" : d.QuickValue;
                sb.Append($"    {d.Name} = {value};\n");
            }
            sb.Append("}\n");
        }
        foreach (var d in declarations) sb.Append($"{d.Name} = NotebookApp.Param(\"{d.Name}\", {d.Name});\n");
        return sb.ToString();
    }

    /// <summary>
    /// A script a cell <c>#load</c>s (a notebook's setup, <c>setup/Course.csx</c>): its <c>#r</c> lines become
    /// <c>#:project</c> directives, a <c>.cs</c> file it loads an <c>#:include</c>, a script it loads is read the same
    /// way; returns its statements, which take the <c>#load</c>'s place. Paths in a script are relative to it.
    /// </summary>
    private static string Load(string path, string appFolder, Func<string> where, List<string> directives, List<string> includes, ref bool referencesCourse)
    {
        string Relative(string full) => Path.GetRelativePath(appFolder, full).Replace('\\', '/');
        if (!File.Exists(path))
        {
            throw new ConversionException($"{where()} loads '{Relative(path)}', which does not exist.");
        }
        if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            includes.Add($"#:include {Relative(path)}");
            return "";
        }
        var scriptFolder = Path.GetDirectoryName(path)!;
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), ScriptOptions, path).GetCompilationUnitRoot();
        var errors = root.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ConversionException($"{where()} loads '{Relative(path)}', which does not parse as C#: {errors[0].GetMessage()} (line {errors[0].Location.GetLineSpan().StartLinePosition.Line + 1}).");
        }
        if (root.Usings.Count > 0 || root.Members.Any(m => m is not GlobalStatementSyntax))
        {
            throw new ConversionException($"{where()} loads '{Relative(path)}', which may hold #r, #load and statements only (usings go in a .cs file it loads, as global usings).");
        }
        var code = new StringBuilder();
        foreach (var directive in root.GetReferenceDirectives())
        {
            var target = directive.File.ValueText;
            directives.Add(Directive(target.StartsWith("nuget:", StringComparison.Ordinal) ? target : Relative(Path.GetFullPath(target, scriptFolder)), where, ref referencesCourse));
        }
        foreach (var load in root.GetLoadDirectives())
        {
            var loaded = Load(Path.GetFullPath(load.File.ValueText, scriptFolder), appFolder, where, directives, includes, ref referencesCourse);
            if (loaded.Length > 0) code.Append(loaded).Append('\n');
        }
        foreach (var member in root.Members)
        {
            code.Append(Trim(member.WithoutLeadingTrivia().ToFullString())).Append('\n');   // the script's comments stay in the script
        }
        return Trim(code.ToString());
    }

    private static string Directive(string target, Func<string> where, ref bool referencesCourse)
    {
        if (NugetReference.Match(target) is { Success: true } nuget)
        {
            return nuget.Groups["version"].Success ? $"#:package {nuget.Groups["name"].Value}@{nuget.Groups["version"].Value}" : $"#:package {nuget.Groups["name"].Value}@*";
        }
        var path = target.Replace('\\', '/');
        if (ProjectDll.Match(path) is not { Success: true } m)
        {
            throw new ConversionException($"{where()} references '{target}', which is neither a project's build output (…/src/<Project>/bin/…/<name>.dll) nor a NuGet package.");
        }
        var project = m.Groups["project"].Value;
        if (project == "RnnNotebooks.Course") referencesCourse = true;
        return $"#:project {m.Groups["prefix"].Value}src/{project}/{project}.csproj";
    }

    private static IEnumerable<(string Path, int Dummy)> ReferencePaths(string source) =>
        CSharpSyntaxTree.ParseText(source, ScriptOptions).GetCompilationUnitRoot().GetReferenceDirectives()
            .Select(d => d.File.ValueText).Where(p => !p.StartsWith("nuget:", StringComparison.Ordinal)).Select(p => (p, 0));

    private static string Apply(string source, List<(TextSpan Span, string Text)> edits)
    {
        var text = SourceText.From(source);
        var changes = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length)
            .Select(e => new TextChange(e.Span, e.Text)).ToList();
        // Drop edits inside a removed span (a directive inside a moved type's trivia, say).
        var kept = new List<TextChange>();
        foreach (var c in changes)
        {
            if (kept.Count > 0 && c.Span.Start < kept[^1].Span.End && c.Span.Length > 0 && kept[^1].Span.Contains(c.Span)) continue;
            kept.Add(c);
        }
        return text.WithChanges(kept).ToString();
    }

    /// <summary>Text as comment lines; blank lines stay comment lines, so a cell's text reads as one block.</summary>
    private static string Comment(string text) =>
        string.Join('\n', Trim(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Split('\n').Select(l => l.Length == 0 ? "//" : "// " + l.TrimEnd()));

    /// <summary>Trailing spaces cut, blank lines at the start and end removed, runs of blank lines made one.</summary>
    private static string Trim(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var sb = new StringBuilder();
        var blank = false;
        foreach (var line in lines.SkipWhile(l => l.Length == 0))
        {
            if (line.Length == 0) { blank = true; continue; }
            if (blank && sb.Length > 0) sb.Append('\n');
            blank = false;
            sb.Append(line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }
}
