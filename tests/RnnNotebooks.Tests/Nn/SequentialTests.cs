using RnnNotebooks.Nn;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Nn;

public class SequentialTests
{
    private static Sequential<float> Keras_imdb_model() => new(
        new Embedding<float>(10000, 32), new RNN<float>(32, 32), new Linear<float>(32, 1, Activation.Sigmoid));

    [Fact]
    public void Parameter_names_follow_pytorch_and_count_matches_keras_summary()
    {
        var m = Keras_imdb_model();
        Assert.Equal(["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "linear.weight", "linear.bias"],
            m.named_parameters().Select(kv => kv.name));
        // Keras reports 320,000 + 2,080 + 33; PyTorch's two RNN bias vectors add 32.
        Assert.Equal(320_000 + 2_080 + 32 + 33, m.ParameterCount);
        Assert.Contains("[128, 500, 32]", m.Summary(128, 500));
    }

    [Fact]
    public void Duplicate_layer_names_are_made_unique()
    {
        var m = new Sequential<float>(new LSTM<float>(2, 3, returnSequences: true), new LSTM<float>(3, 3));
        Assert.Equal(["lstm", "lstm_1"], m.named_children().Select(c => c.name));
        Assert.Contains("lstm_1.weight_ih_l0", m.named_parameters().Select(p => p.name));
        Assert.All(m.Modules, l => Assert.Equal("lstm", l.Name));       // the modules themselves are not renamed
    }

    [Fact]
    public void Save_and_load_round_trip_through_safetensors()
    {
        Rng.ManualSeed(1);
        var a = new Sequential<double>(new Embedding<double>(5, 3), new Bidirectional<double>(new GRU<double>(3, 2)), new Linear<double>(4, 1));
        string path = Path.Combine(Path.GetTempPath(), $"rnn-{Guid.NewGuid():N}.safetensors");
        try
        {
            a.save(path);
            Rng.ManualSeed(2);
            var b = new Sequential<double>(new Embedding<double>(5, 3), new Bidirectional<double>(new GRU<double>(3, 2)), new Linear<double>(4, 1));
            Assert.NotEqual(a.parameters()[0].Value.Data, b.parameters()[0].Value.Data);
            b.load(path);
            foreach (var ((na, pa), (nb, pb)) in a.named_parameters().Zip(b.named_parameters()))
            {
                Assert.Equal(na, nb);
                Assert.Equal(pa.Value.Data, pb.Value.Data);
            }
            Assert.Contains("bidirectional_gru.weight_hh_l0_reverse", SafeTensors.Load<double>(path).Keys);
            var x = Tensor.FromIndices<double>(new[,] { { 1, 2, 4 } });
            Assert.Equal(a.forward(x).Data, b.forward(x).Data);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Safetensors_layout_is_the_documented_one()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnn-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(path, new Dictionary<string, Tensor<float>> { ["w"] = new([1f, 2f, 3f, 4f, 5f, 6f], 2, 3) });
            var bytes = File.ReadAllBytes(path);
            long n = BitConverter.ToInt64(bytes, 0);
            Assert.Equal(0, (8 + n) % 8);
            string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)n).TrimEnd();
            Assert.Equal("""{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}""", header);
            Assert.Equal(8 + n + 24, bytes.Length);
            Assert.Equal(6f, BitConverter.ToSingle(bytes, (int)(8 + n + 20)));
            // float32 file read as double
            Assert.Equal([1.0, 2, 3, 4, 5, 6], SafeTensors.Load<double>(path)["w"].Data);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Loading_unknown_or_misshaped_parameters_names_them()
    {
        var m = new Sequential<float>(new Linear<float>(3, 2));
        var unknown = Assert.Throws<KeyNotFoundException>(() => m.load_state_dict(new Dictionary<string, Tensor<float>> { ["linear.kernel"] = new(2, 3) }));
        Assert.Contains("linear.kernel", unknown.Message);
        var shape = Assert.Throws<ShapeException>(() => m.load_state_dict(new Dictionary<string, Tensor<float>> { ["linear.weight"] = new(3, 2) }, strict: false));
        Assert.Contains("[2, 3]", shape.Message);
        Assert.Contains("linear.bias", Assert.Throws<KeyNotFoundException>(() => m.load_state_dict(new Dictionary<string, Tensor<float>> { ["linear.weight"] = new(2, 3) })).Message);

        string path = Path.Combine(Path.GetTempPath(), $"rnn-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(path, new Dictionary<string, Tensor<float>> { ["linear.weight"] = new(2, 3), ["linear.bias"] = new(2), ["extra.w"] = new(1) });
            var ex = Assert.Throws<InvalidDataException>(() => m.load(path));
            Assert.Contains(path, ex.Message);
            Assert.Contains("extra.w", ex.Message);
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.Contains(path, Assert.Throws<InvalidDataException>(() => m.load(path)).Message);
        }
        finally { File.Delete(path); }
    }
}
