using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Sliding windows ready for a model: inputs <see cref="X"/> [windows, length, features], the
/// target <see cref="Y"/> [windows], and for each window the last known target value (what the
/// naive forecast predicts) and the date of the target. Values are in model units (scaled).
/// </summary>
public sealed record WindowSet(float[,,] X, float[] Y, float[] LastKnown, DateOnly[] TargetDates, int[] TargetRows)
{
    /// <summary>Number of windows.</summary>
    public int Count => Y.Length;

    /// <summary>Steps per window.</summary>
    public int Length => X.GetLength(1);

    /// <summary>Features per step.</summary>
    public int Features => X.GetLength(2);

    /// <summary>Inputs as a [windows, length, features] tensor and targets as [windows, 1].</summary>
    public (Tensor<T> X, Tensor<T> Y) ToTensor<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new T[X.Length];
        int k = 0;
        foreach (float v in X) x[k++] = T.CreateChecked(v);
        var y = new T[Y.Length];
        for (int i = 0; i < y.Length; i++) y[i] = T.CreateChecked(Y[i]);
        return (new Tensor<T>(x, Count, Length, Features), new Tensor<T>(y, Count, 1));
    }
}
