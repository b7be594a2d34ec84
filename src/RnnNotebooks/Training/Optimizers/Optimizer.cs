using System.Numerics;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Updates parameters from their gradients. Per-parameter state is kept in double precision;
/// <see cref="step"/> applies one update to every parameter.
/// </summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    protected Optimizer(IEnumerable<Parameter<T>> parameters, double learningRate)
    {
        Parameters = parameters.ToList();
        if (Parameters.Count == 0) throw new ArgumentException($"{GetType().Name.Split('`')[0]}: no parameters to optimize.", nameof(parameters));
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Optimizer: the learning rate must be positive.");
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated by <see cref="step"/>.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Step size; may be changed between steps (schedules).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public int Iterations { get; private set; }

    /// <summary>Short description with the hyper-parameters.</summary>
    public abstract string Describe();

    /// <summary>Applies one update to every parameter from its current gradient.</summary>
    public void step()
    {
        Iterations++;
        for (int i = 0; i < Parameters.Count; i++) Update(i, Parameters[i].Value.Data, Parameters[i].Grad.Data);
    }

    /// <summary>Clears every gradient.</summary>
    public void zero_grad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>Updates parameter <paramref name="index"/> (value w, gradient g) in place.</summary>
    protected abstract void Update(int index, Span<T> w, ReadOnlySpan<T> g);

    /// <summary>A zeroed (or filled) state buffer per parameter.</summary>
    protected double[][] NewState(double fill = 0) =>
        Parameters.Select(p => { var a = new double[p.Value.Length]; if (fill != 0) Array.Fill(a, fill); return a; }).ToArray();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
