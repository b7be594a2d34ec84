using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Apps;

/// <summary>
/// Refuses a notebook whose cells declare the same top-level name twice. In a kernel each cell is its own script
/// submission, so a later cell may declare a variable, method or type again and hide the earlier one; an app puts
/// every cell into one program, where the second declaration does not compile (CS0128, CS0101). The converter
/// shows it every cell it puts into the program, in order; the first name declared again is a
/// <see cref="ConversionException"/> that names the notebook, both cells (number and first line) and the name.
/// </summary>
/// <remarks>
/// Names live in two spaces, as in a program: variables and local functions (the cells' methods) share one, types
/// (by name and number of type parameters) the other. The variables counted are those a cell's top level declares:
/// declarations, deconstructions, and <c>out var</c> or pattern variables of its top-level expression statements,
/// declarations, <c>if</c> conditions, <c>return</c>, <c>throw</c> and <c>switch</c>, whose scope is the whole program
/// once the cells are one. Variables inside blocks, loops and lambdas stay in their own scopes and are not counted.
/// </remarks>
public sealed class RedeclarationCheck(string notebook)
{
    private readonly Dictionary<string, (NotebookCell Cell, string Kind)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NotebookCell Cell, string Kind)> _types = new(StringComparer.Ordinal);

    /// <summary>
    /// Records the top-level names <paramref name="cell"/> declares (<paramref name="root"/> is the cell parsed as a
    /// script); throws <see cref="ConversionException"/> when one was declared by an earlier cell.
    /// </summary>
    public void Add(NotebookCell cell, CompilationUnitSyntax root)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(root);
        var values = new List<(string Name, string Kind)>();
        var types = new List<(string Name, string Kind)>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    values.AddRange(field.Declaration.Variables.Select(v => (v.Identifier.ValueText, "variable")));
                    values.AddRange(ExpressionVariables(field.Declaration));
                    break;
                case MethodDeclarationSyntax method:
                    values.Add((method.Identifier.ValueText, "method"));
                    break;
                case GlobalStatementSyntax { Statement: var statement }:
                    values.AddRange(StatementVariables(statement));
                    break;
                case BaseTypeDeclarationSyntax type:
                    types.Add((TypeKey(type.Identifier.ValueText, (type as TypeDeclarationSyntax)?.TypeParameterList), Kind(type)));
                    break;
                case DelegateDeclarationSyntax @delegate:
                    types.Add((TypeKey(@delegate.Identifier.ValueText, @delegate.TypeParameterList), "delegate"));
                    break;
            }
        }
        Record(cell, values, _values);
        Record(cell, types, _types);
    }

    private void Record(NotebookCell cell, List<(string Name, string Kind)> names, Dictionary<string, (NotebookCell Cell, string Kind)> seen)
    {
        foreach (var (name, kind) in names)
        {
            if (seen.TryGetValue(name, out var earlier) && earlier.Cell != cell)
            {
                throw new ConversionException(
                    $"{notebook}: cell {cell.Number} ({FirstLine(cell)}) declares the {kind} '{Shown(name)}' again, which cell {earlier.Cell.Number} "
                    + $"({FirstLine(earlier.Cell)}) already declares as a {earlier.Kind}. A kernel runs each cell as its own submission and lets "
                    + "the later one hide the earlier; an app is one program, where a name is declared once. Give one of them another name, "
                    + "or assign the existing one instead of declaring it again.");
            }
            seen.TryAdd(name, (cell, kind));
        }
    }

    // Variables a top-level statement declares into the program's scope.
    private static IEnumerable<(string, string)> StatementVariables(StatementSyntax statement) => statement switch
    {
        LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => (v.Identifier.ValueText, "variable")).Concat(ExpressionVariables(local.Declaration)),
        LocalFunctionStatementSyntax function => [(function.Identifier.ValueText, "method")],
        ExpressionStatementSyntax e => ExpressionVariables(e.Expression),
        IfStatementSyntax i => ExpressionVariables(i.Condition),
        ReturnStatementSyntax { Expression: { } r } => ExpressionVariables(r),
        ThrowStatementSyntax { Expression: { } t } => ExpressionVariables(t),
        SwitchStatementSyntax s => ExpressionVariables(s.Expression),
        _ => [],
    };

    // out var x, (var a, var b) = …, is T name: designations outside lambdas, local functions and queries.
    private static IEnumerable<(string, string)> ExpressionVariables(SyntaxNode node) =>
        node.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax))
            .OfType<SingleVariableDesignationSyntax>()
            .Select(d => (d.Identifier.ValueText, "variable"));

    private static string TypeKey(string name, TypeParameterListSyntax? parameters) =>
        parameters is { Parameters.Count: > 0 and var n } ? $"{name}`{n}" : name;

    private static string Shown(string key) => key.Split('`')[0];

    private static string Kind(BaseTypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        EnumDeclarationSyntax => "enum",
        _ => "class",
    };

    // The cell's first line that is not blank, cut to a readable length.
    private static string FirstLine(NotebookCell cell)
    {
        var line = cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return $"first line: {(line.Length <= 80 ? line : line[..77] + "...")}";
    }
}
