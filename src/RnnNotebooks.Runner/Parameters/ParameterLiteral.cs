using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnNotebooks.Runner.Parameters;

/// <summary>Turns a <c>--param name=value</c> text into a C# expression of the parameter's type.</summary>
public static class ParameterLiteral
{
    /// <summary>
    /// Converts <paramref name="text"/> for a parameter of C# type <paramref name="type"/>: strings are quoted
    /// (unless already a string literal), booleans and numbers are checked, other types take the text as a C# expression.
    /// Throws <see cref="FormatException"/> when the text does not fit the type.
    /// </summary>
    public static string ToCSharp(string text, string type)
    {
        var invariant = CultureInfo.InvariantCulture;
        var normalized = type.Replace("System.", "", StringComparison.Ordinal).TrimEnd('?');
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

    private static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Trim(string text) => text.Trim().TrimEnd('f', 'F', 'd', 'D', 'm', 'M');
}
