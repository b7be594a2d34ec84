using System.Globalization;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Course.Exercises.AnswerReader;

namespace RnnNotebooks.Course.Exercises;

/// <summary>Gradients of several parameters and a clipping threshold (exercise 04.2).</summary>
/// <param name="Gradients">One flat gradient per parameter.</param>
/// <param name="MaxNorm">The largest global L2 norm allowed.</param>
public sealed record ClipProblem(double[][] Gradients, double MaxNorm);
