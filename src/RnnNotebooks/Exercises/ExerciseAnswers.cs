using System.Collections;
using System.Runtime.CompilerServices;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Exercises;

/// <summary>Reads learners' answers of the usual shapes (arrays, lists, tensors) as doubles.</summary>
internal static class ExerciseAnswers
{
    /// <summary>The answer as a vector, or null when it is missing or not a vector of numbers.</summary>
    public static double[]? Vector(object? answer) => answer switch
    {
        null => null,
        double[] d => d,
        float[] f => f.Select(v => (double)v).ToArray(),
        int[] i => i.Select(v => (double)v).ToArray(),
        Tensor<double> t => t.Data,
        Tensor<float> t => t.ToDoubleArray(),
        IEnumerable<double> e => e.ToArray(),
        IEnumerable<float> e => e.Select(v => (double)v).ToArray(),
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

    /// <summary>max |a − b|, or +∞ when the lengths differ.</summary>
    public static double MaxDiff(double[] a, double[] b)
    {
        if (a.Length != b.Length) return double.PositiveInfinity;
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return double.IsNaN(m) ? double.PositiveInfinity : m;
    }

    /// <summary>Whether a and b agree within an absolute tolerance.</summary>
    public static bool Close(double[] a, double[] b, double tol = 1e-6) => MaxDiff(a, b) <= tol;

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static string Format(double[] v) => "[" + string.Join(", ", v.Select(x => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
