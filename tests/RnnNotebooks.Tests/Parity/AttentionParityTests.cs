using System.Numerics;
using RnnNotebooks.Attention;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests.Parity;

/// <summary>The attention steps and the padded cross-entropy against PyTorch (tests/torch/make_attention_fixtures.py).</summary>
public class AttentionParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "attention_additive", "float32" }, { "attention_additive", "float64" },
        { "attention_dot", "float32" }, { "attention_dot", "float64" },
        { "attention_dot_scaled", "float32" }, { "attention_dot_scaled", "float64" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Attention_step_matches_torch(string caseName, string dtype)
    {
        var f = TorchFixture.Load("seq2seq/" + caseName, dtype);
        if (dtype == "float32") Check<float>(f); else Check<double>(f);
    }

    private void Check<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        AttentionCell<T> cell = f.Str("kind") == "additive"
            ? new AdditiveAttention<T>(f.Get<T>("param.weight_query"), f.Get<T>("param.weight_key"), f.Get<T>("param.weight_score"))
            : new DotProductAttention<T>(f.Int("key_size"), f.Bool("scaled"));
        var lengths = f.Config.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var mask = SequenceMask.FromLengths(lengths, f.Int("steps"));
        var step = cell.Forward(f.Get<T>("query"), f.Get<T>("keys"), mask);
        var g = cell.Backward(step, f.Get<T>("grad_context"), f.Get<T>("grad_weights"));
        var checks = new List<(string, Tensor<T>)>
        {
            ("weights", step.Weights), ("context", step.Context), ("grad.query", g.Query), ("grad.keys", g.Keys),
        };
        if (g.WeightQuery is not null) checks.AddRange([("grad.weight_query", g.WeightQuery), ("grad.weight_key", g.WeightKey!), ("grad.weight_score", g.WeightScore!)]);
        foreach (var (name, actual) in checks)
        {
            double error = Parity.Close($"{f.Name} {name}", f.Get<T>(name), actual);
            output.WriteLine($"{f.Name} {name}: relative error {error:E2}");
        }
    }

    [Theory, InlineData("float32"), InlineData("float64")]
    public void Cross_entropy_ignores_padding_as_torch(string dtype)
    {
        var f = TorchFixture.Load("seq2seq/cross_entropy_ignore", dtype);
        if (dtype == "float32") Ce<float>(f); else Ce<double>(f);
    }

    private static void Ce<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = new SoftmaxCrossEntropy<T> { IgnoreIndex = 0 };
        double value = loss.forward(f.Get<T>("logits"), f.Get<T>("target"));
        double expected = double.CreateChecked(f.Get<T>("loss").Data[0]);
        Assert.True(Math.Abs(value - expected) <= Parity.Tolerance<T>() * Math.Max(1, Math.Abs(expected)), $"loss {value}, PyTorch {expected}");
        Parity.Close("grad.logits", f.Get<T>("grad.logits"), loss.backward());
    }
}
