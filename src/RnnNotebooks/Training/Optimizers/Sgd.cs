using System.Numerics;
using System.Globalization;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional (Nesterov) momentum, PyTorch's formula:
/// b = μ b + g (b = g at the first step); w −= lr · (nesterov ? g + μ b : b).
/// Keras's form (v = μ v − lr g; w += v) gives the same steps for a constant learning rate.
/// Default learning rate 0.01, Keras's (PyTorch's <c>SGD</c> defaults to 0.001 since version 2.0).
/// </summary>
public sealed class Sgd<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[][] _buffer;

    /// <summary>Creates the optimizer: the learning rate is positive and finite (a huge finite one is taken as given), the momentum in [0, 1) (0: plain SGD).</summary>
    public Sgd(IEnumerable<Parameter<T>> parameters, double learningRate = 0.01, double momentum = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        InRange(nameof(momentum), momentum, 0, 1);
        if (nesterov && momentum == 0) throw new ArgumentException("Sgd: Nesterov momentum needs momentum > 0.", nameof(nesterov));
        Momentum = momentum; Nesterov = nesterov;
        _buffer = NewState("momentum_buffer");
    }

    /// <summary>μ.</summary>
    public double Momentum { get; }
    /// <summary>Whether the step looks ahead along the momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"SGD(lr={LearningRate}, momentum={Momentum}, nesterov={Nesterov})");

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> w, ReadOnlySpan<T> g)
    {
        var b = _buffer[index];
        bool first = Iterations == 1;
        for (int i = 0; i < w.Length; i++)
        {
            double gi = double.CreateTruncating(g[i]), step = gi;
            if (Momentum > 0)
            {
                b[i] = first ? gi : Momentum * b[i] + gi;
                step = Nesterov ? gi + Momentum * b[i] : b[i];
            }
            w[i] = T.CreateTruncating(double.CreateTruncating(w[i]) - LearningRate * step);
        }
    }
}
