using System.Numerics;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Parity;

/// <summary>Masked recurrent layers against PyTorch's pack_padded_sequence: outputs, final states and every gradient, for post- and pre-padding.</summary>
public class PackedSequenceParityTests
{
    public static TheoryData<string> Cases() => new(TorchFixture.Cases("packed_"));

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
        var lengths = f.Config.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var side = f.Str("padding") == "pre" ? PadSide.Pre : PadSide.Post;
        var mask = SequenceMask.FromLengths(lengths, f.Int("steps"), side);
        RecurrentParityTests.CompareRun(f, layer, layer.forward(f.Get<T>("input"), null, mask), hasInitialState: false);
    }
}
