using RnnNotebooks.Tensors;
using RnnNotebooks.Training.Baselines;

namespace RnnNotebooks.Tests.Training.Baselines;

public class BagOfWordsClassifierTests
{
    // Reviews over ids 1..19: id 3 marks a positive review, id 4 a negative one, the rest is noise.
    private static (int[][] Docs, int[] Labels) Toy(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var docs = new int[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            var words = Enumerable.Range(0, 8).Select(_ => 5 + (int)(rng.Uniform(0, 1) * 15)).ToList();
            words.Insert((int)(rng.Uniform(0, 1) * words.Count), labels[i] == 1 ? 3 : 4);
            docs[i] = [1, .. words];
        }
        return (docs, labels);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        var (docs, labels) = Toy(12, 1);
        var model = new BagOfWordsClassifier(20) { L2 = 0.1 };
        model.Fit(docs, labels, epochs: 1, batchSize: 5, learningRate: 0.05, seed: 2);   // move away from all-zero weights
        var (gw, gb) = model.Gradient(docs, labels);

        var weight = (double[])typeof(BagOfWordsClassifier).GetField("_weight", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(model)!;
        const double eps = 1e-6;
        foreach (int k in new[] { 1, 3, 4, 7, 19 })
        {
            double keep = weight[k];
            weight[k] = keep + eps; double up = model.Loss(docs, labels);
            weight[k] = keep - eps; double down = model.Loss(docs, labels);
            weight[k] = keep;
            double numeric = (up - down) / (2 * eps);
            Assert.True(Math.Abs(numeric - gw[k]) <= 1e-7 * Math.Max(1, Math.Abs(numeric)), $"weight {k}: analytic {gw[k]}, numeric {numeric}");
        }
        var bias = typeof(BagOfWordsClassifier).GetProperty("Bias")!;
        double b0 = model.Bias;
        bias.SetValue(model, b0 + eps); double bUp = model.Loss(docs, labels);
        bias.SetValue(model, b0 - eps); double bDown = model.Loss(docs, labels);
        bias.SetValue(model, b0);
        Assert.Equal((bUp - bDown) / (2 * eps), gb, 7);
    }

    [Fact]
    public void Learns_the_marker_words_and_separates_unseen_documents()
    {
        var (docs, labels) = Toy(200, 3);
        var model = new BagOfWordsClassifier(20);
        var losses = model.Fit(docs, labels, epochs: 30, batchSize: 16, learningRate: 0.05, seed: 4);
        Assert.True(losses[^1] < 0.5 * losses[0], $"loss {losses[0]} -> {losses[^1]}");
        Assert.True(model.Weight[3] > 1 && model.Weight[4] < -1, $"w[3] = {model.Weight[3]}, w[4] = {model.Weight[4]}");
        var (test, testLabels) = Toy(100, 5);
        Assert.Equal(1.0, model.Accuracy(test, testLabels));
        Assert.True(model.PredictProbability([1, 3, 9]) > 0.9);
        Assert.True(model.PredictProbability([1, 4, 9]) < 0.1);
    }

    [Fact]
    public void Order_and_repeats_do_not_matter_and_padding_is_ignored()
    {
        var (docs, labels) = Toy(50, 6);
        var model = new BagOfWordsClassifier(20);
        model.Fit(docs, labels, epochs: 3, seed: 7);
        Assert.Equal(model.PredictProbability([1, 3, 9, 12]), model.PredictProbability([0, 0, 12, 9, 9, 3, 1, 3]), 12);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var model = new BagOfWordsClassifier(20);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit([[1, 2], [1, 25]], [0, 1]));
        Assert.Contains("document 1 holds word id 25, outside [0, 20)", outside.Message);
        Assert.Contains("label 1 is 2", Assert.Throws<ArgumentException>(() => model.Accuracy([[1], [2]], [0, 2])).Message);
        Assert.Contains("2 documents but 1 labels", Assert.Throws<ArgumentException>(() => model.Loss([[1], [2]], [0])).Message);
    }
}
