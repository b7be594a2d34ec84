using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 05 (LSTM and GRU): 05.1 one LSTM step, 05.2 one GRU step,
/// 05.3 the parameter count of a two-layer LSTM.
/// </summary>
public sealed class Notebook05Exercises : IExerciseSet
{
    /// <summary>The problem of exercise 05.1 (hidden 3).</summary>
    public static LstmStepProblem LstmStep { get; } = MakeLstm();

    /// <summary>The problem of exercise 05.2 (hidden 3).</summary>
    public static GruStepProblem GruStep { get; } = MakeGru();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["05.1"] = CheckLstm,
            ["05.2"] = CheckGru,
            ["05.3"] = CheckCount,
        };

    private static double[] Draw(Rng rng, int n, double bound) => Enumerable.Range(0, n).Select(_ => rng.Uniform(-bound, bound)).ToArray();

    private static LstmStepProblem MakeLstm()
    {
        var rng = new Rng(501);
        return new LstmStepProblem(Draw(rng, 12, 2), Draw(rng, 3, 1.5));
    }

    private static GruStepProblem MakeGru()
    {
        var rng = new Rng(502);
        return new GruStepProblem(Draw(rng, 9, 1.5), Draw(rng, 9, 1.5), Draw(rng, 3, 0.9));
    }

    /// <summary>
    /// The expected (c_t, h_t): the library's <see cref="LstmCell{T}"/>, with the given
    /// pre-activations fed in as the input through Wᵢₕ = identity (and Wₕₕ = 0).
    /// </summary>
    internal static (double[] C, double[] H) Reference(LstmStepProblem p)
    {
        int h = p.Hidden;
        var cell = new LstmCell<double>(Identity(4 * h), new Tensor<double>(4 * h, h));
        var s = cell.Forward(new Tensor<double>(p.Gates.ToArray(), 1, 4 * h), new Tensor<double>(1, h), new Tensor<double>(p.CPrev.ToArray(), 1, h));
        return (s.Cell.Data, s.Hidden.Data);
    }

    /// <summary>
    /// The expected h_t: the library's <see cref="GruCell{T}"/>, with Gi fed in as the input through
    /// Wᵢₕ = identity and Gh as the hidden projection's bias (Wₕₕ = 0).
    /// </summary>
    internal static double[] Reference(GruStepProblem p)
    {
        int h = p.Hidden;
        var cell = new GruCell<double>(Identity(3 * h), new Tensor<double>(3 * h, h), biasHh: new Tensor<double>(p.Gh.ToArray(), 3 * h));
        return cell.Forward(new Tensor<double>(p.Gi.ToArray(), 1, 3 * h), new Tensor<double>(p.HPrev.ToArray(), 1, h)).Hidden.Data;
    }

    private static Tensor<double> Identity(int n)
    {
        var eye = new Tensor<double>(n, n);
        for (int i = 0; i < n; i++) eye.Data[i * n + i] = 1;
        return eye;
    }

    /// <summary>The LSTM step written out with a deliberate mistake (gate blocks moved, wrong activation), to recognise a wrong answer.</summary>
    private static (double[] C, double[] H) Lstm(LstmStepProblem p, int iAt = 0, int fAt = 1, int gAt = 2, int oAt = 3,
        bool gSigmoid = false, bool tanhOnC = true)
    {
        int h = p.Hidden;
        var c = new double[h];
        var hy = new double[h];
        for (int j = 0; j < h; j++)
        {
            double i = Activations.Sigmoid(p.Gates[iAt * h + j]), f = Activations.Sigmoid(p.Gates[fAt * h + j]), o = Activations.Sigmoid(p.Gates[oAt * h + j]);
            double g = gSigmoid ? Activations.Sigmoid(p.Gates[gAt * h + j]) : Math.Tanh(p.Gates[gAt * h + j]);
            c[j] = f * p.CPrev[j] + i * g;
            hy[j] = o * (tanhOnC ? Math.Tanh(c[j]) : c[j]);
        }
        return (c, hy);
    }

    private static ExerciseResult CheckLstm(object? answer)
    {
        const string id = "05.1";
        var p = LstmStep;
        var a = Vectors(answer);
        if (a is null) return ExerciseResult.Fail(id, "no answer yet: return (c, h), two double[] of length " + p.Hidden + ".");
        if (a.Length != 2) return ExerciseResult.Fail(id, $"wrong shape: expected two vectors (c_t, h_t), got {a.Length}.");
        if (a[0].Length != p.Hidden || a[1].Length != p.Hidden)
            return ExerciseResult.Fail(id, $"wrong shape: c_t and h_t have {p.Hidden} entries each (the 12 gate values are 4 blocks of {p.Hidden}), got {a[0].Length} and {a[1].Length}.");
        var (c, h) = Reference(p);
        bool cOk = Close(a[0], c, 1e-9), hOk = Close(a[1], h, 1e-9);
        if (cOk && hOk) return ExerciseResult.Pass(id, $"c_t = {Format(c)}, h_t = {Format(h)}.");
        if (Close(a[0], h, 1e-9) && Close(a[1], c, 1e-9)) return ExerciseResult.Fail(id, "c and h are swapped: return (c, h).");
        if (cOk)
        {
            if (Close(a[1], Lstm(p, tanhOnC: false).H, 1e-9)) return ExerciseResult.Fail(id, "c_t is right; h_t forgot the tanh on the cell: h_t = o ⊙ tanh(c_t).");
            return ExerciseResult.Fail(id, $"c_t is right, h_t is not (largest difference {MaxDiff(a[1], h):G3}): h_t = o ⊙ tanh(c_t), with o = σ(the fourth block).");
        }
        var variants = new ((double[] C, double[] H) Value, string Hint)[]
        {
            (Lstm(p, gAt: 3, oAt: 2), "gate order: PyTorch stacks i, f, g, o (the candidate g is the THIRD block, o the fourth); you swapped g and o."),
            (Lstm(p, iAt: 1, fAt: 0), "input and forget gates swapped: c_t = f ⊙ c_{t−1} + i ⊙ g, with i the first block and f the second."),
            (Lstm(p, iAt: 0, fAt: 2, gAt: 1, oAt: 3), "gate order: the blocks are i, f, g, o; you read f and g from each other's place."),
            (Lstm(p, gSigmoid: true), "the candidate g uses tanh, not the sigmoid (it must be able to be negative)."),
            (Lstm(p, gSigmoid: true, tanhOnC: false), "the candidate g uses tanh (not σ), and h_t = o ⊙ tanh(c_t)."),
        };
        foreach (var (value, hint) in variants)
            if (Close(a[0], value.C, 1e-9)) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"c_t is not right (largest difference {MaxDiff(a[0], c):G3}). With blocks i, f, g, o of {p.Hidden} values: c_t = σ(f) ⊙ c_{{t−1}} + σ(i) ⊙ tanh(g).");
    }

    /// <summary>The GRU step written out with a deliberate mistake (gates swapped, reset gate misplaced), to recognise a wrong answer.</summary>
    private static double[] Gru(GruStepProblem p, int rAt = 0, int zAt = 1, bool swapZ = false, bool rOnAll = false,
        bool noR = false, bool tanhN = true)
    {
        int h = p.Hidden;
        var y = new double[h];
        for (int j = 0; j < h; j++)
        {
            double r = Activations.Sigmoid(p.Gi[rAt * h + j] + p.Gh[rAt * h + j]);
            double z = Activations.Sigmoid(p.Gi[zAt * h + j] + p.Gh[zAt * h + j]);
            double pre = noR ? p.Gi[2 * h + j] + p.Gh[2 * h + j]
                : rOnAll ? r * (p.Gi[2 * h + j] + p.Gh[2 * h + j])
                : p.Gi[2 * h + j] + r * p.Gh[2 * h + j];
            double n = tanhN ? Math.Tanh(pre) : pre;
            y[j] = swapZ ? z * n + (1 - z) * p.HPrev[j] : (1 - z) * n + z * p.HPrev[j];
        }
        return y;
    }

    private static ExerciseResult CheckGru(object? answer)
    {
        const string id = "05.2";
        var p = GruStep;
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, "no answer yet: return h_t as a double[] of length " + p.Hidden + ".");
        if (a.Length != p.Hidden) return ExerciseResult.Fail(id, $"wrong shape: h_t has {p.Hidden} entries (9 = 3 blocks r, z, n of {p.Hidden}), got {a.Length}.");
        var h = Reference(p);
        if (Close(a, h, 1e-9)) return ExerciseResult.Pass(id, $"h_t = {Format(h)}.");
        var variants = new (double[] Value, string Hint)[]
        {
            (Gru(p, swapZ: true), "z and 1 − z swapped: PyTorch's GRU keeps the old state with weight z, h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}."),
            (Gru(p, rOnAll: true), "the reset gate multiplies only the hidden part: n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), not r ⊙ (both parts)."),
            (Gru(p, noR: true), "the reset gate is missing from n: n = tanh(gi_n + r ⊙ gh_n)."),
            (Gru(p, rAt: 1, zAt: 0), "gate order: PyTorch stacks r, z, n (reset first, update second); you swapped r and z."),
            (Gru(p, rAt: 1, zAt: 0, swapZ: true), "gate order r, z, n (you swapped r and z), and h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}."),
            (Gru(p, tanhN: false), "n needs its tanh: n = tanh(gi_n + r ⊙ gh_n)."),
        };
        foreach (var (value, hint) in variants)
            if (Close(a, value, 1e-9)) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"not h_t (largest difference {MaxDiff(a, h):G3}). r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n), h_t = (1 − z) ⊙ n + z ⊙ h_{{t−1}}.");
    }

    private static ExerciseResult CheckCount(object? answer)
    {
        const string id = "05.3";
        if (Scalar(answer) is not double a) return ExerciseResult.Fail(id, "no answer yet: give the count as a number.");
        // Lstm(inputSize: 10, hiddenSize: 20, numLayers: 2): layer l has 4H·(in_l + H + 2) parameters.
        static long Layer(int gates, int input, int hidden, int biases) => (long)gates * hidden * (input + hidden + biases);
        long correct = Layer(4, 10, 20, 2) + Layer(4, 20, 20, 2);
        if (a == correct) return ExerciseResult.Pass(id, $"{correct:N0} = 4·20·(10 + 20 + 2) + 4·20·(20 + 20 + 2).");
        var variants = new (long Value, string Hint)[]
        {
            (Layer(4, 10, 20, 1) + Layer(4, 20, 20, 1), "one bias per gate is Keras's count; PyTorch (and this library) have two bias vectors, bias_ih and bias_hh."),
            (Layer(4, 10, 20, 2), "that is the first layer only; numLayers: 2 stacks a second LSTM on top."),
            (2 * Layer(4, 10, 20, 2), "the second layer reads the first layer's output, so its input size is the hidden size 20, not 10."),
            (Layer(1, 10, 20, 2) + Layer(1, 20, 20, 2), "off by a factor 4: each of the 4 gates (i, f, g, o) has its own weights and biases."),
            (Layer(3, 10, 20, 2) + Layer(3, 20, 20, 2), "3 gates is a GRU; an LSTM has 4 (i, f, g, o)."),
            (Layer(4, 10, 20, 0) + Layer(4, 20, 20, 0), "the biases are missing: two vectors of 4·20 per layer."),
            (2 * Layer(4, 10, 20, 1), "the second layer's input is 20 (the first layer's output), and PyTorch has two biases per gate."),
        };
        foreach (var (value, hint) in variants)
            if (a == value) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"{a:N0} is not it. Per layer: weight_ih 4H×in, weight_hh 4H×H, bias_ih and bias_hh 4H each; in = 10 for layer 0 and 20 for layer 1.");
    }
}
