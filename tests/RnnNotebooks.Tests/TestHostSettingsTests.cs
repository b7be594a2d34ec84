using System.Runtime;

namespace RnnNotebooks.Tests;

public class TestHostSettingsTests
{
    [Fact]
    public void The_test_host_runs_without_background_gc()
    {
        // RnnNotebooks.Tests.csproj turns concurrent GC off so AllocationTests read exact counts;
        // Batch is the latency mode of a non-concurrent workstation GC.
        Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);
    }
}
