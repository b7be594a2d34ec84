using RnnNotebooks.Diagnostics;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Diagnostics;

/// <summary>The layer-level reference (stacked layers, both directions, built on <see cref="RnnNotebooks.Cells.Unroll"/>) against central finite differences.</summary>
public class LayerUnrollTests
{
    [Theory]
    [InlineData("LSTM")]
    [InlineData("GRU")]
    [InlineData("RNN")]
    public void Two_bidirectional_layers_match_finite_differences(string kind)
    {
        const int batch = 2, steps = 3, input = 2, hidden = 3, rows = 4;
        Rng.ManualSeed(31);
        RNNBase<double> layer = kind switch
        {
            "LSTM" => new LSTM<double>(input, hidden, numLayers: 2, bidirectional: true, returnSequences: true),
            "GRU" => new GRU<double>(input, hidden, numLayers: 2, bidirectional: true, returnSequences: true),
            _ => new RNN<double>(input, hidden, numLayers: 2, bidirectional: true, returnSequences: true),
        };
        var rng = new Rng(32);
        var x = Tensor.Normal<double>(rng, 0, 1, batch, steps, input);
        var h0 = Tensor.Normal<double>(rng, 0, 0.5, rows, batch, hidden);
        var c0 = layer.HasCellState ? Tensor.Normal<double>(rng, 0, 0.5, rows, batch, hidden) : null;
        var gy = Tensor.Normal<double>(rng, 0, 1, batch, steps, 2 * hidden);
        var gh = Tensor.Normal<double>(rng, 0, 1, rows, batch, hidden);
        var gc = c0 is null ? null : Tensor.Normal<double>(rng, 0, 1, rows, batch, hidden);
        var init = new RecurrentState<double>(h0, c0);

        double Dot(Tensor<double> a, Tensor<double> w) => a.Data.Zip(w.Data, (p, q) => p * q).Sum();
        double Loss()
        {
            var r = LayerUnroll.Run(layer, x, init);
            return Dot(r.Output, gy) + Dot(r.FinalState.H, gh) + (gc is null ? 0 : Dot(r.FinalState.C!, gc));
        }
        var u = LayerUnroll.Run(layer, x, init, gy, new RecurrentState<double>(gh, gc));

        var checks = new List<GradientCheckResult>
        {
            GradientCheck.Compare("input", x, u.InputGradient.Data, Loss),
            GradientCheck.Compare("h0", h0, u.InitialStateGradient.H.Data, Loss),
        };
        if (c0 is not null) checks.Add(GradientCheck.Compare("c0", c0, u.InitialStateGradient.C!.Data, Loss));
        foreach (var (name, p) in layer.named_parameters()) checks.Add(GradientCheck.Compare(name, p.Value, u.Gradients[name].Data, Loss));
        Assert.Equal(layer.named_parameters().Count() + (c0 is null ? 2 : 3), checks.Count);
        foreach (var r in checks) Assert.True(r.MaxRelativeError < 1e-7, r.ToString());
        Assert.All(layer.named_parameters(), np => Assert.All(np.parameter.Grad.Data, v => Assert.Equal(0.0, v)));   // the layer's own gradients untouched
    }

    [Fact]
    public void Bad_shapes_are_named()
    {
        var layer = new GRU<double>(2, 3, returnSequences: true);
        var x = new Tensor<double>(1, 4, 2);
        Assert.Contains("[batch, steps ≥ 1, 2]", Assert.Throws<ShapeException>(() => LayerUnroll.Run(layer, new Tensor<double>(1, 4, 5))).Message);
        Assert.Contains("output gradient [1, 4, 3]", Assert.Throws<ShapeException>(() => LayerUnroll.Run(layer, x, outputGradient: new Tensor<double>(1, 4, 6))).Message);
        Assert.Contains("initial state [1, 1, 3]", Assert.Throws<ShapeException>(() => LayerUnroll.Run(layer, x, new RecurrentState<double>(new Tensor<double>(2, 1, 3)))).Message);
    }
}
