using System.Numerics;
using RnnNotebooks.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Bridge;

/// <summary>Copies tensors between the scratch library (<see cref="Tensor{T}"/>) and TorchSharp, float32 or float64.</summary>
public static class TensorBridge
{
    /// <summary>The TorchSharp element type for <typeparamref name="T"/> (float → Float32, double → Float64).</summary>
    public static ScalarType DType<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? ScalarType.Float32
        : typeof(T) == typeof(double) ? ScalarType.Float64
        : throw new NotSupportedException($"TensorBridge: element type {typeof(T).Name} is not supported (float or double).");

    /// <summary>A TorchSharp copy of a scratch tensor, on <paramref name="device"/> (CPU when null).</summary>
    public static torch.Tensor ToTorch<T>(Tensor<T> tensor, Device? device = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long[] shape = tensor.Shape.Select(d => (long)d).ToArray();
        var t = typeof(T) == typeof(float) ? torch.tensor((float[])(object)tensor.Data.Clone(), shape)
            : typeof(T) == typeof(double) ? torch.tensor((double[])(object)tensor.Data.Clone(), shape)
            : throw new NotSupportedException($"TensorBridge: element type {typeof(T).Name} is not supported (float or double).");
        return device is null || device.type == DeviceType.CPU ? t : t.to(device);
    }

    /// <summary>Token ids stored as whole numbers in a scratch tensor, as the int64 tensor TorchSharp's Embedding reads.</summary>
    public static torch.Tensor ToTorchIndices<T>(Tensor<T> ids, Device? device = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var longs = new long[ids.Length];
        for (int i = 0; i < longs.Length; i++)
        {
            T v = ids.Data[i];
            if (!T.IsInteger(v)) throw new ArgumentException($"TensorBridge: token id {v} at {ids.FormatIndex(i)} is not a whole number.", nameof(ids));
            longs[i] = long.CreateChecked(v);
        }
        var t = torch.tensor(longs, ids.Shape.Select(d => (long)d).ToArray());
        return device is null || device.type == DeviceType.CPU ? t : t.to(device);
    }

    /// <summary>A scratch copy of a TorchSharp tensor (moved to the CPU and converted to <typeparamref name="T"/>).</summary>
    public static Tensor<T> ToScratch<T>(torch.Tensor tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var scope = torch.NewDisposeScope();
        var t = tensor.detach().cpu().to_type(DType<T>()).contiguous();
        int[] shape = t.shape.Length == 0 ? [1] : t.shape.Select(d => checked((int)d)).ToArray();
        T[] data = typeof(T) == typeof(float) ? (T[])(object)t.data<float>().ToArray() : (T[])(object)t.data<double>().ToArray();
        return new Tensor<T>(data, shape);
    }
}
