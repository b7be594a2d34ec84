using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Diagnostics;

/// <summary>The worst disagreement between an analytic gradient and finite differences for one tensor.</summary>
/// <param name="Name">What was checked, e.g. <c>weight_hh_l0</c> or <c>input</c>.</param>
/// <param name="MaxRelativeError">max over elements of |a − n| / max(1e-8, |a| + |n|).</param>
/// <param name="WorstIndex">Flat index of that element.</param>
/// <param name="Analytic">Analytic gradient at the worst element.</param>
/// <param name="Numeric">Finite-difference gradient at the worst element.</param>
/// <param name="Checked">Number of elements compared.</param>
public sealed record GradientCheckResult(string Name, double MaxRelativeError, int WorstIndex, double Analytic, double Numeric, int Checked)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}: max relative error {MaxRelativeError:E2} over {Checked} elements (worst at {WorstIndex}: analytic {Analytic:G10}, numeric {Numeric:G10})";
}
