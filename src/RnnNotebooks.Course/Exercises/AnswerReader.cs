using System.Collections;
using System.Runtime.CompilerServices;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Course.Exercises;

/// <summary>Reads learners' answers of several plausible types (arrays, lists, tensors) into plain arrays.</summary>
internal static class AnswerReader
{
    /// <summary>A vector from double[], float[], int[], any numeric IEnumerable or a Tensor; null when the answer is missing or not numeric.</summary>
    public static double[]? Vector(object? answer) => answer switch
    {
        null => null,
        double[] d => d,
        float[] f => f.Select(v => (double)v).ToArray(),
        int[] i => i.Select(v => (double)v).ToArray(),
        Tensor<double> t => t.Data.ToArray(),
        Tensor<float> t => t.Data.Select(v => (double)v).ToArray(),
        double[,] m => m.Cast<double>().ToArray(),
        IEnumerable<double> e => e.ToArray(),
        IEnumerable<float> e => e.Select(v => (double)v).ToArray(),
        IEnumerable<int> e => e.Select(v => (double)v).ToArray(),
        _ => null,
    };

    /// <summary>A matrix from double[,], float[,], double[][] or a rank-2 Tensor; null otherwise.</summary>
    public static double[,]? Matrix(object? answer)
    {
        switch (answer)
        {
            case double[,] d: return d;
            case float[,] f:
            {
                var m = new double[f.GetLength(0), f.GetLength(1)];
                for (int i = 0; i < f.GetLength(0); i++) for (int j = 0; j < f.GetLength(1); j++) m[i, j] = f[i, j];
                return m;
            }
            case double[][] jag when jag.Length > 0 && jag.All(r => r is not null && r.Length == jag[0].Length):
            {
                var m = new double[jag.Length, jag[0].Length];
                for (int i = 0; i < jag.Length; i++) for (int j = 0; j < jag[0].Length; j++) m[i, j] = jag[i][j];
                return m;
            }
            case Tensor<double> { Rank: 2 } t:
            {
                var m = new double[t.Shape[0], t.Shape[1]];
                for (int i = 0; i < t.Shape[0]; i++) for (int j = 0; j < t.Shape[1]; j++) m[i, j] = t.Data[i * t.Shape[1] + j];
                return m;
            }
            default: return null;
        }
    }

    /// <summary>Whole numbers (shape, indices) from int[], long[], IEnumerable&lt;int&gt;; null otherwise.</summary>
    public static int[]? Ints(object? answer) => answer switch
    {
        null => null,
        int[] i => i,
        long[] l => l.Select(v => (int)v).ToArray(),
        IEnumerable<int> e => e.ToArray(),
        _ => null,
    };

    /// <summary>The answer as a list of vectors (jagged array, list of arrays, tuple of arrays), or null.</summary>
    public static double[][]? Vectors(object? answer)
    {
        if (answer is null) return null;
        if (answer is ITuple tuple)
        {
            var parts = new double[tuple.Length][];
            for (int i = 0; i < tuple.Length; i++)
                if ((parts[i] = Vector(tuple[i])!) is null) return null;
            return parts;
        }
        if (answer is IEnumerable e and not string && Vector(answer) is null)
        {
            var parts = new List<double[]>();
            foreach (var item in e)
            {
                var v = Vector(item);
                if (v is null) return null;
                parts.Add(v);
            }
            return parts.ToArray();
        }
        return null;
    }

    /// <summary>The answer as a number, or null.</summary>
    public static double? Scalar(object? answer) => answer switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>True when the vectors have the same length and agree within <paramref name="tol"/> everywhere.</summary>
    public static bool Close(double[] a, double[] b, double tol = 1e-6) => MaxDiff(a, b) <= tol;

    /// <summary>max |a − b|, or +∞ when the lengths differ or a value is NaN.</summary>
    public static double MaxDiff(double[] a, double[] b)
    {
        if (a.Length != b.Length) return double.PositiveInfinity;
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return double.IsNaN(m) ? double.PositiveInfinity : m;
    }

    /// <summary>Formats a vector with 4 decimals.</summary>
    public static string Format(double[] v) => "[" + string.Join(", ", v.Select(x => x.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>Formats a shape.</summary>
    public static string Format(int[] v) => "[" + string.Join(", ", v) + "]";

    /// <summary>The elements of a matrix, row by row.</summary>
    public static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();

    /// <summary>Whether <paramref name="answer"/> is a non-generic collection we could not read (for a clearer message).</summary>
    public static string Describe(object? answer) => answer switch
    {
        null => "null",
        IEnumerable e and not string => $"{answer.GetType().Name} with {e.Cast<object>().Count()} items",
        _ => answer.GetType().Name,
    };
}
