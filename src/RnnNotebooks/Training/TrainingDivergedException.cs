namespace RnnNotebooks.Training;

/// <summary>
/// Thrown when training produces NaN or ±∞: a loss, a layer's output, or a weight after a step.
/// The message names the epoch and batch and, when known, the layer or parameter at fault.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>The generic advice appended to every message.</summary>
    public const string Advice = "Lower the learning rate, clip gradients (Trainer.ClipNorm) or check the inputs for extreme values.";

    /// <summary>Thrown when the loss of a batch is not finite.</summary>
    public TrainingDivergedException(int epoch, int batch, double loss)
        : this(epoch, batch, loss, $"Training stopped: the loss became {loss} at epoch {epoch}, batch {batch}. {Advice}") { }

    /// <summary>Creates the exception with a full message (naming the layer or parameter at fault).</summary>
    public TrainingDivergedException(int epoch, int batch, double value, string message, string? culprit = null)
        : base(message)
    {
        Epoch = epoch;
        Batch = batch;
        Loss = value;
        Culprit = culprit;
    }

    /// <summary>1-based epoch (0 outside <see cref="Trainer{T}.Fit"/>).</summary>
    public int Epoch { get; }
    /// <summary>1-based batch within the epoch (0 outside <see cref="Trainer{T}.Fit"/>).</summary>
    public int Batch { get; }
    /// <summary>The offending value (the loss, an output or a weight).</summary>
    public double Loss { get; }
    /// <summary>The layer or parameter whose values became non-finite, when known.</summary>
    public string? Culprit { get; }
}
