using RnnNotebooks.Tensors;
using TorchSharp;

namespace RnnNotebooks.Torch;

/// <summary>
/// Sets the thread count of both engines, libtorch's (<c>torch.set_num_threads</c>) and the scratch engine's
/// (<see cref="Kernels.MaxThreads"/>), for a block: <c>using (ThreadLimit.Set(1)) { … }</c>. Disposing restores the
/// counts that were set before, also when the block throws, so a timing cell cannot leave a notebook on one thread.
/// </summary>
public sealed class ThreadLimit : IDisposable
{
    private readonly int _torchBefore, _scratchBefore;
    private bool _disposed;

    private ThreadLimit(int threads)
    {
        _torchBefore = torch.get_num_threads();
        _scratchBefore = Kernels.MaxThreads;
        torch.set_num_threads(threads);
        Kernels.MaxThreads = threads;
    }

    /// <summary>Both engines use <paramref name="threads"/> threads until the returned value is disposed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static ThreadLimit Set(int threads)
    {
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"ThreadLimit.Set: threads must be at least 1, got {threads}.");
        return new ThreadLimit(threads);
    }

    /// <summary>The libtorch thread count before <see cref="Set"/>.</summary>
    public int TorchThreadsBefore => _torchBefore;

    /// <summary>The scratch engine's thread count before <see cref="Set"/>.</summary>
    public int ScratchThreadsBefore => _scratchBefore;

    /// <summary>Restores both thread counts; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        torch.set_num_threads(_torchBefore);
        Kernels.MaxThreads = _scratchBefore;
    }
}
