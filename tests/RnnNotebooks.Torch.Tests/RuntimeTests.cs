using TorchSharp;
using RnnNotebooks.Torch.Bridge;
using RnnNotebooks.Tensors;


namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// libtorch loads from this test project's output (on Debian 12 / Ubuntu 22.04 only thanks to the
/// build step that marks GLIBCXX_3.4.32 weak in the copied libLibTorchSharp.so). These tests never
/// skip: a libtorch that does not load fails them.
/// </summary>
public sealed class RuntimeTests
{
    [Fact]
    public void A_TorchSharp_call_runs()
    {
        using var x = torch.arange(6, dtype: torch.ScalarType.Float64).reshape(2, 3);
        using var y = torch.matmul(x, x.T);
        Assert.Equal(new[] { 5.0, 14.0, 14.0, 50.0 }, TensorBridge.ToScratch<double>(y).Data);
    }

    [Fact]
    public void The_device_is_described_in_one_line()
    {
        string line = TorchDevice.Describe();
        Assert.DoesNotContain('\n', line);
        Assert.Contains(TorchDevice.Default.type == DeviceType.CUDA ? "CUDA" : "CPU", line);
    }

    [Fact]
    public void Tensors_cross_the_bridge_with_their_shape_and_values()
    {
        var t = Tensor.FromArray(new float[,] { { 1.5f, -2f, 3f }, { 4f, 5f, -6.25f } });
        using var torchTensor = TensorBridge.ToTorch(t);
        Assert.Equal(new long[] { 2, 3 }, torchTensor.shape);
        Assert.Equal(torch.ScalarType.Float32, torchTensor.dtype);
        var back = TensorBridge.ToScratch<float>(torchTensor);
        Assert.Equal(t.Shape, back.Shape);
        Assert.Equal(t.Data, back.Data);
    }

    [Fact]
    public void Token_ids_that_are_not_whole_numbers_are_rejected()
    {
        var ids = Tensor.FromArray(new double[,] { { 1, 2.5 } });
        var e = Assert.Throws<ArgumentException>(() => { TensorBridge.ToTorchIndices(ids); });
        Assert.Contains("2.5", e.Message);
    }
}
