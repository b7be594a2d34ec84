using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// TorchSharp twin of the scratch <c>RnnNotebooks.Nn.MinGRU</c> (Feng et al. 2024), same parameter names
/// (<c>linear_z.*</c>, <c>linear_h.*</c>), batch first, every step returned:
/// zₜ = σ(Linear_z(xₜ)), h̃ₜ = Linear_h(xₜ) (log-space variant: g(Linear_h(xₜ))), hₜ = (1 − zₜ) ⊙ hₜ₋₁ + zₜ ⊙ h̃ₜ.
/// The plain variant runs step by step; the log-space variant runs the paper's log-space parallel scan
/// (<see cref="LogSpaceScan.Run"/>), from a positive h₀ or zeros.
/// </summary>
public sealed class MinGRU : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> linear_z, linear_h;

    /// <summary>Creates the layer; <paramref name="logSpace"/> picks the paper's log-space variant.</summary>
    public MinGRU(long inputSize, long hiddenSize, bool logSpace = false, ScalarType? dtype = null, Device? device = null) : base(nameof(MinGRU))
    {
        linear_z = nn.Linear(inputSize, hiddenSize, device: device, dtype: dtype);
        linear_h = nn.Linear(inputSize, hiddenSize, device: device, dtype: dtype);
        LogSpace = logSpace;
        RegisterComponents();
    }

    /// <summary>Whether h̃ = g(Linear_h(x)) and the scan runs in log space.</summary>
    public bool LogSpace { get; }

    /// <summary>x [B, T, I] → every hₜ [B, T, H], from zeros.</summary>
    public override Tensor forward(Tensor x) => forward(x, null).Output;

    /// <summary>x [B, T, I] from h0 [1, B, H] (zeros when null) → every hₜ [B, T, H] and the last [1, B, H].</summary>
    public (Tensor Output, Tensor H) forward(Tensor x, Tensor? h0)
    {
        using var scope = NewDisposeScope();
        var k = linear_z.forward(x);
        var p = linear_h.forward(x);
        Tensor y;
        if (LogSpace)
            y = LogSpaceScan.Run(-nn.functional.softplus(k), -nn.functional.softplus(-k) + LogSpaceScan.LogG(p), h0?.squeeze(0));
        else
        {
            var z = sigmoid(k);
            var h = h0?.squeeze(0) ?? zeros(x.shape[0], p.shape[2], dtype: x.dtype, device: x.device);
            var steps = new List<Tensor>();
            for (long t = 0; t < x.shape[1]; t++)
            {
                var zt = z.select(1, t);
                h = (1 - zt) * h + zt * p.select(1, t);
                steps.Add(h);
            }
            y = stack(steps, 1);
        }
        return (y.MoveToOuterDisposeScope(), y.select(1, -1).unsqueeze(0).MoveToOuterDisposeScope());
    }
}

/// <summary>
/// Feng et al.'s log-space parallel scan (after Heinsen 2023): hₜ = aₜ ⊙ hₜ₋₁ + bₜ from log a and log b,
/// log hₜ = a*ₜ + logcumsumexp(log b − a*)ₜ with a* the cumulative sum of log a over time (and log h₀ as step 0).
/// </summary>
public static class LogSpaceScan
{
    /// <summary>h [B, T, H] from log a, log b [B, T, H] and h0 [B, H] (positive; null: zeros).</summary>
    public static Tensor Run(Tensor logA, Tensor logB, Tensor? h0)
    {
        using var scope = NewDisposeScope();
        Tensor result;
        if (h0 is null)
        {
            var aStar = logA.cumsum(1);
            result = (aStar + (logB - aStar).logcumsumexp(1)).exp();
        }
        else
        {
            var aStar = nn.functional.pad(logA.cumsum(1), [0, 0, 1, 0]);
            var values = cat([h0.log().unsqueeze(1), logB], 1);
            result = (aStar + (values - aStar).logcumsumexp(1)).exp().narrow(1, 1, logA.shape[1]);
        }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>log g(x): log(x + ½) for x ≥ 0, −softplus(−x) below.</summary>
    public static Tensor LogG(Tensor x) => where(x >= 0, (nn.functional.relu(x) + 0.5).log(), -nn.functional.softplus(-x));
}
