using TorchSharp;

namespace RnnNotebooks.Torch;

/// <summary>Where the twins run: CUDA when libtorch sees a GPU, else the CPU.</summary>
public static class TorchDevice
{
    private static torch.Device? _default;

    /// <summary>CUDA when available, else CPU (decided once, on first use).</summary>
    public static torch.Device Default => _default ??= Choose();

    /// <summary>One line naming the device, e.g. "TorchSharp on CPU (no CUDA device), 2 threads".</summary>
    public static string Describe() =>
        Default.type == DeviceType.CUDA
            ? $"TorchSharp on CUDA ({torch.cuda.device_count()} device(s))"
            : $"TorchSharp on CPU (no CUDA device), {torch.get_num_threads()} threads";

    private static torch.Device Choose()
    {
        _ = NativeLibraries.Path;
        // A CUDA build of libtorch registers its backend only when asked to.
        return torch.TryInitializeDeviceType(DeviceType.CUDA) && torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }
}
