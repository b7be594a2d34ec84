using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn.Fused;

/// <summary>Conversions between batch-first [B, T, F] and time-major [T, B, F] buffers.</summary>
internal static class SequenceLayout
{
    /// <summary>[B, T, F] → [T, B, F].</summary>
    public static void ToTimeMajor<T>(ReadOnlySpan<T> src, Span<T> dst, int batch, int steps, int features)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Move(src, dst, batch, steps, features, toTimeMajor: true);

    /// <summary>[T, B, F] → [B, T, F].</summary>
    public static void ToBatchFirst<T>(ReadOnlySpan<T> src, Span<T> dst, int batch, int steps, int features)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Move(src, dst, batch, steps, features, toTimeMajor: false);

    /// <summary>Copies each (b, t) row between the two layouts; large tensors are split by batch rows over threads.</summary>
    private static unsafe void Move<T>(ReadOnlySpan<T> src, Span<T> dst, int batch, int steps, int features, bool toTimeMajor)
        where T : unmanaged
    {
        int n = batch * steps * features;
        if (src.Length < n || dst.Length < n)
            throw new ShapeException($"SequenceLayout: {batch}×{steps}×{features} needs {n} values (source {src.Length}, target {dst.Length}).");
        fixed (T* ps = src, pd = dst)
        {
            nint s = (nint)ps, d = (nint)pd;
            Kernels.ForEachRange(batch, Math.Min(Kernels.MaxThreads, n / (1 << 17)), 1, (b0, b1) =>
            {
                ReadOnlySpan<T> from = new((T*)s, n);
                Span<T> to = new((T*)d, n);
                for (int b = b0; b < b1; b++)
                    for (int t = 0; t < steps; t++)
                    {
                        int batchFirst = (b * steps + t) * features, timeMajor = (t * batch + b) * features;
                        from.Slice(toTimeMajor ? batchFirst : timeMajor, features).CopyTo(to.Slice(toTimeMajor ? timeMajor : batchFirst, features));
                    }
            });
        }
    }

    /// <summary>Copies columns [offset, offset + width) of every row of src[rows × srcWidth] into dst[rows × width].</summary>
    public static void CopyColumns<T>(ReadOnlySpan<T> src, int srcWidth, int offset, Span<T> dst, int width, int rows)
    {
        for (int r = 0; r < rows; r++) src.Slice(r * srcWidth + offset, width).CopyTo(dst.Slice(r * width, width));
    }

    /// <summary>Writes src[rows × width] into columns [offset, offset + width) of dst[rows × dstWidth].</summary>
    public static void PasteColumns<T>(ReadOnlySpan<T> src, int width, Span<T> dst, int dstWidth, int offset, int rows)
    {
        for (int r = 0; r < rows; r++) src.Slice(r * width, width).CopyTo(dst.Slice(r * dstWidth + offset, width));
    }

    /// <summary>Reverses the time axis of a batch-first [B, T, F] tensor's data.</summary>
    public static T[] ReverseTime<T>(ReadOnlySpan<T> src, int batch, int steps, int features)
    {
        var dst = new T[src.Length];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++)
                src.Slice((b * steps + t) * features, features).CopyTo(dst.AsSpan((b * steps + steps - 1 - t) * features, features));
        return dst;
    }
}
