namespace RnnNotebooks.Course.Exercises;

/// <summary>Exercise 12.1: two steps of hₜ = aₜ ⊙ hₜ₋₁ + bₜ, to be combined into one.</summary>
/// <param name="A1">a of the earlier step.</param>
/// <param name="B1">b of the earlier step.</param>
/// <param name="A2">a of the later step.</param>
/// <param name="B2">b of the later step.</param>
public sealed record CombineProblem(double[] A1, double[] B1, double[] A2, double[] B2);

/// <summary>Exercise 12.2: the forget coefficients a₁ … a_T of one unit over a long sequence.</summary>
/// <param name="Gates">aₜ in (0, 1).</param>
public sealed record GateProductProblem(double[] Gates);

/// <summary>Exercise 12.3: one unit's coefficients aₜ and the gradients gₜ = ∂L/∂hₜ arriving from the outputs, t = 0 … T−1.</summary>
/// <param name="A">aₜ of hₜ = aₜ hₜ₋₁ + bₜ.</param>
/// <param name="G">∂L/∂hₜ from the output at step t alone.</param>
public sealed record ReverseScanProblem(double[] A, double[] G);
