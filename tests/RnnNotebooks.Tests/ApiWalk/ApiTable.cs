using System.IO.Compression;
using RnnNotebooks.Attention;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Seq2Seq;
using RnnNotebooks.Data.Download;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.Data.Text;
using RnnNotebooks.Diagnostics;
using RnnNotebooks.IO;
using RnnNotebooks.Nn;
using RnnNotebooks.Seq2Seq;
using RnnNotebooks.Tensors;
using RnnNotebooks.Training;
using RnnNotebooks.Training.Baselines;
using RnnNotebooks.Training.Losses;
using RnnNotebooks.Training.Optimizers;
using static RnnNotebooks.Tests.ApiWalk.Entry;

namespace RnnNotebooks.Tests.ApiWalk;

/// <summary>
/// One entry per public numeric parameter of the library (<see cref="PublicNumericParameters"/>): the member
/// called with valid values for everything else and the walked value for that parameter, and the values that
/// mean something there. A new public numeric parameter needs an entry here (the coverage test says which).
/// </summary>
public static class ApiTable
{
    private static readonly Bad[] ZeroAndHuge = [Bad.Zero, Bad.Huge];
    private static readonly Bad[] AnyInt = [Bad.MinusOne, Bad.Zero, Bad.Huge];
    private const string SeedDoc = "0 included";

    // ---- valid surroundings ----
    private static Sequential<double> Small() => new(new GRU<double>(2, 3), new Linear<double>(3, 1));
    private static Sequential<double> CharModel(int vocab) =>
        new(new Embedding<double>(vocab, 2), new GRU<double>(2, 3, returnSequences: true), new Linear<double>(3, vocab));
    private static double[,] Grid(int rows, int cols)
    {
        var g = new double[rows, cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) g[r, c] = 1 + r + 0.5 * c;
        return g;
    }
    private static Tensor<double> Ramp(params int[] shape)
    {
        var t = new Tensor<double>(shape);
        for (int i = 0; i < t.Length; i++) t.Data[i] = 0.1 * (i + 1);
        return t;
    }
    // Files the calls write go under one folder per test process, removed when the process ends.
    private static readonly Lazy<string> Scratch = new(() =>
    {
        string root = Directory.CreateTempSubdirectory("rnn-apiwalk-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(root, recursive: true); } catch (IOException) { } };
        return root;
    });
    private static string EmptyDir() => Directory.CreateDirectory(Path.Combine(Scratch.Value, Guid.NewGuid().ToString("N"))).FullName;
    private static string TempFile() => Path.Combine(EmptyDir(), "file.bin");
    private static string GzipFile()
    {
        string path = Path.Combine(EmptyDir(), "data.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gz.Write("hello, gzip"u8);
        return path;
    }
    private static ImdbDataset Reviews() => new(ImdbSample.Generate(ImdbSplit.Train, 20).OrderBy(r => r.Id % 3).ToList(), "test", true, true);
    private static readonly int[] Alternating = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1];
    private static DateOnly[] Days(int n) => Enumerable.Range(0, n).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToArray();
    private static int[] Ids(int n) => Enumerable.Range(0, n).Select(i => i % 3).ToArray();
    private static double Loss(Tensor<double> x) => x.Data.Sum(v => v * v);
    private static void Windows(int length = 3, int horizon = 1, int stride = 1, int target = 1, int targetFrom = 0, int targetTo = 20) =>
        Windowing.Make(Grid(20, 2), length, horizon, stride, [0], target, targetFrom, targetTo);
    private static CharNGram Bigram() => CharNGram.Fit(Ids(30), 3, 2);
    private static Trainer<double> ATrainer()
    {
        var m = Small();
        return new Trainer<double>(m, new MeanSquaredError<double>(), new Adam<double>(m.parameters()));
    }
    private static TruncatedBptt<double> ALoop() { var m = CharModel(3); return new TruncatedBptt<double>(m, new Sgd<double>(m.parameters())); }
    private static void WithMaxThreads(int v)
    {
        int old = Kernels.MaxThreads;
        try { Kernels.MaxThreads = v; } finally { Kernels.MaxThreads = old; }
    }
    private static void Download(long? expectedSize)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        try
        {
            // A cancelled token stops the call at its first wait: an accepted size gets that far.
            new Downloader { MaxAttempts = 1 }.DownloadAsync(new Uri("http://127.0.0.1:9/none"), TempFile(), expectedSize, null, ct: cancelled.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) { }
    }

    private static readonly Seq2SeqVocabulary Letters = new("abcd");
    private static EncoderDecoder<double> TinySeq2Seq() => new(Letters.Count, 2, 2);
    // A decoding step that writes </s> at once, for every hypothesis.
    private static (double[][], int[]) EndAtOnce(IReadOnlyList<int> states, IReadOnlyList<int> tokens) =>
        (states.Select(_ => new[] { double.NegativeInfinity, double.NegativeInfinity, Math.Log(0.75), Math.Log(0.25) }).ToArray(), states.ToArray());

    public static IReadOnlyList<Entry> Entries { get; } = Build();

    private static List<Entry> Build() =>
    [
        // ---- Data ----
        Int("AddingProblem.Generate(count)", v => AddingProblem.Generate<double>(v, 10, new Rng(1))),
        Int("AddingProblem.Generate(length)", v => AddingProblem.Generate<double>(4, v, new Rng(1))),
        Int("AddingProblem.Markers(n)", v => AddingProblem.Markers(AddingProblem.Generate<double>(4, 10, new Rng(1)).X, v))
            .Means(Bad.Zero, "the first example", "0 is the first example"),
        Int("Downloader.MaxAttempts", v => _ = new Downloader { MaxAttempts = v })
            .Means(Bad.Huge, "that many attempts", "at least 1)"),
        Long("Downloader.DownloadAsync(expectedSize)", v => Download(v))
            .Means(Bad.Huge, "the size the file must have", "size in bytes"),
        Long("Sha256File.Matches(expectedSize)", v => Sha256File.Matches(TempFile(), v, "00"))
            .Means(Bad.Zero, "an empty file", "0: the file is empty")
            .Means(Bad.Huge, "a size no file here has: false", "size in bytes"),
        Double("ImdbDataset.SplitValidation(fraction)", v => Reviews().SplitValidation(v)),
        ULong("ImdbDataset.Shuffle(seed)", v => Reviews().Shuffle(v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        ULong("ImdbLoader.Load(seed)", v => ImdbLoader.Load(EmptyDir(), seed: v, sampleSize: 20)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("ImdbLoader.Load(sampleSize)", v => ImdbLoader.Load(EmptyDir(), sampleSize: v)),
        Int("ImdbSample.Generate(count)", v => ImdbSample.Generate(ImdbSplit.Train, v)),
        ULong("ImdbSample.Generate(seed)", v => ImdbSample.Generate(ImdbSplit.Train, 10, v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("KerasImdb.LoadData(numWords)", v => KerasImdb.LoadData(v, EmptyDir())).Means(Bad.Huge, "no word is cut", "int.MaxValue: no word is cut"),
        Int("KerasWordIndex.WordOf(rank)", v => new KerasWordIndex(new Dictionary<string, int> { ["the"] = 1, ["movie"] = 2 }, "test").WordOf(v))
            .Means(AnyInt, "no word has that rank: null", "null when no word has"),
        Int("KerasWordIndex.Decode(indexFrom)", v => new KerasWordIndex(new Dictionary<string, int> { ["the"] = 1 }, "test").Decode([1, 4, 5], v))
            .Means(Bad.Zero, "no reserved ids", "0: no reserved ids")
            .Means(Bad.Huge, "every id is reserved and shows as ?", "shown as ?"),
        Int("Padding.PadSequences(maxlen)", v => Padding.PadSequences([[1, 2], [3]], maxlen: v)),
        Int("Padding.PadSequences(value)", v => Padding.PadSequences([[1, 2], [3]], value: v)).Means(AnyInt, "the padding id", "any id"),
        Int("Padding.PadToTensor(maxlen)", v => Padding.PadToTensor<double>([[1, 2], [3]], maxlen: v)),
        Int("Padding.PadToTensor(value)", v => Padding.PadToTensor<double>([[1, 2], [3]], value: v)).Means(AnyInt, "the padding id", "any id"),
        ULong("Shuffling.Shuffled(seed)", v => Shuffling.Shuffled([1, 2, 3], v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        ULong("Shuffling.ShuffleTogether(seed)", v => Shuffling.ShuffleTogether([1, 2, 3], [4, 5, 6], v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Double("ValidationSplit.Last(fraction)", v => ValidationSplit.Last(Alternating.Select(i => i * 2).ToArray(), Alternating, v)),
        Int("Vocabulary.Build(maxWords)", v => Vocabulary.Build(["a b c a"], maxWords: v)).Means(Bad.Huge, "no limit", "int.MaxValue: no limit"),
        Int("Vocabulary.Build(minCount)", v => Vocabulary.Build(["a b c a"], minCount: v)),
        Int("Vocabulary.WordOf(id)", v => Vocabulary.Build(["a b c a"]).WordOf(v)).Means(Bad.Zero, "the padding token", "0 is the padding"),
        Int("PriceSeries.ctor(nullRowsSkipped)", v => new PriceSeries("A", [], "test", nullRowsSkipped: v)).Means(ZeroAndHuge, "a count of rows", "count of rows the reader dropped (0 or more)"),
        Int("PriceSeries.ctor(duplicatesRemoved)", v => new PriceSeries("A", [], "test", duplicatesRemoved: v)).Means(ZeroAndHuge, "a count of rows", "count of rows the reader dropped (0 or more)"),
        Int("RecursiveForecast.Run(steps)", v => RecursiveForecast.Run([1f, 2f], v, w => w[^1])),
        Int("Scaler.Fit(rows)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2), v)),
        Double("Scaler.Transform(value)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2)).Transform(v, 1))
            .Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "a value to scale", "finite value"),
        Int("Scaler.Transform(column)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2)).Transform(1.0, v)).Means(Bad.Zero, "the first column", "a column index in [0, columns)"),
        Double("Scaler.Inverse(value)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2)).Inverse(v, 1))
            .Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "a scaled value", "finite value"),
        Int("Scaler.Inverse[Double](column)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2)).Inverse(1.0, v)).Means(Bad.Zero, "the first column", "a column index in [0, columns)"),
        Int("Scaler.Inverse[IEnumerable](column)", v => Scaler.Fit(ScalerKind.MinMax, Grid(5, 2)).Inverse([1.0, 2.0], v)).Means(Bad.Zero, "the first column", "a column index in [0, columns)"),
        Int("StockSample.Generate(days)", v => StockSample.Generate(days: v)),
        ULong("StockSample.Generate(seed)", v => StockSample.Generate(days: 10, seed: v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("WalkForward.ByYear(validationDays)", v => WalkForward.ByYear(Days(800), [2021], v)),
        Int("WalkForward.ByYear(minTrainRows)", v => WalkForward.ByYear(Days(800), [2021], 20, v)),
        Int("Windowing.Make(length)", v => Windows(length: v)),
        Int("Windowing.Make(horizon)", v => Windows(horizon: v)),
        Int("Windowing.Make(stride)", v => Windows(stride: v)).Means(Bad.Huge, "only the first window", "a stride longer than the range gives only the first window"),
        Int("Windowing.Make(target)", v => Windows(target: v)).Means(Bad.Zero, "the first column", "is a column index"),
        Int("Windowing.Make(targetFrom)", v => Windows(targetFrom: v)).Means(Bad.Zero, "from the first row that has a full window", "a targetFrom of 0 starts at the first row"),
        Int("Windowing.Make(targetTo)", v => Windows(targetTo: v)),
        Int("BpttBatcher.GetBatch(index)", v => new BpttBatcher(Ids(100), 2, 5).GetBatch(v)).Means(Bad.Zero, "the first batch", "0 is the first batch"),
        Int("BpttBatcher.GetTensors(index)", v => new BpttBatcher(Ids(100), 2, 5).GetTensors<double>(v)).Means(Bad.Zero, "the first batch", "0 is the first batch"),
        Int("BpttBatcher.ctor(batchSize)", v => new BpttBatcher(Ids(100), v, 5)),
        Int("BpttBatcher.ctor(steps)", v => new BpttBatcher(Ids(100), 2, v)),
        Double("CharCorpus.Split(trainFraction)", v => new CharCorpus("hello world, hello", "test").Split(v)),
        Int("CharNGram.Fit(vocabularySize)", v => CharNGram.Fit(Ids(30), v, 1)),
        Int("CharNGram.Fit(order)", v => CharNGram.Fit(Ids(30), 3, v)),
        Double("CharNGram.Fit(alpha)", v => CharNGram.Fit(Ids(30), 3, 2, v)).Means(Bad.Huge, "so much smoothing the model is uniform", "uniform"),
        Int("CharNGram.LogProbability(previous)", v => Bigram().LogProbability(v, 1)).Means(Bad.Zero, "id 0", "id 0 included"),
        Int("CharNGram.LogProbability(next)", v => Bigram().LogProbability(1, v)).Means(Bad.Zero, "id 0", "id 0 included"),
        Double("CharSampler.Probabilities(temperature)", v => CharSampler.Probabilities([1.0, 2.0], v))
            .Means(Bad.Zero, "the most likely character", "0 picks the most likely")
            .Means(Bad.Huge, "nearly uniform", "uniform"),
        Double("CharSampler.Sample(temperature)", v => CharSampler.Sample([1.0, 2.0], v, new Rng(1)))
            .Means(Bad.Zero, "the most likely character", "0 picks the most likely")
            .Means(Bad.Huge, "nearly uniform", "uniform"),
        Int("CharSampler.Probabilities(topK)", v => CharSampler.Probabilities([1.0, 2.0], 1.0, v))
            .Means(Bad.Zero, "every character kept", "0 keeps every character")
            .Means(Bad.Huge, "every character kept", "a value larger than the vocabulary"),
        Double("CharSampler.Probabilities(topP)", v => CharSampler.Probabilities([1.0, 2.0], 1.0, 0, v)),
        Int("CharSampler.Sample(topK)", v => CharSampler.Sample([1.0, 2.0], 1.0, new Rng(1), v))
            .Means(Bad.Zero, "every character kept", "0 keeps every character")
            .Means(Bad.Huge, "every character kept", "a value larger than the vocabulary"),
        Double("CharSampler.Sample(topP)", v => CharSampler.Sample([1.0, 2.0], 1.0, new Rng(1), 0, v)),
        Int("CharVocabulary.CharOf(id)", v => new CharVocabulary("abc").CharOf(v)).Means(Bad.Zero, "the first character", "in [0, Count)"),
        Int("TextSample.Generate(characters)", v => TextSample.Generate(v)),
        ULong("TextSample.Generate(seed)", v => TextSample.Generate(100, v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("WordSequences.SlidingWindows(length)", v => WordSequences.SlidingWindows("a b c d e f", v)),

        // ---- Diagnostics ----
        Double("GradientCheck.RelativeError(a)", v => GradientCheck.RelativeError(v, 1)).Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "a derivative", "finite"),
        Double("GradientCheck.RelativeError(b)", v => GradientCheck.RelativeError(1, v)).Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "a derivative", "finite"),
        Int("GradientCheck.NumericDerivative(i)", v => { var x = Ramp(3); GradientCheck.NumericDerivative(x, v, () => Loss(x)); }).Means(Bad.Zero, "the first element", "0 the first element"),
        Double("GradientCheck.NumericDerivative(h)", v => { var x = Ramp(3); GradientCheck.NumericDerivative(x, 1, () => Loss(x), v); }),
        Int("GradientCheck.NumericDerivative(order)", v => { var x = Ramp(3); GradientCheck.NumericDerivative(x, 1, () => Loss(x), order: v); }),
        Double("GradientCheck.Compare(h)", v => { var x = Ramp(3); GradientCheck.Compare("x", x, x.Data.Select(d => 2 * d).ToArray(), () => Loss(x), v); }),
        Int("GradientCheck.Compare(order)", v => { var x = Ramp(3); GradientCheck.Compare("x", x, x.Data.Select(d => 2 * d).ToArray(), () => Loss(x), order: v); }),
        Int("GradientCheck.Compare(maxElements)", v => { var x = Ramp(3); GradientCheck.Compare("x", x, x.Data.Select(d => 2 * d).ToArray(), () => Loss(x), maxElements: v); })
            .Means(Bad.Huge, "every element", "int.MaxValue: every element"),
        Double("GradientCheck.CheckLayer(h)", v => GradientCheck.CheckLayer(new Linear<double>(2, 1), Ramp(2, 2), new Rng(1), h: v)),
        Int("GradientCheck.CheckLayer(order)", v => GradientCheck.CheckLayer(new Linear<double>(2, 1), Ramp(2, 2), new Rng(1), order: v)),
        Int("GradientFlow.SpectralRadius(iterations)", v => GradientFlow.SpectralRadius(Ramp(3, 3), v)),
        ULong("GradientFlow.SpectralRadius(seed)", v => GradientFlow.SpectralRadius(Ramp(3, 3), 50, v)).Means(ZeroAndHuge, "a seed", SeedDoc),

        // ---- IO ----
        Int("CheckedGzipStream.Read(offset)", v => { using var s = new CheckedGzipStream(GzipFile()); s.Read(new byte[8], v, 4); }).Means(Bad.Zero, "the start of the buffer", "0: the start"),
        Int("CheckedGzipStream.Read(count)", v => { using var s = new CheckedGzipStream(GzipFile()); s.Read(new byte[8], 0, v); }).Means(Bad.Zero, "reads nothing", "0 reads nothing"),
        Long("CheckedGzipStream.Seek(offset)", v => { using var s = new CheckedGzipStream(GzipFile()); s.Seek(v, SeekOrigin.Begin); }).NotSupported("a gzip stream only reads forward (CanSeek is false)"),
        Long("CheckedGzipStream.SetLength(value)", v => { using var s = new CheckedGzipStream(GzipFile()); s.SetLength(v); }).NotSupported("a read-only stream (CanWrite is false)"),
        Int("CheckedGzipStream.Write(offset)", v => { using var s = new CheckedGzipStream(GzipFile()); s.Write(new byte[8], v, 1); }).NotSupported("a read-only stream (CanWrite is false)"),
        Int("CheckedGzipStream.Write(count)", v => { using var s = new CheckedGzipStream(GzipFile()); s.Write(new byte[8], 0, v); }).NotSupported("a read-only stream (CanWrite is false)"),
        Long("CheckedGzipStream.Position", v => { using var s = new CheckedGzipStream(GzipFile()); s.Position = v; }).NotSupported("a gzip stream only reads forward (CanSeek is false)"),
        Int("Excerpt.Of(maxLength)", v => Excerpt.Of("abc", v)).Means(Bad.Huge, "no cut", "maxLength"),

        // ---- Nn ----
        ULong("Dropout.ManualSeed(seed)", v => new Dropout<double>().ManualSeed(v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Double("Dropout.ctor(p)", v => _ = new Dropout<double>(v)).Means(Bad.Zero, "no dropout", "0: no dropout"),
        ULong("Dropout.ctor(seed)", v => _ = new Dropout<double>(0.5, v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("Embedding.ctor(numEmbeddings)", v => _ = new Embedding<double>(v, 2)),
        Int("Embedding.ctor(embeddingDim)", v => _ = new Embedding<double>(3, v)),
        Int("GRU.Cell(layer)", v => new GRU<double>(2, 3).Cell(v)).Means(Bad.Zero, "the first layer", "layer"),
        Int("GRU.ctor(inputSize)", v => _ = new GRU<double>(v, 3)),
        Int("GRU.ctor(hiddenSize)", v => _ = new GRU<double>(2, v)),
        Int("GRU.ctor(numLayers)", v => _ = new GRU<double>(2, 3, v)),
        Double("Init.Uniform(bound)", v => Init.Uniform(new Tensor<float>(2, 2), new Rng(1), v)).Means(Bad.Zero, "all zeros", "0 fills with zeros"),
        Double("Init.Normal(std)", v => Init.Normal(new Tensor<float>(2, 2), new Rng(1), v)).Means(Bad.Zero, "all zeros", "0 fills with zeros"),
        Int("Init.GlorotUniform(fanIn)", v => Init.GlorotUniform(new Tensor<float>(2, 2), new Rng(1), v, 2)).Means(Bad.Huge, "a bound near 0", "a huge fanIn or fanOut gives a bound near 0"),
        Int("Init.GlorotUniform(fanOut)", v => Init.GlorotUniform(new Tensor<float>(2, 2), new Rng(1), 2, v)).Means(Bad.Huge, "a bound near 0", "a huge fanIn or fanOut gives a bound near 0"),
        Int("Linear.ctor(inputSize)", v => _ = new Linear<double>(v, 3)),
        Int("Linear.ctor(outputSize)", v => _ = new Linear<double>(3, v)),
        Int("LSTM.Cell(layer)", v => new LSTM<double>(2, 3).Cell(v)).Means(Bad.Zero, "the first layer", "layer"),
        Int("LSTM.ctor(inputSize)", v => _ = new LSTM<double>(v, 3)),
        Int("LSTM.ctor(hiddenSize)", v => _ = new LSTM<double>(2, v)),
        Int("LSTM.ctor(numLayers)", v => _ = new LSTM<double>(2, 3, v)),
        Int("RNN.Cell(layer)", v => new RNN<double>(2, 3).Cell(v)).Means(Bad.Zero, "the first layer", "layer"),
        Int("RNN.ctor(inputSize)", v => _ = new RNN<double>(v, 3)),
        Int("RNN.ctor(hiddenSize)", v => _ = new RNN<double>(2, v)),
        Int("RNN.ctor(numLayers)", v => _ = new RNN<double>(2, 3, v)),
        ULong("RNNBase.ManualSeedDropout(seed)", v => new GRU<double>(2, 3, 2).ManualSeedDropout(v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("RNNBase.Cell(layer)", v => ((RNNBase<double>)new GRU<double>(2, 3)).Cell(v)).Means(Bad.Zero, "the first layer", "layer"),
        Int("RNNBase.ZeroState(batch)", v => new GRU<double>(2, 3).ZeroState(v)),
        Int("MinGRU.ctor(inputSize)", v => _ = new MinGRU<double>(v, 3)),
        Int("MinGRU.ctor(hiddenSize)", v => _ = new MinGRU<double>(2, v)),
        Int("MinLSTM.ctor(inputSize)", v => _ = new MinLSTM<double>(v, 3)),
        Int("MinLSTM.ctor(hiddenSize)", v => _ = new MinLSTM<double>(2, v)),
        Int("LinearRecurrence.ZeroState(batch)", v => new MinGRU<double>(2, 3).ZeroState(v)),
        Int("LinearRecurrence.ScanBlocks", v => new MinGRU<double>(2, 3).ScanBlocks = v).Means(Bad.Huge, "merged down to a quarter of the steps", "upper bound"),
        Int("Kernels.LinearScan(batch)", v => Kernels.LinearScan<double>(new double[8], new double[8], new double[4], new double[8], v, 2, 2, false, 1)),
        Int("Kernels.LinearScan(steps)", v => Kernels.LinearScan<double>(new double[8], new double[8], new double[4], new double[8], 2, v, 2, false, 1)),
        Int("Kernels.LinearScan(width)", v => Kernels.LinearScan<double>(new double[8], new double[8], new double[4], new double[8], 2, 2, v, false, 1)),
        Int("Kernels.LinearScan(blocks)", v => Kernels.LinearScan<double>(new double[8], new double[8], new double[4], new double[8], 2, 2, 2, false, v))
            .Means(Bad.Huge, "merged down to a quarter of the steps", "upper bound"),
        Int("RNNBase.TruncateBackpropSteps", v => new GRU<double>(2, 3).TruncateBackpropSteps = v)
            .Means(Bad.Zero, "full BPTT", "0 means full BPTT")
            .Means(Bad.Huge, "chunks longer than any sequence: full BPTT", "longer than the sequence"),
        Double("RNNBase.Dropout", v => new GRU<double>(2, 3, 2).Dropout = v).Means(Bad.Zero, "no dropout", "0: no dropout"),
        Int("SequenceMask.IsValid(b)", v => SequenceMask.FromLengths([1, 2], 3).IsValid(v, 0)).Means(Bad.Zero, "the first sequence", "in [0, Batch)"),
        Int("SequenceMask.IsValid(t)", v => SequenceMask.FromLengths([1, 2], 3).IsValid(0, v)).Means(Bad.Zero, "the first step", "in [0, Steps)"),
        Int("SequenceMask.FromLengths(steps)", v => SequenceMask.FromLengths([1, 2], v)),
        Double("SequenceMask.FromPadding(padValue)", v => SequenceMask.FromPadding(new Tensor<double>([0, 1, 2, 3], 2, 2), v))
            .Means([Bad.MinusOne, Bad.Zero], "the padding id", "whole number"),
        ULong("Sequential.Initialize(seed)", v => Small().Initialize(InitScheme.Keras, v)).Means(ZeroAndHuge, "a seed", SeedDoc),

        // ---- Tensors ----
        Int("Activations.Softmax(n)", v => Activations.Softmax<double>(new double[6], v)),
        Int("Kernels.Gemm(m)", v => Kernels.Gemm<double>(false, false, v, 2, 2, new double[4], new double[4], new double[4], false)).Means(Bad.Zero, "an empty product", "m or n of 0 is an empty product"),
        Int("Kernels.Gemm(n)", v => Kernels.Gemm<double>(false, false, 2, v, 2, new double[4], new double[4], new double[4], false)).Means(Bad.Zero, "an empty product", "m or n of 0 is an empty product"),
        Int("Kernels.Gemm(k)", v => Kernels.Gemm<double>(false, false, 2, 2, v, new double[4], new double[4], new double[4], false)).Means(Bad.Zero, "a sum of no terms: C = 0", "k of 0 a sum of no terms"),
        Int("Kernels.GemmAddRow(m)", v => Kernels.GemmAddRow<double>(false, false, v, 2, 2, new double[4], new double[4], new double[2], new double[4])).Means(Bad.Zero, "an empty product", "m or n of 0 is an empty product"),
        Int("Kernels.GemmAddRow(n)", v => Kernels.GemmAddRow<double>(false, false, 2, v, 2, new double[4], new double[4], new double[2], new double[4])),
        Int("Kernels.GemmAddRow(k)", v => Kernels.GemmAddRow<double>(false, false, 2, 2, v, new double[4], new double[4], new double[2], new double[4])).Means(Bad.Zero, "a sum of no terms: C = row", "k of 0 a sum of no terms"),
        Int("Kernels.AddRowVector(rows)", v => Kernels.AddRowVector<double>(new double[4], new double[2], v)).Means(Bad.Zero, "no rows", "0 rows is nothing to do"),
        Int("Kernels.AccumulateColumnSums(rows)", v => Kernels.AccumulateColumnSums<double>(new double[4], new double[2], v)).Means(Bad.Zero, "no rows", "0 rows add nothing"),
        Int("Kernels.Transpose(rows)", v => Kernels.Transpose<double>(new double[4], v, 2, new double[4])).Means(Bad.Zero, "an empty matrix", "0 rows or columns is an empty matrix"),
        Int("Kernels.Transpose(cols)", v => Kernels.Transpose<double>(new double[4], 2, v, new double[4])).Means(Bad.Zero, "an empty matrix", "0 rows or columns is an empty matrix"),
        Int("Kernels.MaxThreads", WithMaxThreads).Means(Bad.Huge, "no cap beyond the work's own split", "upper bound"),
        ULong("Rng.ManualSeed(seed)", Rng.ManualSeed).Means(ZeroAndHuge, "a seed", SeedDoc),
        Double("Rng.Uniform(lo)", v => new Rng(1).Uniform(v, 2)).Means([Bad.MinusOne, Bad.Zero], "a lower bound", "lo ≤ hi"),
        Double("Rng.Uniform(hi)", v => new Rng(1).Uniform(-2, v)).Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "an upper bound", "lo ≤ hi"),
        Int("Rng.NextInt(n)", v => new Rng(1).NextInt(v)).Means(Bad.Huge, "a number in [0, int.MaxValue)", "[0, n)"),
        Int("Rng.Permutation(n)", v => new Rng(1).Permutation(v)).Means(Bad.Zero, "the empty permutation", "empty for 0"),
        ULong("Rng.ctor(seed)", v => _ = new Rng(v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Double("Tensor.Uniform(lo)", v => Tensor.Uniform<double>(new Rng(1), v, 2, 2)).Means([Bad.MinusOne, Bad.Zero], "a lower bound", "lo ≤ hi"),
        Double("Tensor.Uniform(hi)", v => Tensor.Uniform<double>(new Rng(1), -2, v, 2)).Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "an upper bound", "lo ≤ hi"),
        Double("Tensor.Normal(mean)", v => Tensor.Normal<double>(new Rng(1), v, 1, 2)).Means([Bad.MinusOne, Bad.Zero, Bad.Huge], "the mean", "finite"),
        Double("Tensor.Normal(std)", v => Tensor.Normal<double>(new Rng(1), 0, v, 2)).Means(Bad.Zero, "every element is the mean", "0: every element is the mean")
            .Means(Bad.Huge, "a spread that wide", "a huge finite std is taken as given"),
        Int("Tensor.Block(k)", v => Tensor.Block(Ramp(2, 6), v, 2)).Means(Bad.Zero, "the first block", "block 0 is the first"),
        Int("Tensor.Block(width)", v => Tensor.Block(Ramp(2, 6), 1, v)),
        Int("Tensor.Dim(axis)", v => Ramp(2, 3).Dim(v))
            .Means(Bad.MinusOne, "the last axis", "negative counts from the end")
            .Means(Bad.Zero, "the first axis", "dimension"),
        Int("Tensor.FormatIndex(flat)", v => Ramp(2, 3).FormatIndex(v)).Means(Bad.Zero, "the first element", "in [0, Length)"),

        // ---- Training ----
        Int("BagOfWordsClassifier.Fit(epochs)", v => new BagOfWordsClassifier(5).Fit([[1, 2], [3, 4]], [0, 1], epochs: v)),
        Int("BagOfWordsClassifier.Fit(batchSize)", v => new BagOfWordsClassifier(5).Fit([[1, 2], [3, 4]], [0, 1], batchSize: v))
            .Means(Bad.Huge, "every document in one batch", "puts them all in one batch"),
        Double("BagOfWordsClassifier.Fit(learningRate)", v => new BagOfWordsClassifier(5).Fit([[1, 2], [3, 4]], [0, 1], learningRate: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        ULong("BagOfWordsClassifier.Fit(seed)", v => new BagOfWordsClassifier(5).Fit([[1, 2], [3, 4]], [0, 1], seed: v)).Means(ZeroAndHuge, "a seed", SeedDoc),
        Int("BagOfWordsClassifier.ctor(vocabSize)", v => _ = new BagOfWordsClassifier(v)),
        Double("BagOfWordsClassifier.L2", v => _ = new BagOfWordsClassifier(5) { L2 = v }).Means(Bad.Zero, "no penalty", "0: no penalty").Means(Bad.Huge, "a penalty that strong", "0 or more and finite"),
        Int("Batching.Slice(start)", v => Batching.Slice(Ramp(4, 2), v, 2)).Means(Bad.Zero, "from the first example", "0: from the first example"),
        Int("Batching.Slice(count)", v => Batching.Slice(Ramp(4, 2), 1, v)),
        Int("EarlyStopping.Patience", v => _ = new EarlyStopping { Patience = v }).Means(Bad.Huge, "stops only after that many epochs without improvement", "at least 1"),
        Double("EarlyStopping.MinDelta", v => _ = new EarlyStopping { MinDelta = v })
            .Means(Bad.Zero, "any improvement counts", "0 or more")
            .Means(Bad.Huge, "no improvement counts", "0 or more"),
        Int("FitOptions.Epochs", v => _ = new FitOptions { Epochs = v }).Means(Bad.Huge, "until early stopping ends the run", "int.MaxValue: until early stopping ends the run"),
        Int("FitOptions.BatchSize", v => _ = new FitOptions { BatchSize = v }).Means(Bad.Huge, "every example in one batch", "one batch"),
        Double("FitOptions.ValidationSplit", v => _ = new FitOptions { ValidationSplit = v }).Means(Bad.Zero, "no validation", "0: no validation"),
        ULong("FitOptions.Seed", v => _ = new FitOptions { Seed = v }).Means(ZeroAndHuge, "a seed", SeedDoc),
        Double("GradientClipping.ClipByGlobalNorm(maxNorm)", v => GradientClipping.ClipByGlobalNorm(Small().parameters(), v)).Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        Double("GradientClipping.ClipByValue(clip)", v => GradientClipping.ClipByValue(Small().parameters(), v)).Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        Double("BinaryCrossEntropy.ctor(epsilon)", v => _ = new BinaryCrossEntropy<double>(v)).Means(Bad.Zero, "PyTorch's clamped log", "when epsilon is 0"),
        Double("Adagrad.ctor(learningRate)", v => _ = new Adagrad<double>(Small().parameters(), learningRate: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Adagrad.ctor(epsilon)", v => _ = new Adagrad<double>(Small().parameters(), epsilon: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Adagrad.ctor(initialAccumulator)", v => _ = new Adagrad<double>(Small().parameters(), initialAccumulator: v)).Means(Bad.Zero, "PyTorch's default", "0 is PyTorch's default").Means(Bad.Huge, "a large initial accumulator", "0 or more and finite"),
        Double("Adam.ctor(learningRate)", v => _ = new Adam<double>(Small().parameters(), learningRate: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Adam.ctor(beta1)", v => _ = new Adam<double>(Small().parameters(), beta1: v)).Means(Bad.Zero, "no momentum", "[0, 1)"),
        Double("Adam.ctor(beta2)", v => _ = new Adam<double>(Small().parameters(), beta2: v)).Means(Bad.Zero, "no averaging of squares", "[0, 1)"),
        Double("Adam.ctor(epsilon)", v => _ = new Adam<double>(Small().parameters(), epsilon: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Optimizer.LearningRate", v => new Adam<double>(Small().parameters()).LearningRate = v).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("OptimizerFactory.Create(learningRate)", v => OptimizerFactory.Create("adam", Small().parameters(), Framework.PyTorch, v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("RmsProp.ctor(learningRate)", v => _ = new RmsProp<double>(Small().parameters(), learningRate: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("RmsProp.ctor(rho)", v => _ = new RmsProp<double>(Small().parameters(), rho: v)).Means(Bad.Zero, "no averaging of squares", "[0, 1)"),
        Double("RmsProp.ctor(epsilon)", v => _ = new RmsProp<double>(Small().parameters(), epsilon: v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Sgd.ctor(learningRate)", v => _ = new Sgd<double>(Small().parameters(), v)).Means(Bad.Huge, "taken as given", "a huge finite one is taken as given"),
        Double("Sgd.ctor(momentum)", v => _ = new Sgd<double>(Small().parameters(), momentum: v)).Means(Bad.Zero, "plain SGD", "[0, 1)"),
        Int("Trainer.TrainStep(epoch)", v => ATrainer().TrainStep(Ramp(4, 3, 2), Ramp(4, 1), epoch: v)).Means([Bad.Zero, Bad.Huge], "a label for messages", "0 or more"),
        Int("Trainer.TrainStep(batch)", v => ATrainer().TrainStep(Ramp(4, 3, 2), Ramp(4, 1), batch: v)).Means([Bad.Zero, Bad.Huge], "a label for messages", "0 or more"),
        Int("Trainer.Evaluate(batchSize)", v => ATrainer().Evaluate(Ramp(4, 3, 2), Ramp(4, 1), v)).Means(Bad.Huge, "every example in one batch", "one batch"),
        Int("Trainer.Predict(batchSize)", v => ATrainer().Predict(Ramp(4, 3, 2), v)).Means(Bad.Huge, "every example in one batch", "one batch"),
        Double("Trainer.ClipNorm", v => ATrainer().ClipNorm = v).Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        Double("Trainer.ClipValue", v => ATrainer().ClipValue = v).Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        Double("Trainer.UpdateRatioWarning", v => ATrainer().UpdateRatioWarning = v)
            .Means(Bad.Huge, "warn only past that ratio", "a huge value warns only past that ratio")
            .Means(Bad.PlusInfinity, "never warn", "PositiveInfinity: never warn"),
        Int("TruncatedBptt.SaveCheckpoint(epochsDone)", v => ALoop().SaveCheckpoint(TempFile(), v)).Means([Bad.Zero, Bad.Huge], "epochs done", "0 or more"),
        Int("TruncatedBptt.Generate(length)", v => ALoop().Generate(new CharVocabulary("abc"), "ab", v, 1.0, new Rng(1))).Means(Bad.Zero, "the prime only: nothing generated", "0: the prime only"),
        Double("TruncatedBptt.Generate(temperature)", v => ALoop().Generate(new CharVocabulary("abc"), "ab", 5, v, new Rng(1)))
            .Means(Bad.Zero, "the most likely character", "0 picks the most likely")
            .Means(Bad.Huge, "nearly uniform", "uniform"),
        Int("TruncatedBptt.Generate(topK)", v => ALoop().Generate(new CharVocabulary("abc"), "ab", 5, 1.0, new Rng(1), v))
            .Means(Bad.Zero, "every character kept", "0 keeps every character")
            .Means(Bad.Huge, "every character kept", "a value larger than the vocabulary"),
        Double("TruncatedBptt.Generate(topP)", v => ALoop().Generate(new CharVocabulary("abc"), "ab", 5, 1.0, new Rng(1), 0, v)),
        Double("TruncatedBptt.ctor(clipNorm)", v => { var m = CharModel(3); _ = new TruncatedBptt<double>(m, new Sgd<double>(m.parameters()), v); }).Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        // ---- Seq2Seq and attention ----
        Int("DateTask.Write(format)", v => DateTask.Write(new DateOnly(2026, 12, 7), v)).Means(Bad.Zero, "the first format", "an index into"),
        Int("DateTask.Generate(count)", v => DateTask.Generate(v, new Rng(1))),
        Int("DateTask.Ordinal(day)", v => DateTask.Ordinal(v)),
        Int("StringTask.Generate(count)", v => StringTask.Generate(StringTaskKind.Copy, v, 1, 5, new Rng(1))),
        Int("StringTask.Generate(minLength)", v => StringTask.Generate(StringTaskKind.Copy, 3, v, 5, new Rng(1))),
        Int("StringTask.Generate(maxLength)", v => StringTask.Generate(StringTaskKind.Copy, 3, 1, v, new Rng(1))),
        Int("Seq2SeqVocabulary.Token(id)", v => Letters.Token(v)).Means(Bad.Zero, "the padding id", "0 is the padding id"),
        Int("Seq2SeqBatch.Batches(batchSize)", v => Seq2SeqBatch<double>.Batches([new("ab", "ba"), new("c", "c")], Letters, v))
            .Means(Bad.Huge, "one batch", "gives one batch"),
        Int("AttentionLayer.ctor(querySize)", v => _ = new AttentionLayer<double>(AttentionKind.Additive, v, 3, 4)),
        Int("AttentionLayer.ctor(keySize)", v => _ = new AttentionLayer<double>(AttentionKind.Additive, 3, v, 4)),
        Int("AttentionLayer.ctor(attentionSize)", v => _ = new AttentionLayer<double>(AttentionKind.Additive, 3, 3, v)),
        Int("DotProductAttention.ctor(size)", v => _ = new DotProductAttention<double>(v)),
        Int("EncoderDecoder.ctor(vocabularySize)", v => _ = new EncoderDecoder<double>(v, 2, 2)),
        Int("EncoderDecoder.ctor(embeddingSize)", v => _ = new EncoderDecoder<double>(7, v, 2)),
        Int("EncoderDecoder.ctor(hiddenSize)", v => _ = new EncoderDecoder<double>(7, 2, v)),
        Int("EncoderDecoder.ctor(decoderHiddenSize)", v => _ = new EncoderDecoder<double>(7, 2, 2, decoderHiddenSize: v)),
        Int("EncoderDecoder.ctor(attentionSize)", v => _ = new EncoderDecoder<double>(7, 2, 2, attentionSize: v)),
        Int("BeamSearch.Greedy(maxLength)", v => BeamSearch.Greedy<int>(0, EndAtOnce, v)),
        Int("BeamSearch.Decode(beamWidth)", v => BeamSearch.Decode<int>(0, EndAtOnce, v, 5)),
        Int("BeamSearch.Decode(maxLength)", v => BeamSearch.Decode<int>(0, EndAtOnce, 2, v)),
        Int("Seq2SeqDecoding.Greedy(maxLength)", v => Seq2SeqDecoding.Greedy(TinySeq2Seq(), Letters, ["abc", "d"], v)),
        Int("Seq2SeqDecoding.Greedy(batchSize)", v => Seq2SeqDecoding.Greedy(TinySeq2Seq(), Letters, ["abc", "d"], 3, v)).Means(Bad.Huge, "one batch", "gives one batch"),
        Int("Seq2SeqDecoding.Beam(beamWidth)", v => Seq2SeqDecoding.Beam(TinySeq2Seq(), Letters, "abc", v, 3)),
        Double("TeacherForcing.Step(clipNorm)", v => { var m = TinySeq2Seq(); TeacherForcing.Step(m, Seq2SeqBatch<double>.Create([new("ab", "ba")], Letters), TeacherForcing.Loss<double>(), new Sgd<double>(m.parameters()), v); })
            .Means(Bad.Huge, "no clipping in practice", "clips nothing in practice"),
        Int("SoftmaxCrossEntropy.IgnoreIndex", v => new SoftmaxCrossEntropy<double> { IgnoreIndex = v }.forward(Ramp(2, 3), Tensor.FromIndices<double>(new[] { 1, 2 })))
            .Means(AnyInt, "a label to leave out (none of these here)", "any label"),
        Int("Seq2SeqDecoding.Beam(maxLength)", v => Seq2SeqDecoding.Beam(TinySeq2Seq(), Letters, "abc", 2, v)),
    ];
}
