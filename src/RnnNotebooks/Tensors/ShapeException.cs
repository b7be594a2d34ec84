namespace RnnNotebooks.Tensors;

/// <summary>Thrown when a tensor's shape does not match what an operation or layer expects.</summary>
public sealed class ShapeException(string message) : ArgumentException(message);
