using System.Numerics;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Nn;

/// <summary>
/// Fully connected layer, PyTorch's <c>nn.Linear</c>: y = act(x Wᵀ + b). Accepts [batch, in]
/// or [batch, steps, in] (applied at every step). Parameters: <c>weight</c> [out, in],
/// <c>bias</c> [out]. The optional <c>activation</c> (identity by default) is Keras's
/// <c>Dense(activation=…)</c>, kept because the article models the course reproduces end in
/// one; a PyTorch model writes it as a separate function after the layer.
/// </summary>
public sealed class Linear<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x, _y;
    private T[]? _output, _inputGradient;   // the results' arrays, reused from batch to batch when they are transient

    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Linear(int inputSize, int outputSize, Activation activation = Activation.Linear, bool bias = true, string name = "linear")
        : base(name)
    {
        Sizes.Positive($"Linear '{name}'", nameof(inputSize), inputSize);
        Sizes.Positive($"Linear '{name}'", nameof(outputSize), outputSize);
        if (outputSize > inputSize) Sizes.Allocatable($"Linear '{name}'", nameof(outputSize), outputSize, (long)inputSize * outputSize, $"a weight [{outputSize}, {inputSize}]");
        else Sizes.Allocatable($"Linear '{name}'", nameof(inputSize), inputSize, (long)inputSize * outputSize, $"a weight [{outputSize}, {inputSize}]");
        InputSize = inputSize;
        OutputSize = outputSize;
        Activation = activation;
        Weight = AddParameter("weight", outputSize, inputSize);
        Bias = bias ? AddParameter("bias", outputSize) : null;
        ResetParameters(InitScheme.PyTorch, Rng.Global);
    }

    /// <summary>Input features.</summary>
    public int InputSize { get; }
    /// <summary>Output features.</summary>
    public int OutputSize { get; }
    /// <summary>Output activation.</summary>
    public Activation Activation { get; }
    /// <summary>W [out, in].</summary>
    public Parameter<T> Weight { get; }
    /// <summary>b [out], or null without bias.</summary>
    public Parameter<T>? Bias { get; }

    /// <inheritdoc/>
    public override void ResetParameters(InitScheme scheme, Rng rng)
    {
        double bound = 1 / Math.Sqrt(InputSize);
        if (scheme == InitScheme.Keras) Init.GlorotUniform(Weight.Value, rng, InputSize, OutputSize);
        else Init.Uniform(Weight.Value, rng, bound);
        if (Bias is null) return;
        if (scheme == InitScheme.Keras) Bias.Value.Clear();
        else Init.Uniform(Bias.Value, rng, bound);
    }

    /// <inheritdoc/>
    public override int[] OutputShape(int[] inputShape) => [.. inputShape[..^1], OutputSize];

    /// <inheritdoc/>
    public override Tensor<T> forward(Tensor<T> input)
    {
        if (input.Rank == 2) ExpectShape(input, "input", -1, InputSize);
        else ExpectShape(input, "input", -1, -1, InputSize);
        ExpectFinite(input, "input");
        int rows = input.Length / InputSize;
        var y = new Tensor<T>(ResultArray(ref _output, rows * OutputSize, OutputIsTransient), OutputShape(input.Shape));   // written in full by the product
        // z[rows, out] = x[rows, in] · Wᵀ + b
        Kernels.Gemm(false, true, rows, OutputSize, InputSize, input.Data, Weight.Value.Data, y.Data, accumulate: false);
        if (Bias is not null) Kernels.AddRowVector<T>(y.Data, Bias.Value.Data, rows);
        Apply(y.Data);
        ExpectFiniteResult(y, "the output");
        _x = input;
        _y = y;
        return y;
    }

    /// <inheritdoc/>
    public override Tensor<T> backward(Tensor<T> outputGradient)
    {
        if (_x is null || _y is null) throw NoForward();
        if (!outputGradient.SameShape(_y))
            throw new ShapeException($"Linear '{Name}': output gradient has shape {Tensor.Format(outputGradient.Shape)}, expected {Tensor.Format(_y.Shape)}.");
        int rows = _x.Length / InputSize;
        var dz = ActivationBackward(outputGradient.Data, _y.Data);
        // dW[out, in] += dzᵀ · x ;  db += Σ_rows dz ;  dx[rows, in] = dz · W
        Kernels.Gemm(true, false, OutputSize, InputSize, rows, dz, _x.Data, Weight.Grad.Data, accumulate: true);
        if (Bias is not null) Kernels.AccumulateColumnSums<T>(dz, Bias.Grad.Data, rows);
        var dx = new Tensor<T>(ResultArray(ref _inputGradient, _x.Length, InputGradientIsTransient), _x.Shape);   // written in full by the product
        Kernels.Gemm(false, false, rows, InputSize, OutputSize, dz, Weight.Value.Data, dx.Data, accumulate: false);
        return dx;
    }

    /// <inheritdoc/>
    protected override void ReleaseOwnBuffers() { _x = null; _y = null; _output = null; _inputGradient = null; }

    private void Apply(Span<T> z)
    {
        switch (Activation)
        {
            case Activation.Sigmoid: Activations.Sigmoid(z); break;
            case Activation.Tanh: Activations.Tanh(z); break;
            case Activation.Relu: Activations.Relu(z); break;
            case Activation.Softmax: Activations.Softmax(z, OutputSize); break;
        }
    }

    private T[] ActivationBackward(T[] dy, T[] y)
    {
        if (Activation == Activation.Linear) return dy;          // read only from here on: no copy needed
        var dz = new T[dy.Length];
        switch (Activation)
        {
            case Activation.Sigmoid: for (int i = 0; i < dz.Length; i++) dz[i] = dy[i] * y[i] * (T.One - y[i]); break;
            case Activation.Tanh: for (int i = 0; i < dz.Length; i++) dz[i] = dy[i] * (T.One - y[i] * y[i]); break;
            case Activation.Relu: for (int i = 0; i < dz.Length; i++) dz[i] = y[i] > T.Zero ? dy[i] : T.Zero; break;
            case Activation.Softmax:
                // dz = y ⊙ (dy − Σ_j dy_j y_j), row by row
                for (int r = 0; r < dz.Length / OutputSize; r++)
                {
                    int o = r * OutputSize;
                    T dot = T.Zero;
                    for (int j = 0; j < OutputSize; j++) dot += dy[o + j] * y[o + j];
                    for (int j = 0; j < OutputSize; j++) dz[o + j] = y[o + j] * (dy[o + j] - dot);
                }
                break;
        }
        return dz;
    }
}
