using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>One LSTM step's backward problem (exercise 05.3).</summary>
/// <param name="Step">The forward step: gate pre-activations and c_{t−1}.</param>
/// <param name="DH">∂L/∂h_t arriving at the step.</param>
/// <param name="DC">∂L/∂c_t arriving from the next step.</param>
public sealed record LstmBackwardProblem(LstmStepProblem Step, double[] DH, double[] DC);

/// <summary>
/// Exercises of notebook 05 (LSTM and GRU): 05.1 one LSTM step, 05.2 one GRU step,
/// 05.3 one LSTM backward step, checked against finite differences.
/// </summary>
public sealed class Notebook05Exercises : IExerciseSet
{
    /// <summary>The problem of exercise 05.1 (hidden 3).</summary>
    public static LstmStepProblem LstmStep { get; } = MakeLstm();

    /// <summary>The problem of exercise 05.2 (hidden 3).</summary>
    public static GruStepProblem GruStep { get; } = MakeGru();

    /// <summary>The problem of exercise 05.3: the step of 05.1 with gradients arriving at h_t and c_t.</summary>
    public static LstmBackwardProblem LstmBackward { get; } = MakeLstmBackward();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["05.1"] = CheckLstm,
            ["05.2"] = CheckGru,
            ["05.3"] = CheckBackward,
        };

    private static double[] Draw(Rng rng, int n, double bound) => Enumerable.Range(0, n).Select(_ => rng.Uniform(-bound, bound)).ToArray();

    private static LstmStepProblem MakeLstm()
    {
        var rng = new Rng(501);
        return new LstmStepProblem(Draw(rng, 12, 2), Draw(rng, 3, 1.5));
    }

    private static LstmBackwardProblem MakeLstmBackward()
    {
        var rng = new Rng(503);
        return new LstmBackwardProblem(LstmStep, Draw(rng, 3, 1), Draw(rng, 3, 1));
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
        var s = LibraryStep(p);
        return (s.Cell.Data, s.Hidden.Data);
    }

    /// <summary>The library's LSTM step on the problem, gates included.</summary>
    private static LstmStep<double> LibraryStep(LstmStepProblem p)
    {
        int h = p.Hidden;
        var cell = new LstmCell<double>(Identity(4 * h), new Tensor<double>(4 * h, h));
        return cell.Forward(new Tensor<double>(p.Gates.ToArray(), 1, 4 * h), new Tensor<double>(1, h), new Tensor<double>(p.CPrev.ToArray(), 1, h));
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

    /// <summary>
    /// The library's LSTM step with a deliberate mistake, to recognise a wrong answer: the gates i, f,
    /// g, o read from blocks iAt, fAt, gAt, oAt; or the candidate through σ instead of tanh; or
    /// h_t = o ⊙ c_t without the tanh. Only the slipped line is written here.
    /// </summary>
    private static (double[] C, double[] H) Lstm(LstmStepProblem p, int iAt = 0, int fAt = 1, int gAt = 2, int oAt = 3,
        bool gSigmoid = false, bool tanhOnC = true)
    {
        int h = p.Hidden;
        var moved = new double[4 * h];                       // the blocks where the library reads i, f, g, o
        int[] from = [iAt, fAt, gAt, oAt];
        for (int k = 0; k < 4; k++) Array.Copy(p.Gates, from[k] * h, moved, k * h, h);
        var s = LibraryStep(new LstmStepProblem(moved, p.CPrev));
        var (i, f, o) = (s.InputGate.Data, s.ForgetGate.Data, s.OutputGate.Data);
        var c = gSigmoid                                     // the slip: g = σ(a_g)
            ? Enumerable.Range(0, h).Select(j => f[j] * p.CPrev[j] + i[j] * Activations.Sigmoid(moved[2 * h + j])).ToArray()
            : s.Cell.Data;
        var hy = gSigmoid || !tanhOnC                        // the slip: h_t = o ⊙ c_t
            ? Enumerable.Range(0, h).Select(j => o[j] * (tanhOnC ? Math.Tanh(c[j]) : c[j])).ToArray()
            : s.Hidden.Data;
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

    /// <summary>The GRU step written out with a deliberate mistake (gates swapped, reset gate misplaced), to recognise a wrong answer; the expected answer is <see cref="Reference(GruStepProblem)"/>, the library's cell.</summary>
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

    /// <summary>
    /// The reference answer of 05.3 by central finite differences of L = dh·h_t + dc·c_t: the gradient with
    /// respect to the 4·hidden gate pre-activations, then with respect to c_{t−1}; the forward step is the library's.
    /// </summary>
    internal static (double[] DGates, double[] DCPrev) NumericBackward(LstmBackwardProblem p, double eps = 1e-6)
    {
        double Loss(double[] gates, double[] cPrev)
        {
            var (c, h) = Reference(new LstmStepProblem(gates, cPrev));
            return Enumerable.Range(0, c.Length).Sum(j => p.DH[j] * h[j] + p.DC[j] * c[j]);
        }
        double[] Gradient(double[] x, Func<double[], double> f) => Enumerable.Range(0, x.Length).Select(k =>
        {
            var up = (double[])x.Clone(); up[k] += eps;
            var down = (double[])x.Clone(); down[k] -= eps;
            return (f(up) - f(down)) / (2 * eps);
        }).ToArray();
        return (Gradient(p.Step.Gates, g => Loss(g, p.Step.CPrev)), Gradient(p.Step.CPrev, c => Loss(p.Step.Gates, c)));
    }

    /// <summary>
    /// The analytic backward step with one of two classic slips, to name them in hints: the path
    /// from h_t into dc_t left out, or σ used as its own derivative. The gates are the library's forward step's.
    /// </summary>
    private static (double[] DGates, double[] DCPrev) Backward(LstmBackwardProblem p, bool hPathToC = true, bool sigmoidPrime = true)
    {
        int n = p.Step.Hidden;
        var da = new double[4 * n];
        var dcPrev = new double[n];
        var s = LibraryStep(p.Step);
        for (int j = 0; j < n; j++)
        {
            double i = s.InputGate.Data[j], f = s.ForgetGate.Data[j], g = s.Candidate.Data[j], o = s.OutputGate.Data[j];
            double tau = s.TanhCell.Data[j];
            double dc = p.DC[j] + (hPathToC ? p.DH[j] * o * (1 - tau * tau) : 0);
            double S(double v) => sigmoidPrime ? v * (1 - v) : v;
            da[j] = dc * g * S(i);
            da[n + j] = dc * p.Step.CPrev[j] * S(f);
            da[2 * n + j] = dc * i * (1 - g * g);
            da[3 * n + j] = p.DH[j] * tau * S(o);
            dcPrev[j] = dc * f;
        }
        return (da, dcPrev);
    }

    private static ExerciseResult CheckBackward(object? answer)
    {
        const string id = "05.3";
        var p = LstmBackward;
        int n = p.Step.Hidden;
        var a = Vectors(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return (dGates, dCPrev), a double[{4 * n}] and a double[{n}].");
        if (a.Length != 2 || a[0].Length != 4 * n || a[1].Length != n)
            return ExerciseResult.Fail(id, $"wrong shape: expected (dGates [{4 * n}], dCPrev [{n}]), got {string.Join(" and ", a.Select(v => $"[{v.Length}]"))}.");
        var (dGates, dCPrev) = NumericBackward(p);
        bool gatesOk = Close(a[0], dGates, 1e-6), cOk = Close(a[1], dCPrev, 1e-6);
        if (gatesOk && cOk)
            return ExerciseResult.Pass(id, $"agrees with central finite differences (largest difference {Math.Max(MaxDiff(a[0], dGates), MaxDiff(a[1], dCPrev)):G2}).");
        var noHPath = Backward(p, hPathToC: false);
        if (Close(a[0], noHPath.DGates, 1e-9) && Close(a[1], noHPath.DCPrev, 1e-9))
            return ExerciseResult.Fail(id, "dc_t is missing the path through h_t: before using it, add dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) to the dc_t that arrived.");
        if (Close(a[0], Backward(p, sigmoidPrime: false).DGates, 1e-9))
            return ExerciseResult.Fail(id, "the sigmoid gates use σ as their own derivative: σ'(a) = σ(a)(1 − σ(a)).");
        if (gatesOk) return ExerciseResult.Fail(id, $"dGates is right; dCPrev is not (largest difference {MaxDiff(a[1], dCPrev):G3}): dc_{{t−1}} = dc_t ⊙ f_t, with the complete dc_t.");
        return ExerciseResult.Fail(id, $"not yet: the largest difference from finite differences is {MaxDiff(a[0], dGates):G3} in dGates (order i, f, g, o). Go line by line: do, dc, then df, di, dg, then through σ' and tanh'.");
    }
}
