using RnnNotebooks.Cells;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>One LSTM step's inputs (exercise 05.1).</summary>
/// <param name="Gates">The gate pre-activations W_ih x + b_ih + W_hh h + b_hh, 4·hidden values in PyTorch's order i, f, g, o.</param>
/// <param name="CPrev">The previous cell state c_{t−1}.</param>
public sealed record LstmStepProblem(double[] Gates, double[] CPrev)
{
    /// <summary>Hidden units.</summary>
    public int Hidden => CPrev.Length;
}
