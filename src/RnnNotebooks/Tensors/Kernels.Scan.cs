using System.Numerics;
using System.Numerics.Tensors;

namespace RnnNotebooks.Tensors;

public static partial class Kernels
{
    /// <summary>
    /// The linear recurrence hₜ = aₜ ⊙ hₜ₋₁ + bₜ over every step of a batch-first [batch, steps, width]
    /// sequence, from h₋₁ = <paramref name="h0"/> [batch, width]; <paramref name="reverse"/> runs it from the
    /// last step to the first (the backward pass of a forward scan). The steps are cut into up to
    /// <paramref name="blocks"/> contiguous blocks (an upper bound: at most a quarter of the steps) that run on their own threads, each row vectorised over
    /// its <paramref name="width"/> features (one block: the rows, which are independent, run on up to
    /// <see cref="MaxThreads"/> threads instead, each scanned step by step, whatever the thread count):
    /// <code>
    /// 1. every block, in parallel: hₜ = aₜ ⊙ hₜ₋₁ + bₜ from zero, and Aₜ = aₜ ⊙ Aₜ₋₁ (the product of its a's so far)
    ///    (the first block starts from h0 and needs no A)
    /// 2. in order over blocks: the state entering block c is sᶜ = h_last(c−1) + A_last(c−1) ⊙ sᶜ⁻¹
    /// 3. every block but the first, in parallel: hₜ += Aₜ ⊙ sᶜ
    /// </code>
    /// This is the associative scan of the pairs (a, b) with (a₁, b₁) ∘ (a₂, b₂) = (a₁a₂, a₂b₁ + b₂), one
    /// level of blocks deep: it multiplies and adds, never divides, so it needs no logarithms to stay finite.
    /// </summary>
    public static void LinearScan<T>(T[] a, T[] b, T[] h0, T[] h, int batch, int steps, int width, bool reverse, int blocks)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b); ArgumentNullException.ThrowIfNull(h0); ArgumentNullException.ThrowIfNull(h);
        if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), batch, $"LinearScan: batch must be 0 or more (0: nothing to scan), got {batch}.");
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"LinearScan: steps must be 0 or more (0: nothing to scan), got {steps}.");
        if (width < 0) throw new ArgumentOutOfRangeException(nameof(width), width, $"LinearScan: width must be 0 or more (0: nothing to scan), got {width}.");
        if (blocks < 1) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"LinearScan: blocks must be at least 1 (an upper bound: more blocks than a quarter of the steps are merged), got {blocks}.");
        if ((long)batch * steps * width != a.Length && (long)batch * steps * width > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"LinearScan: batch {batch} · steps {steps} · width {width} is more elements than an array holds; a holds {a.Length}.");
        int n = batch * steps * width;
        if (a.Length != n || b.Length != n || h.Length != n || h0.Length != batch * width)
            throw new ShapeException($"LinearScan: a {a.Length}, b {b.Length}, h {h.Length} must hold batch·steps·width = {n} elements and h0 {h0.Length} must hold batch·width = {batch * width}.");
        blocks = Math.Clamp(blocks, 1, Math.Max(1, steps / 4));     // a block shorter than 4 steps costs more than it saves
        int per = (steps + blocks - 1) / blocks;
        blocks = (steps + per - 1) / per;
        var A = blocks > 1 ? new T[n] : [];
        int At(int bRow, int s) => (bRow * steps + (reverse ? steps - 1 - s : s)) * width;   // offset of step s in scan order

        void Local(int c, int r0, int r1)                            // phase 1 for block c, rows r0 … r1 − 1
        {
            int s0 = c * per, s1 = Math.Min(steps, s0 + per);
            for (int r = r0; r < r1; r++)
            {
                int o = At(r, s0);
                if (c == 0) TensorPrimitives.MultiplyAdd<T>(a.AsSpan(o, width), h0.AsSpan(r * width, width), b.AsSpan(o, width), h.AsSpan(o, width));
                else { b.AsSpan(o, width).CopyTo(h.AsSpan(o, width)); a.AsSpan(o, width).CopyTo(A.AsSpan(o, width)); }
                for (int s = s0 + 1; s < s1; s++)
                {
                    int p = o; o = At(r, s);
                    TensorPrimitives.MultiplyAdd<T>(a.AsSpan(o, width), h.AsSpan(p, width), b.AsSpan(o, width), h.AsSpan(o, width));
                    if (c > 0) TensorPrimitives.Multiply<T>(a.AsSpan(o, width), A.AsSpan(p, width), A.AsSpan(o, width));
                }
            }
        }
        if (blocks == 1)
        {
            // One block: the rows are independent, so they split over the threads and each is scanned step by step.
            int threads = (long)n < ParallelThreshold ? 1 : Math.Min(MaxThreads, batch);
            if (threads == 1) Local(0, 0, batch);
            else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, k => Local(0, k * batch / threads, (k + 1) * batch / threads));
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks }, c => Local(c, 0, batch));

        var carry = new T[blocks * batch * width];                   // sᶜ for c ≥ 1, [blocks, batch, width]
        for (int c = 1; c < blocks; c++)
            for (int r = 0; r < batch; r++)
            {
                int last = At(r, c * per - 1);
                var s = carry.AsSpan((c * batch + r) * width, width);
                h.AsSpan(last, width).CopyTo(s);
                if (c > 1) TensorPrimitives.MultiplyAdd<T>(A.AsSpan(last, width), carry.AsSpan(((c - 1) * batch + r) * width, width), s, s);
            }
        Parallel.For(1, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks - 1 }, c =>
        {
            int s0 = c * per, s1 = Math.Min(steps, s0 + per);
            for (int r = 0; r < batch; r++)
            {
                var s = carry.AsSpan((c * batch + r) * width, width);
                for (int t = s0; t < s1; t++)
                {
                    int o = At(r, t);
                    TensorPrimitives.MultiplyAdd<T>(A.AsSpan(o, width), s, h.AsSpan(o, width), h.AsSpan(o, width));
                }
            }
        });
    }
}
