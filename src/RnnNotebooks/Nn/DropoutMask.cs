using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>Inverted-dropout masks: each element is 0 with probability p, else 1/(1 − p).</summary>
internal static class DropoutMask
{
    /// <summary>A mask of the given shape.</summary>
    public static Tensor<T> Draw<T>(int[] shape, double p, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var mask = new Tensor<T>(shape);
        Fill(mask.Data, p, rng);
        return mask;
    }

    /// <summary>Fills a buffer with a mask.</summary>
    public static void Fill<T>(Span<T> mask, double p, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T keep = T.CreateChecked(1 / (1 - p));
        for (int i = 0; i < mask.Length; i++) mask[i] = rng.NextDouble() < p ? T.Zero : keep;
    }
}
