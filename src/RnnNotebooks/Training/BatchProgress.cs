namespace RnnNotebooks.Training;

/// <summary>Progress of one batch.</summary>
public sealed record BatchProgress(int Epoch, int Batch, int Batches, double Loss);
