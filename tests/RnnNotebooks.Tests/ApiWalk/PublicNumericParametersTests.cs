namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>
/// The reflection the coverage test relies on finds what a new module would add (constructor and method
/// parameters, settable and init properties, nullable forms, overloads) and leaves out what it should.
/// </summary>
public class PublicNumericParametersTests
{
    // Stand-ins for a module added later, e.g. attention.
    public sealed class FakeAttention(int numHeads, double? dropout = null, string name = "attention")
    {
        public string Name { get; } = name + numHeads + dropout;
        public int Window { get; set; }
        public double Scale { get; init; }
        public int Heads => numHeads;                          // read-only: nothing to walk
        public float Score(float temperature, string label) => temperature + label.Length;
        public ulong Seeded(ulong seed) => seed;
        public long Mask(long from, int steps) => from + steps;
        public long Mask(int[] lengths, int steps) => lengths.Length + steps;
    }
    public sealed record FakeResult(int Epoch, double Loss);
    public sealed class FakeException(int code) : Exception($"code {code}");
    public sealed class FakeCarrier
    {
        private FakeCarrier() { }
        public required int Rows { get; init; }               // no public constructor: unreachable from outside
    }

    [Fact]
    public void A_new_types_numeric_parameters_are_listed_with_readable_keys()
    {
        var found = PublicNumericParameters.List([typeof(FakeAttention), typeof(FakeResult), typeof(FakeException), typeof(FakeCarrier)]);
        Assert.Equal(
            new[]
            {
                "FakeAttention.ctor(dropout)", "FakeAttention.ctor(numHeads)", "FakeAttention.Mask[Int32[]](steps)", "FakeAttention.Mask[Int64](steps)",
                "FakeAttention.Mask(from)", "FakeAttention.Scale", "FakeAttention.Score(temperature)", "FakeAttention.Seeded(seed)", "FakeAttention.Window",
            }.Order(StringComparer.Ordinal),
            found.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(typeof(double?), found.Single(f => f.Key == "FakeAttention.ctor(dropout)").Type);
    }

    [Fact]
    public void The_library_list_includes_the_layers_and_optimizers_the_course_uses()
    {
        var keys = PublicNumericParameters.List().Select(f => f.Key).ToHashSet();
        foreach (var key in new[] { "LSTM.ctor(hiddenSize)", "Adam.ctor(beta1)", "Optimizer.LearningRate", "Dropout.ctor(seed)", "Downloader.DownloadAsync(expectedSize)", "Scaler.Inverse[IEnumerable](column)" })
            Assert.Contains(key, keys);
    }
}
