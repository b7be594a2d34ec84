using System.Numerics;
using System.Globalization;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// RMSprop: v = ρ v + (1 − ρ) g²; PyTorch w −= lr g / (√v + ε) (lr 0.01, ρ = alpha 0.99, ε 1e-8);
/// Keras w −= lr g / √(v + ε) (lr 0.001, ρ 0.9, ε 1e-7).
/// </summary>
public sealed class RmsProp<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[][] _v;

    /// <summary>Creates the optimizer; null hyper-parameters take <paramref name="framework"/>'s defaults. Checked: the learning rate and ε are positive and finite (a huge finite one is taken as given),
    /// ρ is in [0, 1) (0: no averaging of squares).</summary>
    public RmsProp(IEnumerable<Parameter<T>> parameters, Framework framework = Framework.PyTorch,
        double? learningRate = null, double? rho = null, double? epsilon = null)
        : base(parameters, learningRate ?? (framework == Framework.Keras ? 1e-3 : 1e-2))
    {
        Framework = framework;
        Rho = InRange(nameof(rho), rho ?? (framework == Framework.Keras ? 0.9 : 0.99), 0, 1);
        Epsilon = Positive(nameof(epsilon), epsilon ?? (framework == Framework.Keras ? 1e-7 : 1e-8));
        _v = NewState("square_avg");
    }

    /// <summary>Whose formula is used.</summary>
    public Framework Framework { get; }
    /// <summary>ρ (PyTorch's alpha).</summary>
    public double Rho { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"RMSprop[{Framework}](lr={LearningRate}, rho={Rho}, eps={Epsilon})");

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> w, ReadOnlySpan<T> g)
    {
        var v = _v[index];
        bool keras = Framework == Framework.Keras;
        for (int i = 0; i < w.Length; i++)
        {
            double gi = double.CreateTruncating(g[i]);
            v[i] = Rho * v[i] + (1 - Rho) * gi * gi;
            double denom = keras ? Math.Sqrt(v[i] + Epsilon) : Math.Sqrt(v[i]) + Epsilon;
            w[i] = T.CreateTruncating(double.CreateTruncating(w[i]) - LearningRate * gi / denom);
        }
    }
}
