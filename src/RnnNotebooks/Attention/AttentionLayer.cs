using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Attention;

/// <summary>
/// The parameters of an attention step as a module, so a model registers them under its field name
/// (<c>attention.weight_query</c>, <c>attention.weight_key</c>, <c>attention.weight_score</c> for
/// additive attention; none for the dot product). A decoder runs <see cref="Cell"/> once per output
/// step and hands each step's gradient to <see cref="AccumulateGradients"/>.
/// </summary>
public sealed class AttentionLayer<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>? _wq, _wk, _v;

    /// <summary>
    /// Creates additive attention (Wq [A, Q], Wk [A, K], v [A], PyTorch's Linear initialisation) or the
    /// dot product (Q must equal K; <paramref name="scaled"/> divides by √K; <paramref name="attentionSize"/> is not used).
    /// Every size is 1 to <see cref="MaxSize"/>.
    /// </summary>
    public AttentionLayer(AttentionKind kind, int querySize, int keySize, int attentionSize = 0, bool scaled = false, string name = "attention")
        : base(name)
    {
        CheckSize(name, nameof(querySize), querySize);
        CheckSize(name, nameof(keySize), keySize);
        Kind = kind;
        switch (kind)
        {
            case AttentionKind.Additive:
                CheckSize(name, nameof(attentionSize), attentionSize);
                _wq = AddParameter("weight_query", attentionSize, querySize);
                _wk = AddParameter("weight_key", attentionSize, keySize);
                _v = AddParameter("weight_score", attentionSize);
                Cell = new AdditiveAttention<T>(_wq.Value, _wk.Value, _v.Value);
                ResetParameters(InitScheme.PyTorch, Rng.Global);
                break;
            case AttentionKind.DotProduct:
                if (querySize != keySize)
                    throw new ArgumentException($"AttentionLayer '{name}': dot-product attention needs the query size ({querySize}) to equal the key size ({keySize}).", nameof(querySize));
                Cell = new DotProductAttention<T>(keySize, scaled);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, $"AttentionLayer '{name}': kind must be Additive or DotProduct.");
        }
    }

    /// <summary>The largest size of a query, a key or the attention layer: 65,536.</summary>
    public const int MaxSize = 65_536;

    /// <summary>Additive or dot product.</summary>
    public AttentionKind Kind { get; }

    private static void CheckSize(string name, string parameter, int value)
    {
        if (value < 1 || value > MaxSize)
            throw new ArgumentOutOfRangeException(parameter, value, $"AttentionLayer '{name}': {parameter} must be in [1, {MaxSize}], got {value}.");
    }

    /// <summary>The step, reading this layer's weights.</summary>
    public AttentionCell<T> Cell { get; }

    /// <summary>Adds one step's ∂L/∂Wq, ∂L/∂Wk and ∂L/∂v to the parameters' gradients.</summary>
    public void AccumulateGradients(AttentionGradient<T> g)
    {
        if (_wq is null) return;
        Kernels.Add<T>(g.WeightQuery!.Data, _wq.Grad.Data);
        Kernels.Add<T>(g.WeightKey!.Data, _wk!.Grad.Data);
        Kernels.Add<T>(g.WeightScore!.Data, _v!.Grad.Data);
    }

    /// <inheritdoc/>
    public override void ResetParameters(InitScheme scheme, Rng rng)
    {
        if (_wq is null) return;
        Init.Uniform(_wq.Value, rng, 1 / Math.Sqrt(_wq.Shape[1]));     // as nn.Linear(Q, A, bias=False)
        Init.Uniform(_wk!.Value, rng, 1 / Math.Sqrt(_wk.Shape[1]));    // as nn.Linear(K, A, bias=False)
        Init.Uniform(_v!.Value, rng, 1 / Math.Sqrt(_v.Shape[0]));      // as nn.Linear(A, 1, bias=False)
    }

    /// <summary>Not a sequence module: run <see cref="Cell"/>'s Forward(query, keys, mask) per step.</summary>
    public override Tensor<T> forward(Tensor<T> input) =>
        throw new NotSupportedException($"{Describe()}: attention takes a query and keys; call Cell.Forward(query, keys, mask) once per decoder step.");

    /// <summary>Not a sequence module: run <see cref="Cell"/>'s Backward per step and <see cref="AccumulateGradients"/>.</summary>
    public override Tensor<T> backward(Tensor<T> outputGradient) =>
        throw new NotSupportedException($"{Describe()}: call Cell.Backward(step, dContext) per decoder step, then AccumulateGradients.");
}
