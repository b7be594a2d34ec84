using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>
/// Finite-difference gradient checks in double precision. The numeric derivative is a
/// central difference: order 2 (the textbook recipe, as in CS231n's notes), [f(x+h) − f(x−h)] / 2h; order 4,
/// [8Δ₁ − Δ₂] / 12h; or order 6 (the default), [45Δ₁ − 9Δ₂ + Δ₃] / 60h, with Δₖ = f(x+kh) − f(x−kh).
/// The higher orders allow a larger h, so rounding in f matters less and gradients as small as
/// 1e-6 are still resolved to a relative error below 1e-7.
/// </summary>
public static class GradientCheck
{
    /// <summary>|a − b| / max(1e-8, |a| + |b|) for finite a and b (any finite values: a NaN or ∞ derivative is an error, never a small one).</summary>
    public static double RelativeError(double a, double b)
    {
        if (!double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(a), a, $"GradientCheck.RelativeError: a must be finite, got {a}.");
        if (!double.IsFinite(b)) throw new ArgumentOutOfRangeException(nameof(b), b, $"GradientCheck.RelativeError: b must be finite, got {b}.");
        return Math.Abs(a - b) / Math.Max(1e-8, Math.Abs(a) + Math.Abs(b));
    }

    /// <summary>The central-difference derivative of <paramref name="loss"/> with respect to x.Data[i] (i in [0, x.Length), 0 the first element),
    /// with a step h in (0, 1] and order 2, 4 or 6.</summary>
    public static double NumericDerivative(Tensor<double> x, int i, Func<double> loss, double h = DefaultStep, int order = DefaultOrder)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(loss);
        CheckStep(h, order);
        if ((uint)i >= (uint)x.Length) throw new ArgumentOutOfRangeException(nameof(i), i, $"GradientCheck: element i = {i} is not in [0, {x.Length}).");
        double old = x.Data[i];
        double Delta(int k)
        {
            x.Data[i] = old + k * h; double plus = loss();
            x.Data[i] = old - k * h; double minus = loss();
            return plus - minus;
        }
        try
        {
            double d1 = Delta(1);
            if (order == 2) return d1 / (2 * h);
            double d2 = Delta(2);
            if (order == 4) return (8 * d1 - d2) / (12 * h);
            return (45 * d1 - 9 * d2 + Delta(3)) / (60 * h);
        }
        finally { x.Data[i] = old; }
    }

    private static void CheckStep(double h, int order)
    {
        if (!(h > 0 && h <= 1))
            throw new ArgumentOutOfRangeException(nameof(h), h, $"GradientCheck: the step h must be in (0, 1] (a larger one measures no derivative), got {h}.");
        if (order is not (2 or 4 or 6)) throw new ArgumentOutOfRangeException(nameof(order), order, $"GradientCheck: order must be 2, 4 or 6, got {order}.");
    }

    /// <summary>Default step h.</summary>
    public const double DefaultStep = 1e-2;

    /// <summary>Default order of the central difference.</summary>
    public const int DefaultOrder = 6;

    /// <summary>
    /// Compares <paramref name="analytic"/> with finite differences of <paramref name="loss"/>
    /// for every element of <paramref name="x"/> (or <paramref name="maxElements"/>, at least 1, spread evenly; int.MaxValue: every element).
    /// A NaN or ∞ in either gradient is an error naming the element.
    /// </summary>
    public static GradientCheckResult Compare(string name, Tensor<double> x, ReadOnlySpan<double> analytic, Func<double> loss,
        double h = DefaultStep, int order = DefaultOrder, int maxElements = int.MaxValue)
    {
        CheckStep(h, order);
        if (maxElements < 1) throw new ArgumentOutOfRangeException(nameof(maxElements), maxElements, $"GradientCheck '{name}': maxElements must be at least 1, got {maxElements}.");
        if (analytic.Length != x.Length)
            throw new ShapeException($"GradientCheck '{name}': analytic gradient has {analytic.Length} elements, the tensor {x.Length}.");
        int stride = Math.Max(1, (int)Math.Ceiling(x.Length / (double)maxElements));
        double worst = 0, wa = 0, wn = 0;
        int wi = -1, count = 0;
        for (int i = 0; i < x.Length; i += stride)
        {
            double n = NumericDerivative(x, i, loss, h, order);
            if (!double.IsFinite(analytic[i]) || !double.IsFinite(n))
                throw new ArgumentException($"GradientCheck '{name}': at {x.FormatIndex(i)} the analytic gradient is {analytic[i]} and the numeric one {n}; both must be finite.", nameof(analytic));
            double e = RelativeError(analytic[i], n);
            count++;
            if (e >= worst) { worst = e; wi = i; wa = analytic[i]; wn = n; }
        }
        return new GradientCheckResult(name, worst, wi, wa, wn, count);
    }

    /// <summary>
    /// Checks every parameter of <paramref name="layer"/> and, unless <paramref name="checkInput"/>
    /// is false, its input: the loss is L = Σ y ⊙ g for the layer's output y and a fixed random g
    /// (step h in (0, 1], order 2, 4 or 6).
    /// </summary>
    public static IReadOnlyList<GradientCheckResult> CheckLayer(Module<double> layer, Tensor<double> input, Rng rng,
        bool checkInput = true, double h = DefaultStep, int order = DefaultOrder)
    {
        CheckStep(h, order);
        var y = layer.forward(input);
        var g = Tensor.Normal<double>(rng, 0, 1, y.Shape);
        double Loss()
        {
            var o = layer.forward(input);
            double s = 0;
            for (int i = 0; i < o.Length; i++) s += o.Data[i] * g.Data[i];
            return s;
        }
        layer.zero_grad();
        layer.forward(input);
        var dx = layer.backward(g);
        var results = new List<GradientCheckResult>();
        foreach (var (name, p) in layer.named_parameters())
            results.Add(Compare(name, p.Value, p.Grad.Data.ToArray(), Loss, h, order));
        if (checkInput) results.Add(Compare("input", input, dx.Data, Loss, h, order));
        return results;
    }
}
