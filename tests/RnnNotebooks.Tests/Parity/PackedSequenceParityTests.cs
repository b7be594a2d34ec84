using System.Numerics;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>Masked recurrent layers against PyTorch's pack_padded_sequence: outputs, final states and every gradient, for post- and pre-padding.</summary>
public class PackedSequenceParityTests
{
    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var c in TorchFixture.Cases("packed_")) d.Add(c);
        return d;
    }

    [Fact]
    public void All_packed_fixtures_are_present() => Assert.Equal(12, Cases().Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_pytorch(string caseName) => Check<float>(TorchFixture.Load(caseName, "float32"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_pytorch(string caseName) => Check<double>(TorchFixture.Load(caseName, "float64"));

    private static void Check<T>(TorchFixture f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layer = RecurrentParityTests.Build<T>(f);
        RecurrentParityTests.LoadParameters(layer, f);
        bool lstm = layer.HasCellState;
        var lengths = f.Config.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var side = f.Str("padding") == "pre" ? PadSide.Pre : PadSide.Post;
        var mask = SequenceMask.FromLengths(lengths, f.Int("steps"), side);

        var result = layer.forward(f.Get<T>("input"), null, mask);
        Parity.Close("output", f.Get<T>("output"), result.Output);
        Parity.Close("h_n", f.Get<T>("h_n"), result.FinalState.H);
        if (lstm) Parity.Close("c_n", f.Get<T>("c_n"), result.FinalState.C!);

        layer.zero_grad();
        var dFinal = new RecurrentState<T>(f.Get<T>("grad_h_n"), lstm ? f.Get<T>("grad_c_n") : null);
        var dx = layer.backward(f.Get<T>("grad_output"), dFinal);
        Parity.Close("grad.input", f.Get<T>("grad.input"), dx);
        foreach (var (name, p) in layer.named_parameters())
            Parity.Close("grad." + name, f.Get<T>("grad." + name), p.Grad);
    }
}
