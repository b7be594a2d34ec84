using RnnNotebooks.Tensors;

namespace RnnNotebooks.Training.Baselines;

/// <summary>
/// Logistic regression on a bag of words: a document is the set of word ids it contains (multi-hot,
/// order ignored), p(positive) = σ(b + Σ w_id over its distinct ids). The honest bar a sequence model
/// must beat. Features stay sparse, so 25,000 reviews over a 10,000-word vocabulary train in seconds.
/// Trained with mini-batch Adam (PyTorch's formula) on the mean binary cross-entropy plus an optional L2 penalty.
/// </summary>
public sealed class BagOfWordsClassifier
{
    private readonly double[] _weight;

    /// <summary>A classifier for word ids in [0, <paramref name="vocabSize"/>), all weights zero.</summary>
    public BagOfWordsClassifier(int vocabSize)
    {
        if (vocabSize < 1 || vocabSize > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, $"BagOfWordsClassifier: vocabSize must be in [1, {Array.MaxLength:N0}], got {vocabSize}.");
        _weight = new double[vocabSize];
    }

    /// <summary>Number of word ids the model has a weight for.</summary>
    public int VocabSize => _weight.Length;

    /// <summary>One weight per word id: positive weights push towards the positive class.</summary>
    public IReadOnlyList<double> Weight => _weight;

    /// <summary>The bias b.</summary>
    public double Bias { get; private set; }

    /// <summary>L2 penalty λ·Σw²/2 added to the mean loss; λ is 0 or more and finite (0: no penalty).</summary>
    public double L2
    {
        get => _l2;
        init => _l2 = value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(L2), value, $"BagOfWordsClassifier: L2 must be 0 or more and finite, got {value}.");
    }
    private readonly double _l2;

    /// <summary>The most epochs <see cref="Fit"/> runs.</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>The distinct ids of a document, checked against the vocabulary (id 0, padding, is dropped).</summary>
    private int[] Features(int[] doc, int index)
    {
        ArgumentNullException.ThrowIfNull(doc, $"document {index}");
        var ids = new SortedSet<int>();
        foreach (int id in doc)
        {
            if (id < 0 || id >= _weight.Length)
                throw new ArgumentOutOfRangeException(nameof(doc), id, $"BagOfWordsClassifier: document {index} holds word id {id}, outside [0, {_weight.Length}).");
            if (id != 0) ids.Add(id);
        }
        return [.. ids];
    }

    private double Logit(int[] features)
    {
        double z = Bias;
        foreach (int id in features) z += _weight[id];
        return z;
    }

    /// <summary>Probability that the document is positive.</summary>
    public double PredictProbability(int[] doc) => Sigmoid(Logit(Features(doc, 0)));

    /// <summary>Mean binary cross-entropy over the documents (plus the L2 penalty).</summary>
    public double Loss(IReadOnlyList<int[]> docs, IReadOnlyList<int> labels)
    {
        CheckLabels(docs, labels);
        double sum = 0;
        for (int i = 0; i < docs.Count; i++)
        {
            double z = Logit(Features(docs[i], i));
            // log(1 + e^z) − y z, written to stay finite for large |z|.
            sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - labels[i] * z;
        }
        return sum / docs.Count + Penalty();
    }

    /// <summary>Fraction of documents whose predicted class (p ≥ 0.5) equals the label.</summary>
    public double Accuracy(IReadOnlyList<int[]> docs, IReadOnlyList<int> labels)
    {
        CheckLabels(docs, labels);
        int right = 0;
        for (int i = 0; i < docs.Count; i++)
            if ((Logit(Features(docs[i], i)) >= 0 ? 1 : 0) == labels[i]) right++;
        return (double)right / docs.Count;
    }

    /// <summary>Gradient of <see cref="Loss"/> with respect to the weights and the bias.</summary>
    public (double[] Weight, double Bias) Gradient(IReadOnlyList<int[]> docs, IReadOnlyList<int> labels)
    {
        CheckLabels(docs, labels);
        var features = docs.Select(Features).ToArray();
        return Gradient(features, labels, Enumerable.Range(0, docs.Count).ToArray());
    }

    private (double[] Weight, double Bias) Gradient(int[][] features, IReadOnlyList<int> labels, ReadOnlySpan<int> batch)
    {
        var gw = new double[_weight.Length];
        double gb = 0;
        foreach (int i in batch)
        {
            double d = (Sigmoid(Logit(features[i])) - labels[i]) / batch.Length;
            gb += d;
            foreach (int id in features[i]) gw[id] += d;
        }
        if (L2 > 0) for (int k = 0; k < gw.Length; k++) gw[k] += L2 * _weight[k];
        return (gw, gb);
    }

    /// <summary>
    /// Trains with shuffled mini-batches and Adam; returns the mean training loss of each epoch
    /// (measured on the batches as they were seen). <paramref name="epochs"/> is in [1, <see cref="MaxEpochs"/>];
    /// a <paramref name="batchSize"/> (at least 1) above the number of documents puts them all in one batch; the learning rate is
    /// positive and finite (a huge finite one is taken as given); any seed, 0 included, is a seed.
    /// </summary>
    public List<double> Fit(IReadOnlyList<int[]> docs, IReadOnlyList<int> labels, int epochs = 5, int batchSize = 128,
        double learningRate = 0.01, ulong seed = 0)
    {
        CheckLabels(docs, labels);
        if (epochs < 1 || epochs > MaxEpochs) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"BagOfWordsClassifier.Fit: epochs must be in [1, {MaxEpochs:N0}], got {epochs}.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "BagOfWordsClassifier.Fit: batchSize must be at least 1.");
        if (!(learningRate > 0 && double.IsFinite(learningRate))) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "BagOfWordsClassifier.Fit: learningRate must be positive and finite.");
        var features = docs.Select(Features).ToArray();
        var order = Enumerable.Range(0, docs.Count).ToArray();
        var rng = new Rng(seed);
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var (mw, vw) = (new double[_weight.Length], new double[_weight.Length]);
        double mb = 0, vb = 0;
        int step = 0;
        var losses = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle<int>(order);
            double lossSum = 0;
            for (int start = 0; start < order.Length; start += batchSize)
            {
                var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
                foreach (int i in batch)
                {
                    double z = Logit(features[i]);
                    lossSum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - labels[i] * z;
                }
                var (gw, gb) = Gradient(features, labels, batch);
                step++;
                double c1 = 1 - Math.Pow(beta1, step), c2 = 1 - Math.Pow(beta2, step);
                for (int k = 0; k < _weight.Length; k++)
                {
                    mw[k] = beta1 * mw[k] + (1 - beta1) * gw[k];
                    vw[k] = beta2 * vw[k] + (1 - beta2) * gw[k] * gw[k];
                    _weight[k] -= learningRate * (mw[k] / c1) / (Math.Sqrt(vw[k] / c2) + eps);
                }
                mb = beta1 * mb + (1 - beta1) * gb;
                vb = beta2 * vb + (1 - beta2) * gb * gb;
                Bias -= learningRate * (mb / c1) / (Math.Sqrt(vb / c2) + eps);
            }
            losses.Add(lossSum / docs.Count + Penalty());
        }
        return losses;
    }

    private double Penalty() => L2 > 0 ? 0.5 * L2 * _weight.Sum(w => w * w) : 0;

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static void CheckLabels(IReadOnlyList<int[]> docs, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(labels);
        if (docs.Count == 0) throw new ArgumentException("BagOfWordsClassifier: no documents.", nameof(docs));
        if (docs.Count != labels.Count)
            throw new ArgumentException($"BagOfWordsClassifier: {docs.Count} documents but {labels.Count} labels.", nameof(labels));
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"BagOfWordsClassifier: label {i} is {labels[i]}; labels must be 0 or 1.", nameof(labels));
    }
}
