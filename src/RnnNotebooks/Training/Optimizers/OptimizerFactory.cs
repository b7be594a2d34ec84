using System.Numerics;
using RnnNotebooks.Nn;

namespace RnnNotebooks.Training.Optimizers;

/// <summary>Creates optimizers by name with a framework's default hyper-parameters.</summary>
public static class OptimizerFactory
{
    /// <summary>Known names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "adagrad", "rmsprop", "adam"];

    /// <summary>
    /// "sgd", "adagrad", "rmsprop" or "adam" (case-insensitive) with <paramref name="framework"/>'s
    /// defaults, e.g. <c>Create("rmsprop", model.parameters(), Framework.Keras)</c> is Keras's
    /// <c>optimizer="rmsprop"</c>. A <paramref name="learningRate"/> is positive and finite (a huge finite one is taken as given).
    /// </summary>
    public static Optimizer<T> Create<T>(string name, IEnumerable<Parameter<T>> parameters, Framework framework, double? learningRate = null)
        where T : unmanaged, IFloatingPointIeee754<T> => name.ToLowerInvariant() switch
    {
        "sgd" => new Sgd<T>(parameters, learningRate ?? 0.01),
        "adagrad" => new Adagrad<T>(parameters, framework, learningRate),
        "rmsprop" => new RmsProp<T>(parameters, framework, learningRate),
        "adam" => new Adam<T>(parameters, framework, learningRate),
        _ => throw new ArgumentException($"OptimizerFactory: unknown optimizer '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
