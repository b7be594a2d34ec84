namespace RnnNotebooks.Training;

/// <summary>Thrown when the loss becomes NaN or infinite during training.</summary>
public sealed class TrainingDivergedException(int epoch, int batch, double loss)
    : Exception($"Training stopped: the loss became {loss} at epoch {epoch}, batch {batch}. " +
                "Lower the learning rate, clip gradients (Trainer.ClipNorm) or check the inputs for extreme values.")
{
    /// <summary>1-based epoch.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>1-based batch within the epoch.</summary>
    public int Batch { get; } = batch;
    /// <summary>The offending loss value.</summary>
    public double Loss { get; } = loss;
}
