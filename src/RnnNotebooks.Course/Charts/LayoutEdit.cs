using DynamicObj;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace RnnNotebooks.Course.Charts;

/// <summary>Copy-on-write edits of a chart's layout and traces (a chart value is never changed in place).</summary>
internal static class LayoutEdit
{
    public static GenericChart Layout(GenericChart chart, Action<Layout> edit)
    {
        var copy = new Layout();
        GenericChart.getLayout(chart).DeepCopyPropertiesTo(copy, null, null);
        edit(copy);
        return GenericChart.setLayout(copy, chart);
    }

    public static GenericChart Traces(GenericChart chart, Action<int, Trace> edit)
    {
        var index = 0;
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t =>
        {
            var copy = new Trace2D(Type(t));
            t.DeepCopyPropertiesTo(copy, null, null);
            edit(index++, copy);
            return copy;
        }), chart);
    }

    public static string Type(Trace trace) => Get(trace, "type") as string ?? "scatter";

    public static object? Get(DynamicObj.DynamicObj obj, string name) =>
        obj.TryGetPropertyValue(name) is { } some ? some.Value : null;

    /// <summary>The object at <paramref name="name"/>, created (or converted from a dictionary) when missing.</summary>
    public static T Child<T>(DynamicObj.DynamicObj parent, string name) where T : DynamicObj.DynamicObj, new()
    {
        switch (Get(parent, name))
        {
            case T existing:
                return existing;
            case DynamicObj.DynamicObj other:
            {
                var converted = new T();
                other.DeepCopyPropertiesTo(converted, null, null);
                parent.SetProperty(name, converted);
                return converted;
            }
            case IDictionary<string, object> dict:
            {
                var converted = new T();
                foreach (var (k, v) in dict) converted.SetProperty(k, v);
                parent.SetProperty(name, converted);
                return converted;
            }
            default:
            {
                var created = new T();
                parent.SetProperty(name, created);
                return created;
            }
        }
    }

    /// <summary>Layout keys of the axes the traces use: "xaxis", "xaxis2", … (at least the first).</summary>
    public static IReadOnlyList<string> AxisKeys(GenericChart chart, char letter)
    {
        var keys = new SortedSet<string>(Comparer<string>.Create(CompareAxisKeys)) { letter + "axis" };
        foreach (var t in GenericChart.getTraces(chart))
            if (Get(t, letter + "axis") is { } id && id.ToString() is { Length: > 0 } s)
                keys.Add(letter + "axis" + s[1..]);
        return keys.ToList();
    }

    private static int CompareAxisKeys(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    public static Dictionary<string, object> Text(string text) => new() { ["text"] = text };
}
