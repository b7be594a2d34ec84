using System.Numerics;

namespace RnnNotebooks.Viz;

/// <summary>Converts caller sequences to <see cref="double"/> arrays and checks them.</summary>
internal static class Values
{
    public static double[] ToDoubles<T>(IEnumerable<T>? source, string paramName) where T : INumberBase<T>
    {
        if (source is null) throw new ArgumentNullException(paramName);
        var result = source switch
        {
            double[] d => (double[])d.Clone(),
            _ => source.Select(double.CreateTruncating).ToArray(),
        };
        if (result.Length == 0)
            throw new ArgumentException($"'{paramName}' is empty: a chart needs at least one value.", paramName);
        return result;
    }

    public static string[] ToStrings(IEnumerable<string>? source, string paramName)
    {
        if (source is null) throw new ArgumentNullException(paramName);
        var result = source.Select(s => s ?? "").ToArray();
        if (result.Length == 0)
            throw new ArgumentException($"'{paramName}' is empty: a chart needs at least one value.", paramName);
        return result;
    }

    public static double[] Indices(int count)
    {
        var x = new double[count];
        for (var i = 0; i < count; i++) x[i] = i;
        return x;
    }

    public static void SameLength(int xCount, string xName, int yCount, string yName)
    {
        if (xCount != yCount)
            throw new ArgumentException(
                $"'{xName}' has {xCount} values but '{yName}' has {yCount}: they must have the same length.", yName);
    }
}
