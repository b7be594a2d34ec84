using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Lookup table from token ids to vectors, PyTorch's <c>nn.Embedding</c> / Keras's
/// <c>Embedding</c>. Input: token ids [batch, steps] stored as whole numbers in
/// <typeparamref name="T"/>; output [batch, steps, dim]. Parameter: <c>weight</c> [num, dim].
/// </summary>
public sealed class Embedding<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _ids;
    private int[]? _inputShape;
    private T[]? _output;                 // the output's array, reused from batch to batch when it is transient

    /// <summary>Creates the table with PyTorch's default N(0, 1) initialisation.</summary>
    public Embedding(int numEmbeddings, int embeddingDim, string name = "embedding") : base(name)
    {
        Sizes.Positive($"Embedding '{name}'", nameof(numEmbeddings), numEmbeddings);
        Sizes.Positive($"Embedding '{name}'", nameof(embeddingDim), embeddingDim);
        if (embeddingDim > numEmbeddings) Sizes.Allocatable($"Embedding '{name}'", nameof(embeddingDim), embeddingDim, (long)numEmbeddings * embeddingDim, $"a table [{numEmbeddings}, {embeddingDim}]");
        else Sizes.Allocatable($"Embedding '{name}'", nameof(numEmbeddings), numEmbeddings, (long)numEmbeddings * embeddingDim, $"a table [{numEmbeddings}, {embeddingDim}]");
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        Weight = AddParameter("weight", numEmbeddings, embeddingDim);
        ResetParameters(InitScheme.PyTorch, Rng.Global);
    }

    /// <summary>Vocabulary size: valid ids are 0 … NumEmbeddings − 1.</summary>
    public int NumEmbeddings { get; }
    /// <summary>Vector size.</summary>
    public int EmbeddingDim { get; }
    /// <summary>
    /// Keras's <c>mask_zero</c>: id 0 is padding. <see cref="ForwardMasked"/> then returns the mask of
    /// the non-zero ids (<see cref="SequenceMask.FromPadding"/>), which a <see cref="Sequential{T}"/> passes to the
    /// recurrent layer that follows.
    /// </summary>
    public bool MaskZero { get; set; }

    /// <summary>The table [num, dim].</summary>
    public Parameter<T> Weight { get; }

    /// <inheritdoc/>
    public override void ResetParameters(InitScheme scheme, Rng rng)
    {
        if (scheme == InitScheme.Keras) Init.Uniform(Weight.Value, rng, 0.05);
        else Init.Normal(Weight.Value, rng);
    }

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => [.. inputShape, EmbeddingDim];

    /// <summary>The vectors, and with <see cref="MaskZero"/> the mask of the non-zero ids (<see cref="SequenceMask.FromPadding"/>);
    /// without it the input's mask passes on.</summary>
    public override (Tensor<T> Output, SequenceMask? Mask) ForwardMasked(Tensor<T> input, SequenceMask? mask)
    {
        var y = forward(input);
        return (y, MaskZero ? SequenceMask.FromPadding(input) : mask);
    }

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input)
    {
        if (input.Length == 0 || input.Rank < 1)
            throw new ShapeException($"Embedding '{Name}': expected token ids of shape [batch, steps], got {Tensor.Format(input.Shape)}.");
        T limit = T.CreateChecked(NumEmbeddings);
        for (int i = 0; i < input.Length; i++)
        {
            T v = input.Data[i];
            if (!T.IsInteger(v) || v < T.Zero || v >= limit)
                throw new ArgumentOutOfRangeException(nameof(input),
                    $"Embedding '{Name}': token id {v} at {input.FormatIndex(i)} is not a whole number in [0, {NumEmbeddings}).");
        }
        // Every id is valid: only now is the last pass's record (what its backward reads) overwritten.
        var ids = _ids is { } kept && kept.Length == input.Length ? kept : new int[input.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = int.CreateChecked(input.Data[i]);
        var y = new Tensor<T>(ResultArray(ref _output, input.Length * EmbeddingDim, OutputIsTransient), OutputShape(input.Shape));   // every row is written below
        for (int i = 0; i < ids.Length; i++)
            Weight.Value.Data.AsSpan(ids[i] * EmbeddingDim, EmbeddingDim).CopyTo(y.Data.AsSpan(i * EmbeddingDim, EmbeddingDim));
        _ids = ids;
        _inputShape = input.Shape;
        return y;
    }

    /// <inheritdoc/>
    protected override void ReleaseOwnBuffers() { _ids = null; _inputShape = null; _output = null; }

    /// <summary>Scatters the output gradient into the rows of <c>weight</c> that were used. Token ids
    /// are not differentiable: the returned input gradient is zero.</summary>
    public override Tensor<T> backward(Tensor<T> outputGradient)
    {
        if (_ids is null || _inputShape is null) throw NoForward();
        if (outputGradient.Length != _ids.Length * EmbeddingDim)
            throw new ShapeException($"Embedding '{Name}': output gradient has shape {Tensor.Format(outputGradient.Shape)}, expected {Tensor.Format(OutputShape(_inputShape))}.");
        var g = Weight.Grad.Data;
        for (int i = 0; i < _ids.Length; i++)
        {
            var src = outputGradient.Data.AsSpan(i * EmbeddingDim, EmbeddingDim);
            var dst = g.AsSpan(_ids[i] * EmbeddingDim, EmbeddingDim);
            for (int j = 0; j < EmbeddingDim; j++) dst[j] += src[j];
        }
        return new Tensor<T>(_inputShape);
    }
}
