using System.Numerics;
using System.Runtime.CompilerServices;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of <c>00-setup.ipynb</c>: "00.1" a batch-first tensor, "00.2" a <see cref="RNN{T}"/>
/// built with the library plus its parameter count predicted by hand.
/// </summary>
public sealed class Notebook00Exercises : IExerciseSet
{
    /// <summary>00.1: the expected shape [batch, steps, features].</summary>
    public static readonly int[] TensorShape = [2, 3, 4];

    /// <summary>00.2: the layer to build.</summary>
    public const int RnnInput = 8, RnnHidden = 16;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["00.1"] = CheckBatchFirstTensor,
            ["00.2"] = CheckRnn,
        };

    /// <summary>
    /// 00.1: a tensor of shape [2, 3, 4] (batch, steps, features) with x[b, t, f] = 10·b + t,
    /// so every value tells which sample and which step it belongs to. float or double.
    /// </summary>
    public static ExerciseResult CheckBatchFirstTensor(object? answer)
    {
        const string id = "00.1";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: replace null with your tensor.");
        (int[] shape, double[] data)? t = answer switch
        {
            Tensor<float> f => (f.Shape, f.ToDoubleArray()),
            Tensor<double> d => (d.Shape, d.ToDoubleArray()),
            _ => null,
        };
        if (t is not var (shape, data))
            return ExerciseResult.Fail(id, $"expected a Tensor<float> or Tensor<double>, got {answer.GetType().Name}.");
        string got = Tensor.Format(shape);
        if (shape.Length != 3)
            return ExerciseResult.Fail(id, $"the tensor has shape {got} (rank {shape.Length}); a batch of sequences has rank 3: [batch, steps, features] = [2, 3, 4].");
        if (shape.SequenceEqual([3, 2, 4]))
            return ExerciseResult.Fail(id, $"shape {got} is time-first [steps, batch, features] (PyTorch's default batch_first=False). This library is batch-first: [batch, steps, features] = [2, 3, 4].");
        if (shape.SequenceEqual([2, 4, 3]))
            return ExerciseResult.Fail(id, $"shape {got} has steps and features swapped: the features of one step are the last axis, [batch, steps, features] = [2, 3, 4].");
        if (!shape.SequenceEqual(TensorShape))
            return ExerciseResult.Fail(id, $"shape {got}, expected [batch, steps, features] = [2, 3, 4].");
        if (data.All(v => v == 0))
            return ExerciseResult.Fail(id, "the shape is right but every value is 0: fill in x[b, t, f] = 10·b + t.");
        bool Matches(Func<int, int, int, double> f)
        {
            int k = 0;
            for (int b = 0; b < 2; b++)
                for (int s = 0; s < 3; s++)
                    for (int j = 0; j < 4; j++)
                        if (data[k++] != f(b, s, j)) return false;
            return true;
        }
        if (Matches((b, s, _) => 10 * b + s))
            return ExerciseResult.Pass(id, "shape [2, 3, 4] and x[b, t, f] = 10·b + t: sample b, step t, all 4 features.");
        if (Matches((b, s, _) => 10 * s + b))
            return ExerciseResult.Fail(id, "b and t are swapped: the value should be 10·b + t (tens = sample, units = step), you wrote 10·t + b.");
        if (Matches((b, s, j) => 10 * b + j))
            return ExerciseResult.Fail(id, "the values follow the feature index f instead of the step t: x[b, t, f] = 10·b + t, the same for every feature of a step.");
        if (Matches((b, s, j) => b * 12 + s * 4 + j))
            return ExerciseResult.Fail(id, "the values are 0, 1, 2, … in memory order (the flat index). Set x[b, t, f] = 10·b + t instead.");
        int flat = 0;
        for (int b = 0; b < 2; b++)
            for (int s = 0; s < 3; s++)
                for (int j = 0; j < 4; j++, flat++)
                    if (data[flat] != 10 * b + s)
                        return ExerciseResult.Fail(id, $"x[{b}, {s}, {j}] is {data[flat]}, expected 10·{b} + {s} = {10 * b + s}. Row-major order: the last index (feature) changes fastest.");
        return ExerciseResult.Fail(id, "unexpected values.");
    }

    /// <summary>
    /// 00.2: a tuple (layer, predictedParameters): an RNN with 8 inputs, 16 hidden units, one
    /// layer, one direction, returning the whole sequence; and its parameter count predicted with
    /// H·I + H·H + 2·H (PyTorch keeps two bias vectors). The checker runs the layer on a batch.
    /// </summary>
    public static ExerciseResult CheckRnn(object? answer)
    {
        const string id = "00.2";
        if (answer is null) return ExerciseResult.Fail(id, "no answer yet: give (layer, predictedParameters).");
        if (answer is not ITuple { Length: 2 } tuple)
            return ExerciseResult.Fail(id, $"expected a pair (layer, predictedParameters), got {answer.GetType().Name}.");
        object? layer = tuple[0], predicted = tuple[1];
        if (layer is null) return ExerciseResult.Fail(id, "the layer is null: build it with new RNN<double>(...).");
        var verdict = layer switch
        {
            RNNBase<double> d => CheckLayer(d),
            RNNBase<float> f => CheckLayer(f),
            _ => $"the first item is a {layer.GetType().Name}, not a recurrent layer: build new RNN<double>(...).",
        };
        if (verdict is not null) return ExerciseResult.Fail(id, verdict);
        long expected = (long)RnnHidden * RnnInput + (long)RnnHidden * RnnHidden + 2L * RnnHidden;
        long? count = predicted switch
        {
            int i => i,
            long l => l,
            double x when x == Math.Floor(x) => (long)x,
            _ => null,
        };
        if (count is not long n)
            return ExerciseResult.Fail(id, $"the layer is right; the second item should be your predicted parameter count as a whole number, got {predicted?.GetType().Name ?? "null"}.");
        if (n == expected)
            return ExerciseResult.Pass(id, $"RNN(8 → 16, returnSequences) gives [batch, steps, 16], and {n} = 16·8 (weight_ih) + 16·16 (weight_hh) + 16 (bias_ih) + 16 (bias_hh) parameters.");
        string hint = n switch
        {
            _ when n == expected - 2 * RnnHidden => "you left out the biases: weight_ih and weight_hh are there, but also bias_ih [16] and bias_hh [16].",
            _ when n == expected - RnnHidden => "that is one bias vector (Keras's SimpleRNN count). PyTorch's layout, used here, keeps two: bias_ih and bias_hh, both [16].",
            _ when n == expected - RnnHidden * RnnHidden => "you left out the recurrent weights weight_hh [16, 16]: they carry h(t−1) into step t.",
            _ when n == expected - RnnHidden * RnnInput => "you left out the input weights weight_ih [16, 8].",
            _ when n == (long)RnnHidden * RnnInput + RnnHidden * RnnHidden => "you left out the biases bias_ih [16] and bias_hh [16].",
            _ when n == (long)RnnInput * RnnInput + RnnHidden * RnnHidden + 2 * RnnHidden || n == (long)RnnHidden * RnnHidden * 2 + 2 * RnnHidden =>
                "weight_ih is [hidden, input] = [16, 8] and weight_hh is [hidden, hidden] = [16, 16].",
            _ => "count weight_ih [H, I], weight_hh [H, H], bias_ih [H], bias_hh [H] with I = 8, H = 16.",
        };
        return ExerciseResult.Fail(id, $"the layer is right, but the predicted count {n} is off by {n - expected:+#;-#;0}: {hint}");
    }

    private static string? CheckLayer<T>(RNNBase<T> layer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layer is not RNN<T>)
            return $"that is a {layer.GetType().Name.Split('`')[0]}; this exercise asks for an RNN.";
        if (layer.InputSize == RnnHidden && layer.HiddenSize == RnnInput)
            return "input and hidden sizes are swapped: the constructor takes (inputSize: 8, hiddenSize: 16).";
        if (layer.InputSize != RnnInput)
            return $"inputSize is {layer.InputSize}; each step has 8 features, so inputSize = 8.";
        if (layer.HiddenSize != RnnHidden)
            return $"hiddenSize is {layer.HiddenSize}, expected 16.";
        if (layer.NumLayers != 1) return $"numLayers is {layer.NumLayers}, expected 1.";
        if (layer.Bidirectional) return "the layer is bidirectional; this exercise asks for one direction.";
        if (!layer.ReturnSequences)
            return "returnSequences is false (the Keras default), so the layer returns only the last step, [batch, 16]. Pass returnSequences: true to get every step.";
        var x = Tensor.Full(T.One, 2, 5, RnnInput);
        var y = layer.forward(x);
        if (!y.Shape.SequenceEqual([2, 5, RnnHidden]))
            return $"a batch [2, 5, 8] gave {Tensor.Format(y.Shape)}, expected [2, 5, 16].";
        return null;
    }
}
