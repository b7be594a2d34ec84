using System.Globalization;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>The states of a small tanh RNN and the gradient arriving at its last state (exercise 04.1).</summary>
/// <param name="Whh">The recurrent matrix W_hh [hidden, hidden].</param>
/// <param name="States">h₀, h₁, …, h_T (States[k] = h_k), each of length hidden; h₀ = 0.</param>
/// <param name="FinalGradient">∂L/∂h_T.</param>
public sealed record JacobianProblem(double[,] Whh, double[][] States, double[] FinalGradient)
{
    /// <summary>T, the number of steps.</summary>
    public int Steps => States.Length - 1;
}
