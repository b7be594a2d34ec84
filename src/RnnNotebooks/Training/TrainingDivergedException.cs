namespace RnnNotebooks.Training;

/// <summary>Thrown when the model's prediction or the loss becomes NaN or infinite during training.</summary>
/// <param name="epoch">1-based epoch.</param>
/// <param name="batch">1-based batch within the epoch.</param>
/// <param name="loss">The offending value.</param>
/// <param name="quantity">What held it: "the loss" or, e.g., "the prediction at [3, 0]".</param>
public sealed class TrainingDivergedException(int epoch, int batch, double loss, string quantity = "the loss")
    : Exception($"Training stopped: {quantity} became {loss} at epoch {epoch}, batch {batch}. " +
                "Lower the learning rate, clip gradients (Trainer.ClipNorm) or check the inputs for extreme values.")
{
    /// <summary>1-based epoch.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>1-based batch within the epoch.</summary>
    public int Batch { get; } = batch;
    /// <summary>The offending value (of the loss, or of the prediction when that is not finite).</summary>
    public double Loss { get; } = loss;
}
