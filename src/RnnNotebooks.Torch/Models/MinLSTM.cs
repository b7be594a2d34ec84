using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Models;

/// <summary>
/// TorchSharp twin of the scratch <c>RnnNotebooks.Nn.MinLSTM</c> (Feng et al. 2024), same parameter names
/// (<c>linear_f.*</c>, <c>linear_i.*</c>, <c>linear_h.*</c>), batch first, every step returned:
/// f′ = σ(k_f)/(σ(k_f) + σ(k_i)), i′ = 1 − f′, hₜ = f′ ⊙ hₜ₋₁ + i′ ⊙ h̃ₜ with h̃ₜ = Linear_h(xₜ) (log-space variant: g(·)).
/// The plain variant runs step by step; the log-space variant runs the paper's log-space scan.
/// </summary>
public sealed class MinLSTM : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> linear_f, linear_i, linear_h;

    /// <summary>Creates the layer; <paramref name="logSpace"/> picks the paper's log-space variant.</summary>
    public MinLSTM(long inputSize, long hiddenSize, bool logSpace = false, ScalarType? dtype = null, Device? device = null) : base(nameof(MinLSTM))
    {
        linear_f = nn.Linear(inputSize, hiddenSize, device: device, dtype: dtype);
        linear_i = nn.Linear(inputSize, hiddenSize, device: device, dtype: dtype);
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
        var kf = linear_f.forward(x);
        var ki = linear_i.forward(x);
        var p = linear_h.forward(x);
        Tensor y;
        if (LogSpace)
        {
            // log f′ = −softplus(d), log i′ = −softplus(−d), d = softplus(−k_f) − softplus(−k_i).
            var d = nn.functional.softplus(-kf) - nn.functional.softplus(-ki);
            y = LogSpaceScan.Run(-nn.functional.softplus(d), -nn.functional.softplus(-d) + LogSpaceScan.LogG(p), h0?.squeeze(0));
        }
        else
        {
            var f = sigmoid(kf);
            var i = sigmoid(ki);
            var fn = f / (f + i);
            var iN = i / (f + i);
            var h = h0?.squeeze(0) ?? zeros(x.shape[0], p.shape[2], dtype: x.dtype, device: x.device);
            var steps = new List<Tensor>();
            for (long t = 0; t < x.shape[1]; t++)
            {
                h = fn.select(1, t) * h + iN.select(1, t) * p.select(1, t);
                steps.Add(h);
            }
            y = stack(steps, 1);
        }
        return (y.MoveToOuterDisposeScope(), y.select(1, -1).unsqueeze(0).MoveToOuterDisposeScope());
    }
}
