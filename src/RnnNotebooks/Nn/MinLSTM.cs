using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RnnNotebooks.Tensors;
using static RnnNotebooks.Tensors.Tensor;

namespace RnnNotebooks.Nn;

/// <summary>
/// minLSTM of Feng et al. (2024), "Were RNNs All We Needed?": an LSTM without output gate or cell state whose
/// gates read xₜ only and are normalised to sum to one,
/// <code>
/// fₜ = σ(Linear_f(xₜ))   iₜ = σ(Linear_i(xₜ))   h̃ₜ = Linear_h(xₜ)   (log-space variant: g(Linear_h(xₜ)))
/// f′ₜ = fₜ / (fₜ + iₜ)    i′ₜ = iₜ / (fₜ + iₜ)
/// hₜ = f′ₜ ⊙ hₜ₋₁ + i′ₜ ⊙ h̃ₜ            i.e. aₜ = f′ₜ, bₜ = i′ₜ ⊙ h̃ₜ
/// </code>
/// Parameters <c>linear_f.*</c>, <c>linear_i.*</c>, <c>linear_h.*</c> (<c>weight</c> [H, I], <c>bias</c> [H]).
/// Both <see cref="ScanPath"/>s compute these equations in linear space (see <see cref="MinGRU{T}"/>).
/// </summary>
public sealed class MinLSTM<T> : LinearRecurrence<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Linear<T> linear_f, linear_i, linear_h;
    private Tensor<T>? _f, _i, _p, _candidate;          // the scan path's fₜ, iₜ, Linear_h(xₜ), h̃ₜ, all [B, T, H]
    private T[]? _fBuf, _iBuf, _sBuf, _aBuf, _inBuf, _bBuf, _dkfBuf, _dkiBuf, _dpBuf, _tmpBuf;   // kept from call to call

    /// <summary>Creates the layer. <paramref name="returnSequences"/> defaults to false as the library's LSTM.</summary>
    public MinLSTM(int inputSize, int hiddenSize, bool returnSequences = false, MinVariant variant = MinVariant.Plain, bool bias = true, string name = "minlstm")
        : base(name, inputSize, hiddenSize, returnSequences, variant)
    {
        linear_f = new Linear<T>(inputSize, hiddenSize, bias: bias, name: "linear_f");
        linear_i = new Linear<T>(inputSize, hiddenSize, bias: bias, name: "linear_i");
        linear_h = new Linear<T>(inputSize, hiddenSize, bias: bias, name: "linear_h");
        RegisterComponents();
    }

    private sealed record Step(Tensor<T> X, Tensor<T> HPrev, Tensor<T> F, Tensor<T> I, Tensor<T> P, Tensor<T> Candidate);

    private protected override (object Step, Tensor<T> H) StepForward(Tensor<T> x, Tensor<T> hPrev)
    {
        var f = Sigmoid(Affine(x, linear_f.Weight.Value, linear_f.Bias?.Value));      // forget gate            [B, H]
        var i = Sigmoid(Affine(x, linear_i.Weight.Value, linear_i.Bias?.Value));      // input gate             [B, H]
        var p = Affine(x, linear_h.Weight.Value, linear_h.Bias?.Value);
        var hc = Candidate(p);                                                        // h̃ = p, or g(p)
        var (fn, iN) = Normalise(f, i);                                               // f′ + i′ = 1
        var h = fn * hPrev + iN * hc;                                                 // hₜ = f′ ⊙ hₜ₋₁ + i′ ⊙ h̃
        return (new Step(x, hPrev, f, i, p, hc), h);
    }

    private protected override (Tensor<T> Dx, Tensor<T> DhPrev) StepBackward(object step, Tensor<T> dh)
    {
        var s = (Step)step;
        var (fn, iN) = Normalise(s.F, s.I);
        var (dk_f, dk_i) = GateBackward(dh * s.HPrev, dh * s.Candidate, s.F, s.I);    // from ∂L/∂f′, ∂L/∂i′
        var dp = dh * iN * CandidateDerivative(s.P);                                  // ∂L/∂p = dh ⊙ i′ ⊙ g'(p)
        MinGRU<T>.Accumulate(linear_f, dk_f, s.X);
        MinGRU<T>.Accumulate(linear_i, dk_i, s.X);
        MinGRU<T>.Accumulate(linear_h, dp, s.X);
        var dx = MatMul(dk_f, linear_f.Weight.Value) + MatMul(dk_i, linear_i.Weight.Value) + MatMul(dp, linear_h.Weight.Value);
        return (dx, dh * fn);                                                         // ∂L/∂hₜ₋₁ = dh ⊙ f′
    }

    private protected override void ReleaseCoefficients() { _f = _i = _p = _candidate = null; _fBuf = _iBuf = _sBuf = _aBuf = _inBuf = _bBuf = _dkfBuf = _dkiBuf = _dpBuf = _tmpBuf = null; }

    private protected override (T[] A, T[] B) Coefficients(Tensor<T> input)
    {
        var kf = linear_f.forward(input);                                             // [B, T, H]
        var ki = linear_i.forward(input);
        int n = kf.Length;
        _f = new Tensor<T>(Scratch(ref _fBuf, n), kf.Shape);
        _i = new Tensor<T>(Scratch(ref _iBuf, n), kf.Shape);
        TensorPrimitives.Sigmoid<T>(kf.Data, _f.Data);                                // f = σ(k_f)
        TensorPrimitives.Sigmoid<T>(ki.Data, _i.Data);                                // i = σ(k_i)
        _p = linear_h.forward(input);
        _candidate = Candidate(_p);
        var (sum, a, iN, b) = (Scratch(ref _sBuf, n), Scratch(ref _aBuf, n), Scratch(ref _inBuf, n), Scratch(ref _bBuf, n));
        TensorPrimitives.Add<T>(_f.Data, _i.Data, sum);                               // s = f + i
        TensorPrimitives.Divide<T>(_f.Data, sum, a);                                  // a = f′ = f / s
        TensorPrimitives.Divide<T>(_i.Data, sum, iN);                                 //     i′ = i / s
        TensorPrimitives.Multiply<T>(iN, _candidate.Data, b);                         // b = i′ ⊙ h̃
        return (a, b);
    }

    private protected override Tensor<T> CoefficientsBackward(T[] da, T[] db)
    {
        var (f, i, p, hc) = (_f!.Data, _i!.Data, _p!.Data, _candidate!.Data);
        int n = f.Length;
        var dkf = new Tensor<T>(Scratch(ref _dkfBuf, n), _f.Shape);
        var dki = new Tensor<T>(Scratch(ref _dkiBuf, n), _f.Shape);
        var dp = new Tensor<T>(Scratch(ref _dpBuf, n), _f.Shape);
        var diff = Scratch(ref _tmpBuf, n);
        // a = f′, b = i′ ⊙ h̃, element-wise; diff = (∂L/∂f′ − ∂L/∂i′) / s² (see GateBackward):
        TensorPrimitives.Multiply<T>(db, hc, diff);
        TensorPrimitives.Subtract<T>(da, diff, diff);
        TensorPrimitives.Divide<T>(diff, _sBuf!, diff);
        TensorPrimitives.Divide<T>(diff, _sBuf!, diff);
        TensorPrimitives.Multiply<T>(diff, f, dkf.Data);                              // ∂L/∂k_f = i · diff · f(1 − f)
        TensorPrimitives.Multiply<T>(dkf.Data, i, dkf.Data);
        TensorPrimitives.Multiply<T>(diff, i, dki.Data);                              // ∂L/∂k_i = −f · diff · i(1 − i)
        TensorPrimitives.Multiply<T>(dki.Data, f, dki.Data);
        TensorPrimitives.Subtract<T>(T.One, f, diff);                                 // (diff is no longer needed: 1 − f)
        TensorPrimitives.Multiply<T>(dkf.Data, diff, dkf.Data);
        TensorPrimitives.Subtract<T>(T.One, i, diff);                                 // 1 − i
        TensorPrimitives.Multiply<T>(dki.Data, diff, dki.Data);
        TensorPrimitives.Negate<T>(dki.Data, dki.Data);
        TensorPrimitives.Multiply<T>(db, _inBuf!, dp.Data);                           // ∂L/∂p = ∂b ⊙ i′ ⊙ g'(p)
        if (Variant != MinVariant.Plain)
            for (int k = 0; k < n; k++) dp.Data[k] *= GDerivative(p[k]);
        var dx = linear_f.backward(dkf);
        Kernels.Add<T>(linear_i.backward(dki).Data, dx.Data);
        Kernels.Add<T>(linear_h.backward(dp).Data, dx.Data);
        return dx;
    }

    // f′ = f / (f + i), i′ = i / (f + i).
    private static (Tensor<T> F, Tensor<T> I) Normalise(Tensor<T> f, Tensor<T> i)
    {
        var fn = new Tensor<T>(f.Shape);
        var iN = new Tensor<T>(f.Shape);
        for (int k = 0; k < fn.Length; k++)
        {
            var s = f.Data[k] + i.Data[k];
            fn.Data[k] = f.Data[k] / s;
            iN.Data[k] = i.Data[k] / s;
        }
        return (fn, iN);
    }

    // From ∂L/∂f′ and ∂L/∂i′ to the gates' pre-activations: with s = f + i, ∂f′/∂f = i/s², ∂f′/∂i = −f/s²,
    // ∂i′/∂f = −i/s², ∂i′/∂i = f/s²; so ∂L/∂f = i (df′ − di′)/s², ∂L/∂i = f (di′ − df′)/s²; then σ' = σ(1 − σ).
    private static (Tensor<T> DkF, Tensor<T> DkI) GateBackward(Tensor<T> dfn, Tensor<T> din, Tensor<T> f, Tensor<T> i)
    {
        var dkf = new Tensor<T>(f.Shape);
        var dki = new Tensor<T>(f.Shape);
        for (int k = 0; k < dkf.Length; k++)
        {
            T fk = f.Data[k], ik = i.Data[k], s = fk + ik, diff = (dfn.Data[k] - din.Data[k]) / (s * s);
            dkf.Data[k] = ik * diff * fk * (T.One - fk);
            dki.Data[k] = -fk * diff * ik * (T.One - ik);
        }
        return (dkf, dki);
    }
}
