using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnNotebooks.Runner.Parameters;

/// <summary>Reads the top-level variable declarations of a parameters cell.</summary>
public static class ParameterCellParser
{
    private const string QuickMarker = "// quick:";

    /// <summary>Parses <paramref name="source"/> as C# script and returns its top-level declarations.</summary>
    public static IReadOnlyList<ParameterDeclaration> Parse(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var root = tree.GetCompilationUnitRoot();
        var result = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            var (declaration, modifiers) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                _ => (null, default(SyntaxTokenList)),
            };
            if (declaration is null)
            {
                continue;
            }
            var isConst = modifiers.Any(SyntaxKind.ConstKeyword);
            var quick = declaration.Variables.Count == 1 ? QuickValueOf(member) : null;
            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.IsVar
                    ? LiteralType(variable.Initializer?.Value)
                    : declaration.Type.ToString();
                result.Add(new ParameterDeclaration(variable.Identifier.ValueText, type, isConst, quick));
            }
        }
        return result;
    }

    private static string? QuickValueOf(MemberDeclarationSyntax member)
    {
        var comment = member.GetLastToken().TrailingTrivia
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia))
            .Select(t => t.ToString())
            .FirstOrDefault(t => t.StartsWith(QuickMarker, StringComparison.Ordinal));
        var value = comment?[QuickMarker.Length..].Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? LiteralType(ExpressionSyntax? expression)
    {
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negative)
        {
            expression = negative.Operand;
        }
        if (expression is not LiteralExpressionSyntax literal)
        {
            return null;
        }
        return literal.Token.Value switch
        {
            int => "int",
            long => "long",
            uint => "uint",
            ulong => "ulong",
            float => "float",
            double => "double",
            decimal => "decimal",
            string => "string",
            bool => "bool",
            char => "char",
            _ => null,
        };
    }
}
