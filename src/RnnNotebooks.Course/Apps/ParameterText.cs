using System.Globalization;

namespace RnnNotebooks.Course.Apps;

/// <summary>
/// Reads a <c>--param name=value</c> text as a value of the parameter's type, with the runner's rules: numbers are
/// invariant, finite and in range, booleans are <c>true</c>/<c>false</c>, strings are taken as given (quotes
/// optional), and arrays are comma-separated elements (braces and <c>new[]</c> optional).
/// </summary>
public static class ParameterText
{
    /// <summary>True when <paramref name="type"/> can be read from a command-line text.</summary>
    public static bool IsSupported(Type type) =>
        Scalar(type) || (type.IsArray && type.GetArrayRank() == 1 && Scalar(type.GetElementType()!));

    /// <summary>Reads <paramref name="text"/> as a <paramref name="type"/>; throws <see cref="FormatException"/> naming the type when it does not fit.</summary>
    public static object Parse(string text, Type type)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!type.IsArray) return ParseScalar(text, type, text);
        var element = type.GetElementType()!;
        var body = text.Trim();
        if (body.StartsWith("new", StringComparison.Ordinal))
        {
            var brace = body.IndexOf('{');
            body = brace < 0 ? body : body[brace..];
        }
        if (body.StartsWith('{') && body.EndsWith('}')) body = body[1..^1];
        var parts = body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var array = Array.CreateInstance(element, parts.Length);
        for (int i = 0; i < parts.Length; i++) array.SetValue(ParseScalar(parts[i], element, text), i);
        return array;
    }

    private static bool Scalar(Type t) =>
        t == typeof(string) || t == typeof(bool) || t == typeof(char) || t == typeof(int) || t == typeof(long) || t == typeof(short)
        || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(float) || t == typeof(double) || t == typeof(decimal);

    private static object ParseScalar(string text, Type type, string whole)
    {
        var inv = CultureInfo.InvariantCulture;
        var number = text.Trim();
        var real = number.TrimEnd('f', 'F', 'd', 'D', 'm', 'M');
        object? value = type switch
        {
            _ when type == typeof(string) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text,
            _ when type == typeof(bool) => bool.TryParse(number, out var b) ? b : null,
            _ when type == typeof(char) => text.Length == 1 ? text[0] : null,
            _ when type == typeof(int) => int.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(long) => long.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(short) => short.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(sbyte) => sbyte.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(byte) => byte.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(ushort) => ushort.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(uint) => uint.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(ulong) => ulong.TryParse(number, NumberStyles.Integer, inv, out var v) ? v : null,
            _ when type == typeof(float) => float.TryParse(real, NumberStyles.Float, inv, out var v) && float.IsFinite(v) ? v : null,
            _ when type == typeof(double) => double.TryParse(real, NumberStyles.Float, inv, out var v) && double.IsFinite(v) ? v : null,
            _ when type == typeof(decimal) => decimal.TryParse(real, NumberStyles.Float, inv, out var v) ? v : null,
            _ => throw new FormatException($"a parameter of type {Name(type)} cannot be given on the command line"),
        };
        return value ?? throw new FormatException($"'{Cut(whole)}' is not a valid {Name(type.IsArray ? type : type)} (finite, in range)");
    }

    /// <summary>The C# name of a parameter type: <c>int</c>, <c>double[]</c>, …</summary>
    public static string Name(Type type)
    {
        if (type.IsArray) return Name(type.GetElementType()!) + "[]";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string", TypeCode.Boolean => "bool", TypeCode.Char => "char", TypeCode.Int32 => "int",
            TypeCode.Int64 => "long", TypeCode.Int16 => "short", TypeCode.SByte => "sbyte", TypeCode.Byte => "byte",
            TypeCode.UInt16 => "ushort", TypeCode.UInt32 => "uint", TypeCode.UInt64 => "ulong", TypeCode.Single => "float",
            TypeCode.Double => "double", TypeCode.Decimal => "decimal", _ => type.Name,
        };
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
