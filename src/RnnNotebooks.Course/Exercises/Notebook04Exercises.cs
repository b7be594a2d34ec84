using System.Globalization;
using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>
/// Exercises of notebook 04 (vanishing and exploding gradients): 04.1 back-propagate through the
/// product of Jacobians, 04.2 clip gradients by their global norm, 04.3 the adding problem's baseline MSE.
/// </summary>
public sealed class Notebook04Exercises : IExerciseSet
{
    /// <summary>The problem of exercise 04.1: a tanh RNN of 4 units run for 6 steps.</summary>
    public static JacobianProblem Jacobian { get; } = MakeJacobian();

    /// <summary>The problem of exercise 04.2: three gradients whose global norm is above the threshold.</summary>
    public static ClipProblem Clip { get; } = new(
        [[3.0, -4.0], [12.0], [0.5, -2.0, 6.0, 1.0]], 5.0);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Func<object?, ExerciseResult>> Checks { get; } =
        new Dictionary<string, Func<object?, ExerciseResult>>
        {
            ["04.1"] = CheckJacobian,
            ["04.2"] = CheckClip,
            ["04.3"] = CheckBaseline,
        };

    private static JacobianProblem MakeJacobian()
    {
        const int hidden = 4, steps = 6;
        var rng = new Rng(404);
        var w = new double[hidden, hidden];
        for (int i = 0; i < hidden; i++) for (int j = 0; j < hidden; j++) w[i, j] = rng.Uniform(-0.9, 0.9);
        // The states come from the library's RnnCell; the input's contribution W_ih x_t + b is drawn at
        // random and fed in as x_t through W_ih = identity.
        var cell = new RnnCell<double>(Identity(hidden), Tensor.FromArray(w));
        var states = new double[steps + 1][];
        states[0] = new double[hidden];
        for (int t = 1; t <= steps; t++)
        {
            var x = new Tensor<double>(1, hidden);
            for (int i = 0; i < hidden; i++) x.Data[i] = rng.Uniform(-1, 1);
            states[t] = cell.Forward(x, new Tensor<double>(states[t - 1], 1, hidden)).Hidden.Data;
        }
        var u = new double[hidden];
        for (int i = 0; i < hidden; i++) u[i] = rng.Uniform(-1, 1);
        return new JacobianProblem(w, states, u);
    }

    /// <summary>g ← step(g, k) for k = T..last; the variants below differ only in step.</summary>
    private static double[] Backprop(JacobianProblem p, Func<double[], int, double[]> step, int last = 1)
    {
        var g = (double[])p.FinalGradient.Clone();
        for (int k = p.Steps; k >= last; k--) g = step(g, k);
        return g;
    }

    private static double[] MulT(double[,] w, double[] v, bool transpose)
    {
        int n = v.Length;
        var r = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i] += (transpose ? w[j, i] : w[i, j]) * v[j];
        return r;
    }

    private static double[] Times(double[] a, Func<int, double> f) => a.Select((v, i) => v * f(i)).ToArray();

    /// <summary>
    /// ∂L/∂h₀ = ∂L/∂h_T · Π diag(1 − h_k²) W_hh: the library's <see cref="RnnCell{T}"/> stepping back
    /// from h_T to h₀ (g ← W_hhᵀ (g ⊙ (1 − h_k²)); the input plays no part, so it is empty).
    /// </summary>
    internal static double[] JacobianAnswer(JacobianProblem p)
    {
        int n = p.FinalGradient.Length;
        var cell = new RnnCell<double>(new Tensor<double>(n, 1), Tensor.FromArray(p.Whh));
        var g = new Tensor<double>((double[])p.FinalGradient.Clone(), 1, n);
        for (int k = p.Steps; k >= 1; k--)
            g = cell.Backward(new RnnStep<double>(new Tensor<double>(1, 1), new Tensor<double>(p.States[k - 1], 1, n), new Tensor<double>(p.States[k], 1, n)), g).HiddenPrev;
        return g.Data;
    }

    private static Tensor<double> Identity(int n)
    {
        var eye = new Tensor<double>(n, n);
        for (int i = 0; i < n; i++) eye.Data[i * n + i] = 1;
        return eye;
    }

    private static ExerciseResult CheckJacobian(object? answer)
    {
        const string id = "04.1";
        var p = Jacobian;
        var a = Vector(answer);
        if (a is null) return ExerciseResult.Fail(id, "no answer yet: return ∂L/∂h₀ as a double[] of length " + p.FinalGradient.Length + ".");
        if (a.Length != p.FinalGradient.Length)
            return ExerciseResult.Fail(id, $"wrong shape: ∂L/∂h₀ has one entry per hidden unit ({p.FinalGradient.Length}), your answer has {a.Length}.");
        var correct = JacobianAnswer(p);
        if (Close(a, correct, 1e-9)) return ExerciseResult.Pass(id, $"∂L/∂h₀ = {Format(a)}: six Jacobians multiplied, ‖∂L/∂h₀‖ / ‖∂L/∂h_T‖ = {Norm(a) / Norm(p.FinalGradient):G3}.");

        var hints = new (double[] Value, string Hint)[]
        {
            (Backprop(p, (g, k) => MulT(p.Whh, Times(g, i => 1 - p.States[k][i] * p.States[k][i]), transpose: false)),
                "transposed matrix: back-propagation multiplies by W_hhᵀ (the Jacobian is diag(1 − h_k²) W_hh and the gradient is a row vector), you used W_hh."),
            (Backprop(p, (g, k) => MulT(p.Whh, g, transpose: true)),
                "the tanh derivative is missing: each step multiplies by diag(1 − h_k²) before W_hhᵀ (you computed the linear recurrence)."),
            (Backprop(p, (g, k) => Times(MulT(p.Whh, g, transpose: true), i => 1 - p.States[k][i] * p.States[k][i])),
                "right factors, wrong order: the derivative of h_k = tanh(W_hh h_{k−1} + …) is diag(1 − h_k²) W_hh, so its transpose applies (1 − h_k²) first, then W_hhᵀ."),
            (Backprop(p, (g, k) => MulT(p.Whh, Times(g, i => 1 - p.States[k - 1][i] * p.States[k - 1][i]), transpose: true)),
                "off by one step: the derivative of h_k = tanh(a_k) is 1 − h_k² at the same step k (you used h_{k−1})."),
            (Backprop(p, (g, k) => MulT(p.Whh, Times(g, i => 1 - p.States[k][i]), transpose: true)),
                "tanh′(a) = 1 − tanh(a)² = 1 − h², squared; you used 1 − h."),
            (Backprop(p, (g, k) => MulT(p.Whh, Times(g, i => 1 - Math.Pow(Math.Tanh(p.States[k][i]), 2)), transpose: true)),
                "h_k is already tanh(a_k): the derivative is 1 − h_k², not 1 − tanh(h_k)²."),
            (Backprop(p, (g, k) => MulT(p.Whh, Times(g, i => 1 - p.States[k][i] * p.States[k][i]), transpose: true), last: 2),
                "one Jacobian short: that is ∂L/∂h₁; go on to h₀ (T = 6 Jacobians from h_T back to h₀)."),
        };
        foreach (var (value, hint) in hints)
            if (Close(a, value, 1e-9)) return ExerciseResult.Fail(id, hint);
        if (Close(a, correct.Select(v => -v).ToArray(), 1e-9)) return ExerciseResult.Fail(id, "sign error: every entry has the wrong sign.");
        return ExerciseResult.Fail(id, $"not ∂L/∂h₀ (largest difference {MaxDiff(a, correct):G3}). Start from g = ∂L/∂h_T and repeat for k = T, …, 1: g ← W_hhᵀ (g ⊙ (1 − h_k²)).");
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    /// <summary>The reference answer of 04.2 (PyTorch's clip_grad_norm_ without its 1e-6).</summary>
    internal static double[][] ClipAnswer(ClipProblem p)
    {
        double norm = Math.Sqrt(p.Gradients.Sum(g => g.Sum(v => v * v)));
        double scale = Math.Min(1, p.MaxNorm / norm);
        return p.Gradients.Select(g => g.Select(v => v * scale).ToArray()).ToArray();
    }

    private static ExerciseResult CheckClip(object? answer)
    {
        const string id = "04.2";
        var p = Clip;
        var a = Vectors(answer);
        if (a is null) return ExerciseResult.Fail(id, $"no answer yet: return the clipped gradients as a double[][] with {p.Gradients.Length} arrays.");
        if (a.Length != p.Gradients.Length || a.Where((g, i) => g.Length != p.Gradients[i].Length).Any())
            return ExerciseResult.Fail(id, $"wrong shape: expected arrays of lengths {string.Join(", ", p.Gradients.Select(g => g.Length))}, got {string.Join(", ", a.Select(g => g.Length))}.");
        var correct = ClipAnswer(p);
        bool Same(double[][] x, double tol = 1e-5) => x.Zip(a).All(z => Close(z.First, z.Second, tol));
        double global = Math.Sqrt(p.Gradients.Sum(g => g.Sum(v => v * v)));
        double got = Math.Sqrt(a.Sum(g => g.Sum(v => v * v)));
        if (Same(correct)) return ExerciseResult.Pass(id, $"global norm {global.ToString("G4", CultureInfo.InvariantCulture)} scaled to {got.ToString("G4", CultureInfo.InvariantCulture)}; every gradient keeps its direction.");
        if (Same(p.Gradients)) return ExerciseResult.Fail(id, $"nothing was clipped: the global norm is {global:G4}, above the maximum {p.MaxNorm}.");
        var perTensor = p.Gradients.Select(g => { double n = Math.Sqrt(g.Sum(v => v * v)); return g.Select(v => v * Math.Min(1, p.MaxNorm / n)).ToArray(); }).ToArray();
        if (Same(perTensor)) return ExerciseResult.Fail(id, "you clipped each gradient by its own norm; clip_grad_norm_ uses ONE norm over all gradients together, so every gradient is scaled by the same factor.");
        var byValue = p.Gradients.Select(g => g.Select(v => Math.Clamp(v, -p.MaxNorm, p.MaxNorm)).ToArray()).ToArray();
        if (Same(byValue)) return ExerciseResult.Fail(id, "that is clipping by value (each element clamped to ±max), which changes the direction; scale all gradients by max / ‖g‖ instead.");
        double sq = global * global;
        var squared = p.Gradients.Select(g => g.Select(v => v * Math.Min(1, p.MaxNorm / sq)).ToArray()).ToArray();
        if (Same(squared)) return ExerciseResult.Fail(id, "off by a square root: you divided by ‖g‖² (the sum of squares); the norm is its square root.");
        var inverse = p.Gradients.Select(g => g.Select(v => v * global / p.MaxNorm).ToArray()).ToArray();
        if (Same(inverse)) return ExerciseResult.Fail(id, "the factor is upside down: multiply by max / ‖g‖, not ‖g‖ / max.");
        if (Math.Abs(got - p.MaxNorm) < 1e-5)
            return ExerciseResult.Fail(id, "the global norm is right but the direction changed: scale every element by the same factor.");
        return ExerciseResult.Fail(id, $"not the clipped gradients (their global norm is {got:G4}, expected {p.MaxNorm}). Compute ‖g‖ over all arrays, then multiply every element by min(1, max / ‖g‖).");
    }

    private static ExerciseResult CheckBaseline(object? answer)
    {
        const string id = "04.3";
        if (Scalar(answer) is not double a) return ExerciseResult.Fail(id, "no answer yet: give the MSE as a double.");
        if (double.IsNaN(a)) return ExerciseResult.Fail(id, "no answer yet: the answer is NaN.");
        bool Near(double v, double tol = 2e-3) => Math.Abs(a - v) <= tol;
        if (Near(1.0 / 6)) return ExerciseResult.Pass(id, $"{a:F4} ≈ 1/6: the best constant is the mean 1, and its MSE is Var(U₁ + U₂) = 1/12 + 1/12.");
        if (Near(1.0 / 12)) return ExerciseResult.Fail(id, "that is the variance of ONE U(0, 1) value (1/12); the target is the sum of two independent ones, and variances of independent values add.");
        if (Near(1.0 / 3)) return ExerciseResult.Fail(id, "that is Var(2U) = 4/12: the two values are independent, so Var(U₁ + U₂) = Var U₁ + Var U₂ (no factor 4).");
        if (Near(7.0 / 6)) return ExerciseResult.Fail(id, "that is the MSE of always predicting 0 (variance + mean²); the best constant prediction is the mean, 1.");
        if (Near(Math.Sqrt(1.0 / 6))) return ExerciseResult.Fail(id, "that is the standard deviation; the MSE of the mean predictor is the variance (no square root).");
        return ExerciseResult.Fail(id, $"{a:G4} is not it. The best constant is E[y] = 1; its MSE is Var(U₁ + U₂) with U ~ U(0, 1), Var U = 1/12.");
    }
}
