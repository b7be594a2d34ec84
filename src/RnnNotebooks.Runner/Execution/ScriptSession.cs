using System.Collections.Immutable;
using System.Reflection;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// A chain of Roslyn script submissions, one per C# cell, with the .NET Interactive C# kernel's
/// defaults: its imports, the Formatting library, <c>display()</c>, and <c>#r</c> relative to the notebook.
/// </summary>
public sealed class ScriptSession
{
    /// <summary>The C# language version of the .NET Interactive C# kernel.</summary>
    public const LanguageVersion KernelLanguageVersion = LanguageVersion.CSharp12;

    /// <summary>Namespaces and static classes imported into every cell, as the kernel does.</summary>
    public static readonly ImmutableArray<string> DefaultImports =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
        "Microsoft.DotNet.Interactive.Formatting",
        "Microsoft.DotNet.Interactive.Formatting.PocketViewTags",
        "Microsoft.DotNet.Interactive.Kernel",
    ];

    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly Lazy<ImmutableArray<MetadataReference>> DefaultReferences = new(LoadDefaultReferences);

    private ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <summary>Creates a session whose <c>#r</c> and <c>#load</c> paths resolve from <paramref name="baseDirectory"/>.</summary>
    public ScriptSession(string baseDirectory)
    {
        _options = ScriptOptions.Default
            .WithLanguageVersion(KernelLanguageVersion)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithReferences(DefaultReferences.Value)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory));
    }

    /// <summary>Adds assembly references (for example, restored NuGet packages) to later submissions.</summary>
    public void AddReferences(IEnumerable<string> assemblyPaths) =>
        _options = _options.AddReferences(assemblyPaths.Select(path => MetadataReference.CreateFromFile(path)));

    /// <summary>Compiles and runs one submission on top of the previous ones.</summary>
    public async Task<SubmissionOutcome> RunAsync(string code, CancellationToken cancellationToken = default)
    {
        try
        {
            _state = _state is null
                ? await CSharpScript.Create(code, _options).RunAsync(null, _ => true, cancellationToken)
                : await _state.ContinueWithAsync(code, _options, _ => true, cancellationToken);
        }
        catch (CompilationErrorException e)
        {
            var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            return new SubmissionOutcome(false, null, null, errors.IsEmpty ? e.Diagnostics : errors);
        }

        if (_state.Exception is { } exception)
        {
            return new SubmissionOutcome(false, null, exception, []);
        }
        var hasValue = HasReturnValueMethod is not null
            ? (bool)HasReturnValueMethod.Invoke(_state.Script, null)!
            : _state.ReturnValue is not null;
        return new SubmissionOutcome(hasValue, _state.ReturnValue, null, []);
    }

    private static ImmutableArray<MetadataReference> LoadDefaultReferences()
    {
        // Every assembly of the Microsoft.NETCore.App shared framework, as the host's trusted platform list names them.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        var extra = new[]
        {
            typeof(Formatter).Assembly.Location,
            typeof(IHtmlContent).Assembly.Location,
            typeof(Microsoft.DotNet.Interactive.Kernel).Assembly.Location,
        };
        return [.. trusted.Concat(extra).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
