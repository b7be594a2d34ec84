using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnNotebooks.Runner.Parameters;

/// <summary>Turns a <c>--param name=value</c> text into a C# expression of the parameter's type.</summary>
public static class ParameterLiteral
{
    /// <summary>
    /// Converts <paramref name="text"/> for a parameter of C# type <paramref name="type"/>: strings are quoted
    /// (unless already a string literal), booleans and numbers are checked, a one-dimensional array of these takes
    /// comma-separated elements (<c>2019,2020</c>; braces and <c>new[]</c> optional, as the apps read it), other types
    /// take the text as a C# expression. Throws <see cref="FormatException"/> when the text does not fit the type.
    /// </summary>
    public static string ToCSharp(string text, string type)
    {
        var invariant = CultureInfo.InvariantCulture;
        var normalized = type.Replace("System.", "", StringComparison.Ordinal).TrimEnd('?');
        if (normalized.EndsWith("[]", StringComparison.Ordinal) && IsScalar(normalized[..^2].TrimEnd('?')))
        {
            return ArrayLiteral(text, type[..type.LastIndexOf('[')].TrimEnd());
        }
        switch (normalized)
        {
            case "string" or "String":
                return text.StartsWith('"') || text.StartsWith("@\"", StringComparison.Ordinal) || text.StartsWith("$\"", StringComparison.Ordinal)
                    ? text
                    : SymbolDisplay.FormatLiteral(text, quote: true);
            case "bool" or "Boolean":
                return bool.TryParse(text, out var flag) ? (flag ? "true" : "false") : throw Bad();
            case "char" or "Char":
                return text.Length == 1 ? SymbolDisplay.FormatLiteral(text[0], quote: true) : throw Bad();
            case "int" or "Int32":
                return Whole(int.MinValue, int.MaxValue);
            case "long" or "Int64":
                return Whole(long.MinValue, long.MaxValue);
            case "short" or "Int16":
                return Whole(short.MinValue, short.MaxValue);
            case "sbyte" or "SByte":
                return Whole(sbyte.MinValue, sbyte.MaxValue);
            case "byte" or "Byte":
                return Whole(byte.MinValue, byte.MaxValue);
            case "ushort" or "UInt16":
                return Whole(ushort.MinValue, ushort.MaxValue);
            case "uint" or "UInt32":
                return Whole(uint.MinValue, uint.MaxValue);
            case "ulong" or "UInt64":
                return ulong.TryParse(text, NumberStyles.Integer, invariant, out var natural) ? natural.ToString(invariant) : throw Bad();
            case "float" or "Single":
                return float.TryParse(Trim(text), NumberStyles.Float, invariant, out var single) && float.IsFinite(single) ? $"{Trim(text)}f" : throw Bad();
            case "double" or "Double":
                return double.TryParse(Trim(text), NumberStyles.Float, invariant, out var real) && double.IsFinite(real) ? $"{Trim(text)}d" : throw Bad();
            case "decimal" or "Decimal":
                return decimal.TryParse(Trim(text), NumberStyles.Float, invariant, out _) ? $"{Trim(text)}m" : throw Bad();
            default:
                return text;
        }

        string Whole(long min, long max) =>
            long.TryParse(text, NumberStyles.Integer, invariant, out var whole) && whole >= min && whole <= max ? whole.ToString(invariant) : throw Bad();

        FormatException Bad() => new($"'{Cut(text)}' is not a valid {type} (finite, in range)");
    }

    private static bool IsScalar(string type) => type is "string" or "String" or "bool" or "Boolean" or "char" or "Char"
        or "int" or "Int32" or "long" or "Int64" or "short" or "Int16" or "sbyte" or "SByte" or "byte" or "Byte"
        or "ushort" or "UInt16" or "uint" or "UInt32" or "ulong" or "UInt64" or "float" or "Single" or "double" or "Double"
        or "decimal" or "Decimal";

    // "2019,2020", "{ 2019, 2020 }" or "new[] { 2019, 2020 }" as new int[] { 2019, 2020 }.
    private static string ArrayLiteral(string text, string element)
    {
        var body = text.Trim();
        if (body.StartsWith("new", StringComparison.Ordinal) && body.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0)
        {
            body = body[brace..];
        }
        if (body.StartsWith('{') && body.EndsWith('}'))
        {
            body = body[1..^1];
        }
        var parts = body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return $"new {element}[] {{ {string.Join(", ", parts.Select(p => ToCSharp(p, element)))} }}";
        }
        catch (FormatException e)
        {
            throw new FormatException($"'{Cut(text)}' is not a valid {element}[] (comma-separated elements): {e.Message}");
        }
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Trim(string text) => text.Trim().TrimEnd('f', 'F', 'd', 'D', 'm', 'M');
}
