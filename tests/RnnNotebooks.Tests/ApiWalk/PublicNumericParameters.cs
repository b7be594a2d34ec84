using System.Reflection;
using System.Runtime.CompilerServices;

namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>
/// Every public numeric parameter of the library, found by reflection: the int, long, ulong, float and double
/// (and nullable) parameters of public constructors and methods, and the public settable or init numeric
/// properties, of every exported type except records, exceptions and types nobody outside can build. A key reads
/// <c>Type.ctor(param)</c>, <c>Type.Method(param)</c> or <c>Type.Property</c>; an overloaded method whose overloads
/// share the parameter adds its first parameter's type, <c>Scaler.Inverse[Double](column)</c>.
/// </summary>
public static class PublicNumericParameters
{
    /// <summary>The numeric types the walk feeds bad values to.</summary>
    public static readonly Type[] NumericTypes =
    [
        typeof(int), typeof(long), typeof(ulong), typeof(float), typeof(double),
        typeof(int?), typeof(long?), typeof(ulong?), typeof(float?), typeof(double?),
    ];

    public sealed record Found(string Key, Type Type, MemberInfo Member, string Parameter);

    /// <summary>The parameters of the library's exported types.</summary>
    public static IReadOnlyList<Found> List() => List(typeof(RnnNotebooks.Tensors.Rng).Assembly.GetExportedTypes());

    /// <summary>The parameters of <paramref name="types"/> (the library's, or a test's stand-ins).</summary>
    public static IReadOnlyList<Found> List(IEnumerable<Type> types)
    {
        var found = new List<Found>();
        foreach (var t in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (IsRecord(t) || typeof(Exception).IsAssignableFrom(t) || t.IsEnum || typeof(Delegate).IsAssignableFrom(t)) continue;
            bool constructible = t.IsAbstract || t.GetConstructors().Length > 0 || t.IsValueType;
            var members = t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var m in members)
            {
                switch (m)
                {
                    case MethodBase mb when !(mb is MethodInfo { IsSpecialName: true }):
                        foreach (var p in mb.GetParameters().Where(p => NumericTypes.Contains(p.ParameterType)))
                        {
                            string name = mb is ConstructorInfo ? "ctor" : mb.Name;
                            bool overloaded = members.OfType<MethodBase>().Count(o => o.Name == mb.Name && o.GetParameters().Any(q => q.Name == p.Name)) > 1;
                            string sig = overloaded ? $"[{Plain(mb.GetParameters()[0].ParameterType)}]" : "";
                            found.Add(new($"{Plain(t)}.{name}{sig}({p.Name})", p.ParameterType, mb, p.Name!));
                        }
                        break;
                    case PropertyInfo pi when pi.SetMethod is { IsPublic: true } && NumericTypes.Contains(pi.PropertyType):
                        // An init accessor of a type without a public constructor cannot be reached from outside.
                        if (IsInitOnly(pi) && !constructible) break;
                        found.Add(new($"{Plain(t)}.{pi.Name}", pi.PropertyType, pi, pi.Name));
                        break;
                }
            }
        }
        return found;
    }

    private static string Plain(Type t) => t.Name.Split('`')[0];

    private static bool IsRecord(Type t) =>
        t.GetMethod("<Clone>$") is not null
        || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool IsInitOnly(PropertyInfo pi) =>
        pi.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
