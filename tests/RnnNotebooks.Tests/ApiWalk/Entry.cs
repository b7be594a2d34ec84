namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>The bad values the walk feeds each numeric parameter; a type gets those it can hold.</summary>
public enum Bad { MinusOne, Zero, NaN, Huge, PlusInfinity }

/// <summary>
/// One public numeric parameter: a call of its member with valid values for everything else and
/// <c>value</c> for this parameter, and the bad values that have a documented meaning there (with the phrase
/// of the member's XML doc that says so). Every other bad value must be refused with a clear error.
/// </summary>
public sealed class Entry
{
    private readonly Action<object> _call;

    public Entry(string key, Type valueType, Action<object> call)
    {
        Key = key; ValueType = valueType; _call = call;
        int open = key.LastIndexOf('('), dot = key.LastIndexOf('.', open < 0 ? key.Length - 1 : open);
        // The message must name the parameter, or the property for a setter.
        Names = [open < 0 ? key[(key.LastIndexOf('.') + 1)..] : key[(open + 1)..^1]];
    }

    /// <summary>"Type.ctor(param)", "Type.Method(param)" or "Type.Property".</summary>
    public string Key { get; }
    /// <summary>int, long, ulong, float or double (the nullable forms take the same values).</summary>
    public Type ValueType { get; }
    /// <summary>The words of which the error message must contain one.</summary>
    public string[] Names { get; private set; }
    /// <summary>Bad values with a documented meaning: what it is, and the phrase of the XML doc saying so.</summary>
    public Dictionary<Bad, (string Meaning, string Doc)> Meanings { get; } = [];
    /// <summary>Set for members that refuse every value by contract (a read-only stream's Seek).</summary>
    public string? NotSupportedBecause { get; private set; }

    public Entry Means(Bad value, string meaning, string doc) { Meanings[value] = (meaning, doc); return this; }
    public Entry Means(Bad[] values, string meaning, string doc) { foreach (var v in values) Meanings[v] = (meaning, doc); return this; }
    public Entry Named(params string[] names) { Names = names; return this; }
    public Entry NotSupported(string because) { NotSupportedBecause = because; return this; }

    /// <summary>The values this parameter's type can hold.</summary>
    public IEnumerable<Bad> Values() => ValueType == typeof(ulong) ? [Bad.Zero, Bad.Huge]
        : ValueType == typeof(int) || ValueType == typeof(long) ? [Bad.MinusOne, Bad.Zero, Bad.Huge]
        : [Bad.MinusOne, Bad.Zero, Bad.NaN, Bad.Huge, Bad.PlusInfinity];

    /// <summary>The value of <paramref name="bad"/> in this parameter's type.</summary>
    public object Value(Bad bad) => (ValueType.Name, bad) switch   // each arm boxed as its own type
    {
        ("Int32", Bad.MinusOne) => (object)-1, ("Int32", Bad.Zero) => (object)0, ("Int32", Bad.Huge) => (object)int.MaxValue,
        ("Int64", Bad.MinusOne) => (object)-1L, ("Int64", Bad.Zero) => (object)0L, ("Int64", Bad.Huge) => (object)long.MaxValue,
        ("UInt64", Bad.Zero) => (object)0UL, ("UInt64", Bad.Huge) => (object)ulong.MaxValue,
        ("Single", Bad.MinusOne) => (object)-1f, ("Single", Bad.Zero) => (object)0f, ("Single", Bad.NaN) => (object)float.NaN,
        ("Single", Bad.Huge) => (object)float.MaxValue, ("Single", Bad.PlusInfinity) => (object)float.PositiveInfinity,
        ("Double", Bad.MinusOne) => (object)-1.0, ("Double", Bad.Zero) => (object)0.0, ("Double", Bad.NaN) => (object)double.NaN,
        ("Double", Bad.Huge) => (object)1e300, ("Double", Bad.PlusInfinity) => (object)double.PositiveInfinity,
        _ => throw new ArgumentOutOfRangeException(nameof(bad), $"{Key}: a {ValueType.Name} cannot hold {bad}"),
    };

    public void Call(Bad bad) => _call(Value(bad));

    public static string Label(Bad bad) => bad switch
    {
        Bad.MinusOne => "-1", Bad.Zero => "0", Bad.NaN => "NaN", Bad.Huge => "huge", _ => "+inf",
    };

    public static Bad Parse(string label) => Enum.GetValues<Bad>().Single(b => Label(b) == label);

    public static Entry Int(string key, Action<int> call) => new(key, typeof(int), v => call((int)v));
    public static Entry Long(string key, Action<long> call) => new(key, typeof(long), v => call((long)v));
    public static Entry ULong(string key, Action<ulong> call) => new(key, typeof(ulong), v => call((ulong)v));
    public static Entry Float(string key, Action<float> call) => new(key, typeof(float), v => call((float)v));
    public static Entry Double(string key, Action<double> call) => new(key, typeof(double), v => call((double)v));
}
