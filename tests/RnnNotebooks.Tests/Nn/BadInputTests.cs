using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;

namespace RnnNotebooks.Tests.Nn;

/// <summary>Bad shapes, values and labels fail with messages naming the layer and what was expected.</summary>
public class BadInputTests
{
    [Fact]
    public void Recurrent_layer_names_itself_and_both_shapes()
    {
        var lstm = new LSTM<float>(32, 8, name: "encoder");
        var ex = Assert.Throws<ShapeException>(() => lstm.forward(new Tensor<float>(4, 10, 16)));
        Assert.Contains("LSTM 'encoder'", ex.Message);
        Assert.Contains("[*, *, 32]", ex.Message);
        Assert.Contains("[4, 10, 16]", ex.Message);
    }

    [Fact]
    public void Empty_batch_or_sequence_is_refused()
    {
        var rnn = new RNN<float>(3, 2);
        Assert.Throws<ShapeException>(() => rnn.forward(new Tensor<float>(0, 5, 3)));
        Assert.Throws<ShapeException>(() => rnn.forward(new Tensor<float>(2, 0, 3)));
        Assert.Throws<ShapeException>(() => new Embedding<float>(5, 2).forward(new Tensor<float>(0, 4)));
        Assert.Throws<ShapeException>(() => new MeanSquaredError<float>().forward(new Tensor<float>(0), new Tensor<float>(0)));
    }

    [Fact]
    public void NaN_and_infinity_in_inputs_are_located()
    {
        var x = new Tensor<double>(2, 3, 4);
        x[1, 2, 3] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new GRU<double>(4, 2, name: "g").forward(x));
        Assert.Contains("GRU 'g'", ex.Message);
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("[1, 2, 3]", ex.Message);
        var y = new Tensor<double>(2, 4);
        y[0, 1] = double.PositiveInfinity;
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => new Linear<double>(4, 1).forward(y)).Message);
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => new MeanSquaredError<double>().forward(y, new Tensor<double>(2, 4))).Message);
    }

    [Fact]
    public void Initial_state_of_the_wrong_shape_or_missing_cell()
    {
        var lstm = new LSTM<float>(3, 4, numLayers: 2, name: "l");
        var x = new Tensor<float>(5, 2, 3);
        var ex = Assert.Throws<ShapeException>(() => lstm.forward(x, new RecurrentState<float>(new Tensor<float>(1, 5, 4), new Tensor<float>(1, 5, 4))));
        Assert.Contains("[2, 5, 4]", ex.Message);
        Assert.Contains("[1, 5, 4]", ex.Message);
        Assert.Contains("cell state", Assert.Throws<ArgumentException>(() => lstm.forward(x, new RecurrentState<float>(new Tensor<float>(2, 5, 4)))).Message);
    }

    [Fact]
    public void Token_ids_out_of_range_or_fractional()
    {
        var emb = new Embedding<float>(10, 2, name: "words");
        var ids = Tensor.FromIndices<float>(new[,] { { 1, 2 }, { 10, 0 } });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => emb.forward(ids));
        Assert.Contains("'words'", ex.Message);
        Assert.Contains("10", ex.Message);
        Assert.Contains("[1, 0]", ex.Message);
        ids[1, 0] = 2.5f;
        Assert.Throws<ArgumentOutOfRangeException>(() => emb.forward(ids));
    }

    [Fact]
    public void Labels_out_of_range_for_losses_and_metrics()
    {
        var logits = new Tensor<float>(2, 3);
        var ce = Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy<float>().forward(logits, Tensor.FromIndices<float>(new[] { 0, 3 })));
        Assert.Contains("[0, 3)", ce.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryCrossEntropy<float>().forward(Tensor.Full(0.5f, 2), Tensor.Full(2f, 2)));
        Assert.Contains("outside [0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryCrossEntropy<float>().forward(Tensor.Full(1.5f, 2), Tensor.Full(1f, 2))).Message);
        Assert.Throws<ShapeException>(() => new SoftmaxCrossEntropy<float>().forward(logits, new Tensor<float>(3)));
        Assert.Throws<ShapeException>(() => new Rmse<float>().Compute(new Tensor<float>(2), new Tensor<float>(3)));
    }

    [Fact]
    public void Backward_before_forward_and_wrong_gradient_shape()
    {
        var dense = new Linear<float>(3, 2, name: "head");
        Assert.Contains("backward called before forward", Assert.Throws<InvalidOperationException>(() => dense.backward(new Tensor<float>(1, 2))).Message);
        dense.forward(new Tensor<float>(4, 3));
        Assert.Contains("[4, 2]", Assert.Throws<ShapeException>(() => dense.backward(new Tensor<float>(4, 3))).Message);
        var rnn = new RNN<float>(3, 2, returnSequences: true);
        rnn.forward(new Tensor<float>(2, 5, 3));
        Assert.Throws<ShapeException>(() => rnn.backward(new Tensor<float>(2, 2)));
    }

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void A_second_backward_after_one_forward_is_refused_and_a_new_forward_allows_it(string kind)
    {
        var layer = LayerGradientTests.Make(kind, 3, 4, layers: 1, bidir: false, seq: true);
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, 2, 5, 3);
        var dy = Tensor.Normal<double>(new Rng(2), 0, 1, 2, 5, 4);
        layer.forward(x);
        Assert.Throws<ShapeException>(() => layer.backward(new Tensor<double>(2, 5, 3)));   // a refused gradient does not count
        var first = layer.backward(dy);
        var e = Assert.Throws<InvalidOperationException>(() => layer.backward(dy));
        Assert.Contains("backward ran twice after one forward pass", e.Message);
        Assert.Contains("run forward again", e.Message);
        layer.forward(x);
        Assert.Equal(first.Data, layer.backward(dy).Data);
    }

    [Fact]
    public void Invalid_configuration()
    {
        Assert.Throws<ArgumentException>(() => new RNN<float>(3, 2, nonlinearity: "sigmoid"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GRU<float>(0, 2));
        Assert.Throws<ArgumentException>(() => new Bidirectional<float>(new LSTM<float>(3, 2, bidirectional: true)));
        Assert.Throws<InvalidOperationException>(() => new Sequential<float>().forward(new Tensor<float>(1, 1)));
    }
}
