using System.Collections;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Exercises;

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

    /// <summary>True when the vectors have the same length and agree within <paramref name="tol"/> everywhere.</summary>
    public static bool Close(double[] a, double[] b, double tol) =>
        a.Length == b.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tol);

    /// <summary>Max |a − b| (the vectors must have the same length).</summary>
    public static double MaxDiff(double[] a, double[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

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
