using System.Numerics;
using System.Globalization;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Adagrad: s += g²; PyTorch w −= lr g / (√s + ε) (lr 0.01, ε 1e-10, s₀ = 0);
/// Keras w −= lr g / √(s + ε) (lr 0.001, ε 1e-7, s₀ = 0.1).
/// </summary>
public sealed class Adagrad<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[][] _sum;

    /// <summary>Creates the optimizer; null hyper-parameters take <paramref name="framework"/>'s defaults. Checked: the learning rate and ε are positive and finite (a huge finite one is taken as given),
    /// s₀ is 0 or more and finite (0 is PyTorch's default).</summary>
    public Adagrad(IEnumerable<Parameter<T>> parameters, Framework framework = Framework.PyTorch,
        double? learningRate = null, double? epsilon = null, double? initialAccumulator = null)
        : base(parameters, learningRate ?? (framework == Framework.Keras ? 1e-3 : 1e-2))
    {
        Framework = framework;
        Epsilon = Positive(nameof(epsilon), epsilon ?? (framework == Framework.Keras ? 1e-7 : 1e-10));
        InitialAccumulator = InRange(nameof(initialAccumulator), initialAccumulator ?? (framework == Framework.Keras ? 0.1 : 0), 0, double.MaxValue, closed: true);
        _sum = NewState("sum", InitialAccumulator);
    }

    /// <summary>Whose formula is used.</summary>
    public Framework Framework { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }
    /// <summary>s₀.</summary>
    public double InitialAccumulator { get; }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Adagrad[{Framework}](lr={LearningRate}, eps={Epsilon}, initial_accumulator={InitialAccumulator})");

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> w, ReadOnlySpan<T> g)
    {
        var s = _sum[index];
        bool keras = Framework == Framework.Keras;
        for (int i = 0; i < w.Length; i++)
        {
            double gi = double.CreateTruncating(g[i]);
            s[i] += gi * gi;
            double denom = keras ? Math.Sqrt(s[i] + Epsilon) : Math.Sqrt(s[i]) + Epsilon;
            w[i] = T.CreateTruncating(double.CreateTruncating(w[i]) - LearningRate * gi / denom);
        }
    }
}
