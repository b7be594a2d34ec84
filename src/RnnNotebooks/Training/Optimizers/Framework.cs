namespace RnnNotebooks.Training.Optimizers;

/// <summary>
/// Whose defaults and update formula an optimizer follows. They differ: Keras puts RMSprop's
/// and Adagrad's ε inside the square root and folds Adam's bias correction into the step size,
/// and the default learning rates and ε differ (see each optimizer).
/// </summary>
public enum Framework
{
    /// <summary><c>torch.optim</c>.</summary>
    PyTorch,
    /// <summary><c>keras.optimizers</c> (Keras 3 / tf.keras).</summary>
    Keras,
}
