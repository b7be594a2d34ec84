using RnnNotebooks.Tensors;
using TorchSharp;

namespace RnnNotebooks.Torch.Tests;

public sealed class ThreadLimitTests
{
    [Fact]
    public void Both_engines_use_the_limit_inside_the_block_and_their_old_counts_after_it()
    {
        int torchBefore = torch.get_num_threads(), scratchBefore = Kernels.MaxThreads;
        int limit = Math.Max(torchBefore, scratchBefore) + 1;                     // differs from both counts before
        using (ThreadLimit.Set(limit))
        {
            Assert.Equal(limit, torch.get_num_threads());
            Assert.Equal(limit, Kernels.MaxThreads);
        }
        Assert.Equal(torchBefore, torch.get_num_threads());
        Assert.Equal(scratchBefore, Kernels.MaxThreads);
    }

    [Fact]
    public void The_counts_are_restored_when_the_block_throws()
    {
        int torchBefore = torch.get_num_threads(), scratchBefore = Kernels.MaxThreads;
        Action failingCell = () =>
        {
            using var limit = ThreadLimit.Set(Math.Max(torchBefore, scratchBefore) + 1);
            throw new InvalidOperationException("a failing timing cell");
        };
        Assert.Throws<InvalidOperationException>(failingCell);
        Assert.Equal(torchBefore, torch.get_num_threads());
        Assert.Equal(scratchBefore, Kernels.MaxThreads);
    }

    [Fact]
    public void A_limit_below_one_thread_is_refused_by_name_and_changes_nothing()
    {
        int torchBefore = torch.get_num_threads(), scratchBefore = Kernels.MaxThreads;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ThreadLimit.Set(0));
        Assert.Equal("threads", e.ParamName);
        Assert.Contains("got 0", e.Message);
        Assert.Equal(torchBefore, torch.get_num_threads());
        Assert.Equal(scratchBefore, Kernels.MaxThreads);
    }
}
