using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// Batches for truncated backpropagation through time. The id stream is cut into
/// <see cref="BatchSize"/> equal rows (the tail that does not fit is dropped); batch <c>i</c> holds
/// columns <c>i·steps .. i·steps+steps−1</c> of every row and the targets one position later.
/// Row <c>b</c> of batch <c>i+1</c> continues row <c>b</c> of batch <c>i</c>, so a model can carry its hidden
/// state from one batch to the next.
/// </summary>
public sealed class BpttBatcher
{
    private readonly int[] _ids;

    /// <summary>Arranges <paramref name="ids"/> into <paramref name="batchSize"/> rows read <paramref name="steps"/> at a time.</summary>
    public BpttBatcher(int[] ids, int batchSize, int steps)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be at least 1.");
        RowLength = ids.Length / batchSize;
        if (RowLength < steps + 1L)
            throw new ArgumentException($"BpttBatcher: {ids.Length} ids in batchSize = {batchSize} rows give rows of {RowLength}; need at least steps + 1 = {steps + 1L} (steps = {steps}).",
                RowLength == 0 ? nameof(batchSize) : nameof(steps));
        _ids = ids;
        BatchSize = batchSize;
        Steps = steps;
        BatchCount = (RowLength - 1) / steps;
    }

    /// <summary>Parallel rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Time steps per batch.</summary>
    public int Steps { get; }

    /// <summary>Length of each row of the stream.</summary>
    public int RowLength { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchCount { get; }

    /// <summary>Batch <paramref name="index"/> (0 is the first batch): inputs and next-character targets, both [batch, steps].</summary>
    public (int[,] X, int[,] Y) GetBatch(int index)
    {
        if ((uint)index >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"Batches are 0..{BatchCount - 1}.");
        var x = new int[BatchSize, Steps];
        var y = new int[BatchSize, Steps];
        for (int b = 0; b < BatchSize; b++)
        {
            int start = b * RowLength + index * Steps;
            for (int s = 0; s < Steps; s++)
            {
                x[b, s] = _ids[start + s];
                y[b, s] = _ids[start + s + 1];
            }
        }
        return (x, y);
    }

    /// <summary>All batches in order (one epoch).</summary>
    public IEnumerable<(int[,] X, int[,] Y)> Batches()
    {
        for (int i = 0; i < BatchCount; i++) yield return GetBatch(i);
    }

    /// <summary>Batch <paramref name="index"/> (0 is the first batch) as tensors of ids stored as <typeparamref name="T"/>, both [batch, steps].</summary>
    public (Tensor<T> X, Tensor<T> Y) GetTensors<T>(int index) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (x, y) = GetBatch(index);
        return (Tensor.FromIndices<T>(x), Tensor.FromIndices<T>(y));
    }
}
