using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 02 (the RNN forward pass):
/// 02.1 one step h₁ = tanh(Wᵢₕ x + bᵢₕ + Wₕₕ h₀ + bₕₕ) by hand;
/// 02.2 the parameter count of a two-layer LSTM;
/// 02.3 the output and final-state shapes of a stacked bidirectional GRU.
/// The data of 02.1 are public so the notebook can show them; each getter returns a fresh copy.
/// </summary>
public sealed class Notebook02Exercises : IExerciseSet
{
    /// <summary>02.1: Wᵢₕ [hidden 3, input 3].</summary>
    public static double[,] WIh => new double[,] { { 0.5, -0.3, 0.8 }, { 0.1, 0.9, -0.4 }, { -0.7, 0.2, 0.6 } };
    /// <summary>02.1: Wₕₕ [hidden 3, hidden 3].</summary>
    public static double[,] WHh => new double[,] { { 0.3, -0.6, 0.2 }, { 0.5, 0.1, -0.3 }, { -0.2, 0.4, 0.7 } };
    /// <summary>02.1: bᵢₕ [3].</summary>
    public static double[] BIh => [0.1, -0.2, 0.05];
    /// <summary>02.1: bₕₕ [3].</summary>
    public static double[] BHh => [-0.1, 0.3, 0.2];
    /// <summary>02.1: the input x₁ [3].</summary>
    public static double[] X => [1.0, -0.5, 2.0];
    /// <summary>02.1: the previous state h₀ [3].</summary>
    public static double[] H0 => [0.2, -0.4, 0.6];

    /// <summary>02.2: the LSTM whose parameters are counted (PyTorch's nn.LSTM, both bias vectors).</summary>
    public const int LstmInput = 10, LstmHidden = 20, LstmLayers = 2;

    /// <summary>02.3: a GRU with these settings reads a batch [Batch, Steps, GruInput].</summary>
    public const int GruInput = 8, GruHidden = 16, GruLayers = 3, Batch = 4, Steps = 7;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } = new Dictionary<string, Func<object?, ExerciseResult>>
    {
        ["02.1"] = CheckStep,
        ["02.2"] = CheckLstmCount,
        ["02.3"] = CheckGruShapes,
    };

    // ---- 02.1 ---------------------------------------------------------------------------

    /// <summary>The expected h₁: the library's <see cref="RnnCell{T}"/> on the exercise's data.</summary>
    internal static double[] Reference()
    {
        var cell = new RnnCell<double>(Tensor.FromArray(WIh), Tensor.FromArray(WHh), Tensor.FromArray(BIh), Tensor.FromArray(BHh));
        return cell.Forward(new Tensor<double>(X, 1, 3), new Tensor<double>(H0, 1, 3)).Hidden.Data;
    }

    /// <summary>The step written out with a deliberate mistake, to recognise a wrong answer.</summary>
    private static double[] Step(bool transposeIh = false, bool transposeHh = false, bool biasIh = true, bool biasHh = true,
        bool recurrent = true, Func<double, double>? phi = null)
    {
        phi ??= Math.Tanh;
        double[,] wih = WIh, whh = WHh;
        double[] x = X, h0 = H0, bih = BIh, bhh = BHh, h1 = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double a = (biasIh ? bih[i] : 0) + (biasHh ? bhh[i] : 0);
            for (int j = 0; j < 3; j++)
            {
                a += (transposeIh ? wih[j, i] : wih[i, j]) * x[j];
                if (recurrent) a += (transposeHh ? whh[j, i] : whh[i, j]) * h0[j];
            }
            h1[i] = phi(a);
        }
        return h1;
    }

    private static ExerciseResult CheckStep(object? answer)
    {
        const string id = "02.1";
        var h1 = Vector(answer);
        if (h1 is null)
            return ExerciseResult.Fail(id, answer is null
                ? "no answer yet: compute h1 (a double[3]) and pass it to the check."
                : $"expected a double[3] (or float[]/Tensor), got {Describe(answer)}.");
        if (h1.Length != 3) return ExerciseResult.Fail(id, $"h1 has {h1.Length} elements; the hidden size is 3, so h1 has 3 (one per row of W_ih).");
        if (h1.Any(v => !double.IsFinite(v))) return ExerciseResult.Fail(id, "h1 contains NaN or infinity.");
        var correct = Reference();
        const double tol = 1e-6;
        if (Close(h1, correct, tol)) return ExerciseResult.Pass(id, $"h1 = {Format(correct)}.");

        var wrong = new (double[] Value, string Hint)[]
        {
            (Step(biasHh: false), "you forgot b_hh: PyTorch's RNN adds two bias vectors, b_ih and b_hh."),
            (Step(biasIh: false), "you forgot b_ih: PyTorch's RNN adds two bias vectors, b_ih and b_hh."),
            (Step(biasIh: false, biasHh: false), "you left out both biases b_ih and b_hh."),
            (Step(transposeHh: true), "W_hh is transposed: row i of W_hh gives unit i's weights, so a_i += W_hh[i, j] · h0[j] (not W_hh[j, i])."),
            (Step(transposeIh: true), "W_ih is transposed: W_ih is [hidden, input], so a_i += W_ih[i, j] · x[j] (not W_ih[j, i])."),
            (Step(transposeIh: true, transposeHh: true), "both matrices are transposed: use W[i, j] · v[j], row i for hidden unit i."),
            (Step(phi: v => 1 / (1 + Math.Exp(-v))), "you used the sigmoid; the simple RNN's nonlinearity is tanh."),
            (Step(phi: v => v), "you returned the pre-activation a; apply tanh to it."),
            (Step(phi: v => Math.Max(0, v)), "you used relu; this exercise (and the default RNN) uses tanh."),
            (Step(recurrent: false), "the recurrent term W_hh · h0 is missing: the previous state must enter the step."),
        };
        foreach (var (value, hint) in wrong)
            if (Close(h1, value, 1e-4)) return ExerciseResult.Fail(id, hint);
        if (Close(h1.Select(v => -v).ToArray(), correct, 1e-4)) return ExerciseResult.Fail(id, "sign error: every element has the wrong sign.");
        return ExerciseResult.Fail(id, $"not yet: the largest difference from the expected h1 is {MaxDiff(h1, correct):G3}. Check each term of a = W_ih x + b_ih + W_hh h0 + b_hh, then tanh.");
    }

    // ---- 02.2 ---------------------------------------------------------------------------

    /// <summary>Parameters of a stacked recurrent layer with <paramref name="gates"/> blocks.</summary>
    private static long Count(int gates, int input, int hidden, int layers, int biases, bool layer1ReadsInput = false)
    {
        long total = 0;
        for (int l = 0; l < layers; l++)
        {
            int inL = l == 0 || layer1ReadsInput ? input : hidden;
            total += (long)gates * hidden * (inL + hidden) + (long)biases * gates * hidden;
        }
        return total;
    }

    private static ExerciseResult CheckLstmCount(object? answer)
    {
        const string id = "02.2";
        long? n = answer switch { int i => i, long l => l, double d when d == Math.Floor(d) => (long)d, _ => null };
        if (n is null)
            return ExerciseResult.Fail(id, answer is null ? "no answer yet: compute the count (a whole number) and pass it to the check." : $"expected a whole number, got {Describe(answer)}.");
        if (n <= 0) return ExerciseResult.Fail(id, "no answer yet: a parameter count is a positive whole number.");
        int I = LstmInput, H = LstmHidden, L = LstmLayers;
        long correct = Count(4, I, H, L, 2);
        if (n == correct) return ExerciseResult.Pass(id, $"{correct:N0} parameters: per layer 4H(in + H) + 2·4H, and layer 1 reads the H = {H} outputs of layer 0.");
        var wrong = new (long Value, string Hint)[]
        {
            (Count(4, I, H, L, 1), "that is Keras's count with one bias vector per gate block; PyTorch's LSTM (and this library) has two, b_ih and b_hh, each 4H."),
            (Count(4, I, H, L, 2, layer1ReadsInput: true), $"layer 1 does not read the input x: its input is layer 0's output, H = {H} features, not {I}."),
            (Count(4, I, H, L, 1, layer1ReadsInput: true), $"two mistakes: one bias per gate block (PyTorch has b_ih and b_hh), and layer 1's input is H = {H}, not {I}."),
            (Count(4, I, H, 1, 2), "that is one layer; the LSTM has two stacked layers."),
            (Count(3, I, H, L, 2), "3 gate blocks is a GRU; an LSTM has 4 (input, forget, cell, output)."),
            (Count(1, I, H, L, 2), "that is a simple RNN; an LSTM has 4 gate blocks, each with its own weights."),
            (Count(4, I, H, L, 0), "you left out the biases: each layer has b_ih and b_hh, each 4H."),
            (2 * correct, "off by a factor 2: the LSTM is not bidirectional."),
        };
        foreach (var (value, hint) in wrong)
            if (n == value) return ExerciseResult.Fail(id, hint);
        return ExerciseResult.Fail(id, $"not yet ({n:N0}). Count weight_ih [4H, in], weight_hh [4H, H], bias_ih [4H], bias_hh [4H] for each layer.");
    }

    // ---- 02.3 ---------------------------------------------------------------------------

    private static ExerciseResult CheckGruShapes(object? answer)
    {
        const string id = "02.3";
        int[]? output = null, finalH = null;
        if (answer is ValueTuple<int[], int[]> t) (output, finalH) = t;
        else if (answer is System.Runtime.CompilerServices.ITuple { Length: 2 } tt) (output, finalH) = (Ints(tt[0]), Ints(tt[1]));
        if (output is null || finalH is null)
            return ExerciseResult.Fail(id, answer is null || answer is System.Runtime.CompilerServices.ITuple { Length: 2 }
                ? "no answer yet: give both shapes, (Output: new[] { ... }, FinalH: new[] { ... })."
                : $"expected a tuple (int[] Output, int[] FinalH), got {Describe(answer)}.");
        int B = Batch, T = Steps, H = GruHidden, L = GruLayers;
        int[] outOk = [B, T, 2 * H], hOk = [2 * L, B, H];
        var problems = new List<string>();
        if (!output.SequenceEqual(outOk))
        {
            string hint = output switch
            {
                _ when output.SequenceEqual(new[] { B, T, H }) => "Output: each step concatenates the forward and the backward direction, so the last axis is 2·hidden.",
                _ when output.SequenceEqual(new[] { B, 2 * H }) => "Output: with returnSequences: true the layer returns every step, [batch, steps, …].",
                _ when output.SequenceEqual(new[] { T, B, 2 * H }) => "Output: the library is batch-first, [batch, steps, features].",
                _ when output.SequenceEqual(new[] { B, T, L * H }) || output.SequenceEqual(new[] { B, T, 2 * L * H }) => "Output: only the top layer's outputs come out; stacking does not widen the output.",
                _ when output.SequenceEqual(new[] { B, T, 3 * H }) || output.SequenceEqual(new[] { B, T, 6 * H }) => "Output: the GRU's 3 gates live inside the weights; each direction outputs hidden values per step.",
                _ => $"Output {Format(output)} is not right: think [batch, steps, directions·hidden].",
            };
            problems.Add(hint);
        }
        if (!finalH.SequenceEqual(hOk))
        {
            string hint = finalH switch
            {
                _ when finalH.SequenceEqual(new[] { B, 2 * L, H }) => "FinalH: the state is laid out like PyTorch's h_n, [layers·directions, batch, hidden], not batch-first.",
                _ when finalH.SequenceEqual(new[] { L, B, H }) => "FinalH: every layer has two directions, each with its own final state: 2·layers rows.",
                _ when finalH.SequenceEqual(new[] { L, B, 2 * H }) => "FinalH: the two directions are separate rows of h_n ([layers·directions, batch, hidden]), not concatenated.",
                _ when finalH.SequenceEqual(new[] { 2, B, H }) => "FinalH: every one of the 3 layers keeps its final state, not only the top one.",
                _ when finalH.SequenceEqual(new[] { B, 2 * H }) => "FinalH: that is the last output; the final state holds every layer and direction, [layers·directions, batch, hidden].",
                _ => $"FinalH {Format(finalH)} is not right: think [layers·directions, batch, hidden].",
            };
            problems.Add(hint);
        }
        return problems.Count == 0
            ? ExerciseResult.Pass(id, $"Output {Format(outOk)}, FinalH {Format(hOk)}.")
            : ExerciseResult.Fail(id, string.Join(" ", problems));
    }
}
