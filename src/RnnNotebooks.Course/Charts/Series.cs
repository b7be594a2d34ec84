using System.Numerics;

namespace RnnNotebooks.Course.Charts;

/// <summary>Turns learner inputs into checked arrays, with errors that name the argument at fault.</summary>
internal static class Series
{
    public static double[] ToDoubles<T>(IEnumerable<T>? values, string argument) where T : INumberBase<T>
    {
        if (values is null) throw new ArgumentNullException(argument);
        return values.Select(double.CreateTruncating).ToArray();
    }

    public static string[] ToStrings(IEnumerable<string>? values, string argument)
    {
        if (values is null) throw new ArgumentNullException(argument);
        var result = values.ToArray();
        for (var i = 0; i < result.Length; i++)
            if (result[i] is null) throw new ArgumentException($"'{argument}'[{i}] is null.", argument);
        return result;
    }

    public static double[] Indices(int count) => Enumerable.Range(0, count).Select(i => (double)i).ToArray();

    public static void SameLength(int a, string aName, int b, string bName)
    {
        if (a != b)
            throw new ArgumentException($"'{aName}' has {a} values but '{bName}' has {b}: they must have the same length.", bName);
    }

    /// <summary>NaN and infinities become null, which plotly draws as a gap.</summary>
    public static object?[] WithGaps(double[] values) =>
        values.Select(v => double.IsFinite(v) ? (object?)v : null).ToArray();

    public static double[,] ToMatrix<T>(T[,] z, string argument) where T : INumberBase<T>
    {
        if (z is null) throw new ArgumentNullException(argument);
        int rows = z.GetLength(0), cols = z.GetLength(1);
        if (rows == 0 || cols == 0)
            throw new ArgumentException($"'{argument}' is {rows}x{cols}: it needs at least one row and one column.", argument);
        var m = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            m[r, c] = double.CreateTruncating(z[r, c]);
        return m;
    }

    public static double[,] ToMatrix<T>(IEnumerable<IEnumerable<T>> z, string argument) where T : INumberBase<T>
    {
        if (z is null) throw new ArgumentNullException(argument);
        var rows = z.Select(r => r.Select(double.CreateTruncating).ToArray()).ToArray();
        if (rows.Length == 0 || rows[0].Length == 0)
            throw new ArgumentException($"'{argument}' is empty: it needs at least one row and one column.", argument);
        var m = new double[rows.Length, rows[0].Length];
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != rows[0].Length)
                throw new ArgumentException(
                    $"'{argument}' row {r} has {rows[r].Length} values but row 0 has {rows[0].Length}: all rows must have the same length.", argument);
            for (var c = 0; c < rows[r].Length; c++) m[r, c] = rows[r][c];
        }
        return m;
    }
}
