namespace RnnNotebooks.Runner.Execution;

/// <summary>How long one code cell took (compile and run).</summary>
/// <param name="CellNumber">1-based cell position in the executed notebook.</param>
/// <param name="Milliseconds">Elapsed wall time.</param>
public sealed record CellTiming(int CellNumber, double Milliseconds);
