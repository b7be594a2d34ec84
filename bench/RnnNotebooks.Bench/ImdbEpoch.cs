using System.Diagnostics;
using System.Globalization;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Nn;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Metrics;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Bench;

/// <summary>
/// Seconds per epoch of the Keras IMDB example: Embedding(10000, 32) → SimpleRNN(32) →
/// Dense(1, sigmoid), maxlen 500, batch 128, RMSprop, on 20,000 training reviews
/// (Keras's validation_split = 0.2 of 25,000).
/// </summary>
internal static class ImdbEpoch
{
    public static int Run(int epochs, string kind)
    {
        var load = Stopwatch.StartNew();
        var data = KerasImdb.LoadData(10000);
        var x = Padding.PadToTensor<float>(data.XTrain, maxlen: 500);
        var y = new Tensor<float>(data.YTrain.Select(v => (float)v).ToArray(), data.YTrain.Length, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(data.IsSample ? "SAMPLE" : "real")} IMDB from {data.Source}: {x.Shape[0]} reviews padded to {x.Shape[1]} in {load.Elapsed.TotalSeconds:F1} s"));

        Rng.ManualSeed(1);
        Module<float> rnn = kind switch
        {
            "lstm" => new LSTM<float>(32, 32),
            "gru" => new GRU<float>(32, 32),
            _ => new RNN<float>(32, 32),
        };
        var model = new Sequential<float>(new Embedding<float>(10000, 32), rnn, new Linear<float>(32, 1, Activation.Sigmoid))
            .Initialize(InitScheme.Keras, seed: 1);
        var trainer = new Trainer<float>(model, BinaryCrossEntropy<float>.Keras(), new RmsProp<float>(model.parameters(), Framework.Keras),
            new BinaryAccuracy<float>());
        var history = trainer.Fit(x, y, new FitOptions { Epochs = epochs, BatchSize = 128, ValidationSplit = 0.2, Seed = 1 });
        var s = history.EpochSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: seconds per epoch (20,000 reviews, batch 128, validation on 5,000 included): {string.Join(", ", s.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}; median {s.Order().ElementAt(s.Count / 2):F1}"));
        return 0;
    }
}
