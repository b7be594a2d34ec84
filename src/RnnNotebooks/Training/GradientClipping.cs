using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training;

/// <summary>Gradient clipping, as PyTorch's <c>clip_grad_norm_</c> and <c>clip_grad_value_</c>.</summary>
public static class GradientClipping
{
    /// <summary>The L2 norm of all gradients taken together.</summary>
    public static double GlobalNorm<T>(IEnumerable<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
        => Math.Sqrt(parameters.Sum(p => Kernels.SumOfSquares<T>(p.Grad.Data)));

    /// <summary>
    /// Scales all gradients by min(1, maxNorm / (‖g‖ + 1e-6)) and returns ‖g‖ before clipping;
    /// maxNorm is positive and finite (a huge one clips nothing in practice).
    /// </summary>
    public static double ClipByGlobalNorm<T>(IEnumerable<Parameter<T>> parameters, double maxNorm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(maxNorm > 0 && double.IsFinite(maxNorm))) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "ClipByGlobalNorm: maxNorm must be positive and finite.");
        var list = parameters.ToList();
        double norm = GlobalNorm(list);
        if (!double.IsFinite(norm)) throw new ArithmeticException($"ClipByGlobalNorm: the gradient norm is {norm}; the loss or a layer produced NaN or ∞.");
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1)
        {
            T c = T.CreateTruncating(coef);
            foreach (var p in list)
            {
                var g = p.Grad.Data;
                for (int i = 0; i < g.Length; i++) g[i] *= c;
            }
        }
        return norm;
    }

    /// <summary>Clamps every gradient element to [−clip, clip]; clip is positive and finite (a huge one clips nothing in practice).</summary>
    public static void ClipByValue<T>(IEnumerable<Parameter<T>> parameters, double clip) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(clip > 0 && double.IsFinite(clip))) throw new ArgumentOutOfRangeException(nameof(clip), clip, "ClipByValue: clip must be positive and finite.");
        T hi = T.CreateTruncating(clip), lo = -hi;
        foreach (var p in parameters)
        {
            var g = p.Grad.Data;
            for (int i = 0; i < g.Length; i++) g[i] = T.Clamp(g[i], lo, hi);
        }
    }
}
