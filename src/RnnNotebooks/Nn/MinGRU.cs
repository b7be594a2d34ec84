using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Nn;

/// <summary>
/// minGRU of Feng et al. (2024), "Were RNNs All We Needed?": a GRU whose gate and candidate read xₜ only,
/// <code>
/// zₜ = σ(Linear_z(xₜ))      h̃ₜ = Linear_h(xₜ)   (log-space variant: g(Linear_h(xₜ)))
/// hₜ = (1 − zₜ) ⊙ hₜ₋₁ + zₜ ⊙ h̃ₜ       i.e. aₜ = 1 − zₜ, bₜ = zₜ ⊙ h̃ₜ
/// </code>
/// Parameters <c>linear_z.weight</c> [H, I], <c>linear_z.bias</c> [H], <c>linear_h.weight</c>, <c>linear_h.bias</c>
/// (the paper's names; PyTorch's <c>nn.Linear</c> initialisation). Both <see cref="ScanPath"/>s compute these
/// equations in linear space; the paper's log-space computation (log hₜ by a cumulative sum and a log-cum-sum-exp)
/// gives the same hₜ for <see cref="MinVariant.LogSpace"/> and a positive h₀, and is what the PyTorch fixtures run.
/// </summary>
public sealed class MinGRU<T> : LinearRecurrence<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Linear<T> linear_z, linear_h;
    private Tensor<T>? _z, _p, _candidate;              // the scan path's zₜ, Linear_h(xₜ), h̃ₜ, all [B, T, H]
    private T[]? _zBuf, _aBuf, _bBuf, _dkBuf, _dpBuf;   // their storage and the coefficients', kept from call to call

    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as the library's GRU.</summary>
    public MinGRU(int inputSize, int hiddenSize, bool returnSequences = false, MinVariant variant = MinVariant.Plain, bool bias = true, string name = "mingru")
        : base(name, inputSize, hiddenSize, returnSequences, variant)
    {
        linear_z = new Linear<T>(inputSize, hiddenSize, bias: bias, name: "linear_z");
        linear_h = new Linear<T>(inputSize, hiddenSize, bias: bias, name: "linear_h");
        RegisterComponents();
    }

    private sealed record Step(Tensor<T> X, Tensor<T> HPrev, Tensor<T> Z, Tensor<T> P, Tensor<T> Candidate);

    private protected override (object Step, Tensor<T> H) StepForward(Tensor<T> x, Tensor<T> hPrev)
    {
        var z = Sigmoid(Affine(x, linear_z.Weight.Value, linear_z.Bias?.Value));      // update gate           [B, H]
        var p = Affine(x, linear_h.Weight.Value, linear_h.Bias?.Value);               // candidate's input      [B, H]
        var hc = Candidate(p);                                                        // h̃ = p, or g(p)         [B, H]
        var h = OneMinus(z) * hPrev + z * hc;                                         // hₜ = (1 − z) ⊙ hₜ₋₁ + z ⊙ h̃
        return (new Step(x, hPrev, z, p, hc), h);
    }

    private protected override (Tensor<T> Dx, Tensor<T> DhPrev) StepBackward(object step, Tensor<T> dh)
    {
        var s = (Step)step;
        var dz = dh * (s.Candidate - s.HPrev);                                        // ∂L/∂z = dh ⊙ (h̃ − hₜ₋₁)
        var dk = dz * s.Z * OneMinus(s.Z);                                            // σ' = σ(1 − σ)
        var dp = dh * s.Z * CandidateDerivative(s.P);                                 // ∂L/∂p = dh ⊙ z ⊙ g'(p)
        Accumulate(linear_z, dk, s.X);
        Accumulate(linear_h, dp, s.X);
        var dx = MatMul(dk, linear_z.Weight.Value) + MatMul(dp, linear_h.Weight.Value);
        return (dx, dh * OneMinus(s.Z));                                              // ∂L/∂hₜ₋₁ = dh ⊙ (1 − z)
    }

    private protected override void ReleaseCoefficients() { _z = _p = _candidate = null; _zBuf = _aBuf = _bBuf = _dkBuf = _dpBuf = null; }

    private protected override (T[] A, T[] B) Coefficients(Tensor<T> input)
    {
        var k = linear_z.forward(input);                                              // [B, T, H]
        _z = new Tensor<T>(Scratch(ref _zBuf, k.Length), k.Shape);
        TensorPrimitives.Sigmoid<T>(k.Data, _z.Data);                                 // z = σ(k)
        _p = linear_h.forward(input);
        _candidate = Candidate(_p);
        var a = Scratch(ref _aBuf, k.Length);
        var b = Scratch(ref _bBuf, k.Length);
        TensorPrimitives.Subtract<T>(T.One, _z.Data, a);                              // a = 1 − z
        TensorPrimitives.Multiply<T>(_z.Data, _candidate.Data, b);                    // b = z ⊙ h̃
        return (a, b);
    }

    private protected override Tensor<T> CoefficientsBackward(T[] da, T[] db)
    {
        var (z, p, hc) = (_z!.Data, _p!.Data, _candidate!.Data);
        var dk = new Tensor<T>(Scratch(ref _dkBuf, z.Length), _z.Shape);
        var dp = new Tensor<T>(Scratch(ref _dpBuf, z.Length), _z.Shape);
        // a = 1 − z, b = z ⊙ h̃, element-wise (the vectors hold the same operations as the step's backward):
        TensorPrimitives.Multiply<T>(db, hc, dk.Data);
        TensorPrimitives.Subtract<T>(dk.Data, da, dk.Data);                           // ∂L/∂z = ∂b ⊙ h̃ − ∂a
        TensorPrimitives.Multiply<T>(dk.Data, z, dk.Data);
        TensorPrimitives.Multiply<T>(dk.Data, _aBuf!, dk.Data);                       // σ' = σ(1 − σ) = z ⊙ a
        TensorPrimitives.Multiply<T>(db, z, dp.Data);                                 // ∂L/∂p = ∂b ⊙ z ⊙ g'(p)
        if (Variant != MinVariant.Plain)
            for (int i = 0; i < z.Length; i++) dp.Data[i] *= GDerivative(p[i]);
        var dx = linear_z.backward(dk);
        Kernels.Add<T>(linear_h.backward(dp).Data, dx.Data);
        return dx;
    }

    internal static void Accumulate(Linear<T> layer, Tensor<T> dOut, Tensor<T> x)
    {
        Kernels.Add<T>(TransposeMatMul(dOut, x).Data, layer.Weight.Grad.Data);        // ∂W += ∂ᵀ · x
        if (layer.Bias is not null) Kernels.Add<T>(SumRows(dOut).Data, layer.Bias.Grad.Data);
    }
}
