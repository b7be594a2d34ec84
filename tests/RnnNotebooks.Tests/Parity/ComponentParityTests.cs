using System.Numerics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Parity;

/// <summary>Dense, Embedding, losses, optimizers, clipping and whole pipelines against PyTorch.</summary>
public class ComponentParityTests
{
    public static TheoryData<string> Dtypes => new() { "float32", "float64" };

    private static void Run(string dtype, Action<TorchFixture> f32, Action<TorchFixture> f64, string caseName)
    {
        var f = TorchFixture.Load(caseName, dtype);
        if (dtype == "float32") f32(f); else f64(f);
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Linear_on_matrix_and_sequence(string dtype)
    {
        foreach (var c in new[] { "linear", "linear_seq" })
            Run(dtype, Linear<float>, Linear<double>, c);
    }

    private static void Linear<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dense = new Linear<T>(f.Int("in_features"), f.Int("out_features"));
        RecurrentParityTests.LoadParameters(dense, f);
        Parity.Close("output", f.Get<T>("output"), dense.forward(f.Get<T>("input")));
        var dx = dense.backward(f.Get<T>("grad_output"));
        Parity.Close("grad.input", f.Get<T>("grad.input"), dx);
        Parity.Close("grad.weight", f.Get<T>("grad.weight"), dense.Weight.Grad);
        Parity.Close("grad.bias", f.Get<T>("grad.bias"), dense.Bias!.Grad);
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Embedding_lookup_and_scatter(string dtype) => Run(dtype, Embedding<float>, Embedding<double>, "embedding");

    private static void Embedding<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var emb = new Embedding<T>(f.Int("num_embeddings"), f.Int("embedding_dim"));
        RecurrentParityTests.LoadParameters(emb, f);
        Parity.Close("output", f.Get<T>("output"), emb.forward(f.Get<T>("indices")));
        emb.backward(f.Get<T>("grad_output"));
        Parity.Close("grad.weight", f.Get<T>("grad.weight"), emb.Weight.Grad);
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Losses_values_and_gradients(string dtype) => Run(dtype, Losses<float>, Losses<double>, "losses");

    private static void Losses<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cases = new (string Name, Loss<T> Loss)[]
        {
            ("mse", new MeanSquaredError<T>()), ("bce", new BinaryCrossEntropy<T>()), ("bce_saturated", new BinaryCrossEntropy<T>()),
            ("bce_logits", new BinaryCrossEntropyWithLogits<T>()), ("bce_logits_large", new BinaryCrossEntropyWithLogits<T>()),
            ("cross_entropy", new SoftmaxCrossEntropy<T>()), ("cross_entropy_large", new SoftmaxCrossEntropy<T>()),
        };
        foreach (var (name, loss) in cases)
        {
            double value = loss.forward(f.Get<T>(name + ".input"), f.Get<T>(name + ".target"));
            double expected = double.CreateChecked(f.Get<T>(name + ".value").Data[0]);
            Assert.True(Math.Abs(value - expected) <= Parity.Tolerance<T>() * Math.Max(1, Math.Abs(expected)), $"{name}: loss {value}, PyTorch {expected}");
            Parity.Close(name + ".grad", f.Get<T>(name + ".grad"), loss.backward());
        }
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Optimizers_follow_torch_optim(string dtype) => Run(dtype, Optimizers<float>, Optimizers<double>, "optimizers");

    private static void Optimizers<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int steps = f.Int("steps");
        var specs = f.Config.GetProperty("optimizers");
        foreach (var spec in specs.EnumerateObject())
        {
            var cfg = spec.Value;
            double D(string k) => cfg.GetProperty(k).GetDouble();
            var p = new Parameter<T>("w", f.Get<T>(spec.Name + ".start").Shape);
            p.Value.CopyFrom(f.Get<T>(spec.Name + ".start"));
            Optimizer<T> opt = cfg.GetProperty("class").GetString() switch
            {
                "SGD" => new Sgd<T>([p], D("lr"), D("momentum"), cfg.GetProperty("nesterov").GetBoolean()),
                "Adagrad" => new Adagrad<T>([p], Framework.PyTorch, D("lr"), D("eps"), D("initial_accumulator_value")),
                "RMSprop" => new RmsProp<T>([p], Framework.PyTorch, D("lr"), D("alpha"), D("eps")),
                "Adam" => new Adam<T>([p], Framework.PyTorch, D("lr"), cfg.GetProperty("betas")[0].GetDouble(), cfg.GetProperty("betas")[1].GetDouble(), D("eps")),
                var c => throw new ArgumentException(c),
            };
            for (int k = 0; k < steps; k++)
            {
                p.Grad.CopyFrom(f.Get<T>($"{spec.Name}.grad{k}"));
                opt.step();
                Parity.Close($"{spec.Name} after step {k}", f.Get<T>($"{spec.Name}.after{k}"), p.Value);
            }
        }
    }

    [Fact]
    public void Framework_defaults_match_torch_optim_defaults()
    {
        var specs = TorchFixture.Load("optimizers", "float64").Config.GetProperty("optimizers");
        var p = new Parameter<double>("w", 2);
        var rms = new RmsProp<double>([p]);
        Assert.Equal(specs.GetProperty("rmsprop").GetProperty("lr").GetDouble(), rms.LearningRate);
        Assert.Equal(specs.GetProperty("rmsprop").GetProperty("alpha").GetDouble(), rms.Rho);
        Assert.Equal(specs.GetProperty("rmsprop").GetProperty("eps").GetDouble(), rms.Epsilon);
        var ada = new Adagrad<double>([p]);
        Assert.Equal(specs.GetProperty("adagrad").GetProperty("lr").GetDouble(), ada.LearningRate);
        Assert.Equal(specs.GetProperty("adagrad").GetProperty("eps").GetDouble(), ada.Epsilon);
        var adam = new Adam<double>([p]);
        Assert.Equal(specs.GetProperty("adam").GetProperty("eps").GetDouble(), adam.Epsilon);
        Assert.Equal(specs.GetProperty("adam").GetProperty("lr").GetDouble(), adam.LearningRate);
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Clipping_matches_clip_grad_norm_and_value(string dtype) => Run(dtype, Clip<float>, Clip<double>, "clip");

    private static void Clip<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var spec in f.Config.GetProperty("clips").EnumerateObject())
        {
            var ps = Enumerable.Range(0, 2).Select(i =>
            {
                var before = f.Get<T>($"{spec.Name}.before{i}");
                var p = new Parameter<T>("p" + i, before.Shape);
                p.Grad.CopyFrom(before);
                return p;
            }).ToList();
            if (spec.Value.GetProperty("function").GetString() == "clip_grad_norm_")
            {
                double norm = GradientClipping.ClipByGlobalNorm(ps, spec.Value.GetProperty("max_norm").GetDouble());
                double expected = double.CreateChecked(f.Get<T>(spec.Name + ".total_norm").Data[0]);
                Assert.True(Math.Abs(norm - expected) <= Parity.Tolerance<T>() * expected, $"{spec.Name}: norm {norm}, PyTorch {expected}");
            }
            else GradientClipping.ClipByValue(ps, spec.Value.GetProperty("clip_value").GetDouble());
            for (int i = 0; i < 2; i++) Parity.Close($"{spec.Name}.after{i}", f.Get<T>($"{spec.Name}.after{i}"), ps[i].Grad);
        }
    }

    [Theory, MemberData(nameof(Dtypes))]
    public void Pipelines_embedding_rnn_dense_with_loss(string dtype)
    {
        Run(dtype, Pipeline<float>, Pipeline<double>, "pipeline_bce");
        Run(dtype, Pipeline<float>, Pipeline<double>, "pipeline_ce");
        Run(dtype, Pipeline<float>, Pipeline<double>, "pipeline_lstm_mse");
    }

    private static void Pipeline<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rnnCfg = f.Config.GetProperty("rnn");
        int input = rnnCfg.GetProperty("input_size").GetInt32(), hidden = rnnCfg.GetProperty("hidden_size").GetInt32();
        string loss = f.Str("loss");
        bool perStep = loss == "CrossEntropyLoss";
        RNNBase<T> rnn = rnnCfg.GetProperty("mode").GetString() switch
        {
            "RNN" => new RNN<T>(input, hidden, returnSequences: perStep),
            "LSTM" => new LSTM<T>(input, hidden, returnSequences: perStep, name: "rnn"),
            _ => new GRU<T>(input, hidden, returnSequences: perStep, name: "rnn"),
        };
        var model = new Sequential<T>();
        if (f.Has("indices")) model.Add(new Embedding<T>(f.Int("vocab"), f.Int("embedding_dim")));
        model.Add(rnn).Add(new Linear<T>(hidden, f.Config.GetProperty("dense").GetProperty("out_features").GetInt32(), name: "dense"));   // the PyTorch model calls its head "dense"
        var state = f.Names.Where(n => n.StartsWith("param.")).ToDictionary(n => n["param.".Length..], n => f.Get<T>(n));
        model.load_state_dict(state);

        Loss<T> criterion = loss switch
        {
            "BCEWithLogitsLoss" => new BinaryCrossEntropyWithLogits<T>(),
            "CrossEntropyLoss" => new SoftmaxCrossEntropy<T>(),
            _ => new MeanSquaredError<T>(),
        };
        var x = f.Has("indices") ? f.Get<T>("indices") : f.Get<T>("input");
        var y = model.forward(x);
        Parity.Close("prediction", f.Get<T>(f.Has("logits") ? "logits" : "output"), y);
        double value = criterion.forward(y, f.Get<T>("target"));
        double expected = double.CreateChecked(f.Get<T>("loss").Data[0]);
        Assert.True(Math.Abs(value - expected) <= Parity.Tolerance<T>() * Math.Max(1, expected), $"loss {value}, PyTorch {expected}");
        model.zero_grad();
        var dx = model.backward(criterion.backward());
        if (f.Has("grad.input")) Parity.Close("grad.input", f.Get<T>("grad.input"), dx);
        foreach (var (name, p) in model.named_parameters())
            Parity.Close("grad." + name, f.Get<T>("grad." + name), p.Grad);
    }
}
