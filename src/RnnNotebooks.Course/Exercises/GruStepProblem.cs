using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>One GRU step's inputs (exercise 05.2).</summary>
/// <param name="Gi">W_ih x + b_ih, 3·hidden values in PyTorch's order r, z, n.</param>
/// <param name="Gh">W_hh h_{t−1} + b_hh, 3·hidden values in the order r, z, n.</param>
/// <param name="HPrev">The previous state h_{t−1}.</param>
public sealed record GruStepProblem(double[] Gi, double[] Gh, double[] HPrev)
{
    /// <summary>Hidden units.</summary>
    public int Hidden => HPrev.Length;
}
