namespace RnnNotebooks.Nn;

/// <summary>How a <see cref="LinearRecurrence{T}"/> runs over time; both compute the same numbers, to rounding.</summary>
public enum ScanPath
{
    /// <summary>One step after another, each written as its equations (the reference, like the cells).</summary>
    Sequential,
    /// <summary>Every step's gates in one matrix product, then the blocked parallel scan of <see cref="Tensors.Kernels.LinearScan{T}"/>.</summary>
    Scan,
}

/// <summary>Which of Feng et al.'s (2024, "Were RNNs All We Needed?") two definitions of the candidate state h̃ₜ.</summary>
public enum MinVariant
{
    /// <summary>§3: h̃ₜ = Linear_h(xₜ), any sign.</summary>
    Plain,
    /// <summary>Appendix B.3, the log-space version: h̃ₜ = g(Linear_h(xₜ)) with g(x) = x + ½ for x ≥ 0, σ(x) below,
    /// so every hₜ stays positive (from a positive h₀) and log hₜ exists.</summary>
    LogSpace,
}
