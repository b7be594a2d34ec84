using System.Numerics;
using System.Globalization;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Adam: m = β₁ m + (1 − β₁) g; v = β₂ v + (1 − β₂) g². PyTorch: w −= lr m̂ / (√v̂ + ε) with
/// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), ε 1e-8. Keras: w −= lr √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε),
/// ε 1e-7. Both: lr 0.001, β₁ 0.9, β₂ 0.999.
/// </summary>
public sealed class Adam<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[][] _m, _v;

    /// <summary>Creates the optimizer; null hyper-parameters take <paramref name="framework"/>'s defaults. Checked: the learning rate and ε are positive and finite (a huge finite one is taken as given),
    /// β₁ and β₂ are in [0, 1) (0: no averaging).</summary>
    public Adam(IEnumerable<Parameter<T>> parameters, Framework framework = Framework.PyTorch,
        double? learningRate = null, double beta1 = 0.9, double beta2 = 0.999, double? epsilon = null)
        : base(parameters, learningRate ?? 1e-3)
    {
        Framework = framework;
        Beta1 = InRange(nameof(beta1), beta1, 0, 1);
        Beta2 = InRange(nameof(beta2), beta2, 0, 1);
        Epsilon = Positive(nameof(epsilon), epsilon ?? (framework == Framework.Keras ? 1e-7 : 1e-8));
        _m = NewState("exp_avg"); _v = NewState("exp_avg_sq");
    }

    /// <summary>Whose formula is used.</summary>
    public Framework Framework { get; }
    /// <summary>β₁.</summary>
    public double Beta1 { get; }
    /// <summary>β₂.</summary>
    public double Beta2 { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Adam[{Framework}](lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon})");

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> w, ReadOnlySpan<T> g)
    {
        var m = _m[index]; var v = _v[index];
        double c1 = 1 - Math.Pow(Beta1, Iterations), c2 = 1 - Math.Pow(Beta2, Iterations);
        bool keras = Framework == Framework.Keras;
        double kerasStep = LearningRate * Math.Sqrt(c2) / c1;
        for (int i = 0; i < w.Length; i++)
        {
            double gi = double.CreateTruncating(g[i]);
            m[i] = Beta1 * m[i] + (1 - Beta1) * gi;
            v[i] = Beta2 * v[i] + (1 - Beta2) * gi * gi;
            double step = keras
                ? kerasStep * m[i] / (Math.Sqrt(v[i]) + Epsilon)
                : LearningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon);
            w[i] = T.CreateTruncating(double.CreateTruncating(w[i]) - step);
        }
    }
}
