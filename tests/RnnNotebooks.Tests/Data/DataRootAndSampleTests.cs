using RnnNotebooks.Data;
using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.Data.Text;

namespace RnnNotebooks.Tests.Data;

[Collection(AmbientStateCollection.Name)]
public class DataRootAndSampleTests
{
    [Fact]
    public void Explicit_path_wins_then_the_environment_variable()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        string? saved = Environment.GetEnvironmentVariable(DataRoot.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, b.Path);
            Assert.Equal(DataRootKind.Explicit, DataRoot.Describe(a.Path).Kind);
            Assert.Equal(a.Path, DataRoot.Resolve(a.Path));
            Assert.Equal(new DataRootInfo(b.Path, DataRootKind.EnvironmentVariable), DataRoot.Describe());
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, Path.Combine(b.Path, "missing"));
            Assert.Contains(DataRoot.EnvironmentVariable, Assert.Throws<DirectoryNotFoundException>(() => DataRoot.Resolve()).Message);
            Assert.Throws<DirectoryNotFoundException>(() => DataRoot.Resolve(Path.Combine(a.Path, "missing")));
        }
        finally { Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, saved); }
    }

    [Fact]
    public void Without_explicit_path_or_variable_the_shared_folder_or_cache_is_used()
    {
        using var cache = new TempDir();
        string? saved = Environment.GetEnvironmentVariable(DataRoot.EnvironmentVariable);
        string? savedCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, null);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache.Path);
            Assert.Equal(Path.Combine(cache.Path, "rnn-notebooks"), DataRoot.CacheDirectory);
            var info = DataRoot.Describe();
            if (RealData.Root is not null) Assert.Equal(new DataRootInfo(RealData.Root, DataRootKind.SharedBesideRepository), info);
            else Assert.Equal(new DataRootInfo(Path.Combine(cache.Path, "rnn-notebooks"), DataRootKind.UserCache), info);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataRoot.EnvironmentVariable, saved);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", savedCache);
        }
    }

    [Fact]
    public void The_shared_folder_is_found_beside_the_repository_holding_the_solution()
    {
        // temp/repo/RnnNotebooks.sln, temp/shared/datasets, and the current directory deep inside the repository.
        using var temp = new TempDir();
        File.WriteAllText(temp.File("repo/RnnNotebooks.sln"), "");
        string shared = Directory.CreateDirectory(Path.Combine(temp.Path, "shared", "datasets")).FullName;
        string deep = Directory.CreateDirectory(Path.Combine(temp.Path, "repo", "notebooks", "solutions")).FullName;
        string saved = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(deep);
            Assert.Equal(shared, DataRoot.FindSharedDatasets());
        }
        finally { Directory.SetCurrentDirectory(saved); }
    }

    [Fact]
    public void Missing_data_falls_back_to_announced_samples()
    {
        using var empty = new TempDir();
        var output = new StringWriter();
        SampleNotice.Out = output;
        try
        {
            var imdb = ImdbLoader.Load(empty.Path);
            Assert.True(imdb.IsSample);
            Assert.Equal(1000, imdb.Train.Count);
            Assert.Equal(500, imdb.Train.Reviews.Count(r => r.Label == 1));
            Assert.Contains("IMDB", output.ToString());
            Assert.Contains("GENERATED SAMPLE", output.ToString());
            Assert.Contains("aclImdb_v1.tar.gz", output.ToString());

            var keras = KerasImdb.LoadData(new KerasImdbOptions { NumWords = 200 }, empty.Path);
            Assert.True(keras.IsSample);
            Assert.Equal(1000, keras.XTrain.Length);
            // Offline, the word index that goes with the sample is built from the sample, not looked up.
            var index = KerasImdb.LoadWordIndex(imdb, empty.Path);
            Assert.Contains("generated sample", index.Source);
            Assert.True(index.RankOf(imdb.Train.Reviews[0].Text.Split(' ')[0].ToLowerInvariant().Trim('.', ',', '!')) > 0);
            Assert.Throws<FileNotFoundException>(() => KerasImdb.LoadWordIndex(empty.Path));

            var aapl = StockLoader.Load("AAPL", empty.Path);
            Assert.True(aapl.IsSample);
            Assert.Contains("finance.yahoo.com", output.ToString());

            var text = TextLoader.TinyShakespeare(empty.Path);
            Assert.True(text.IsSample);
            Assert.InRange(text.Length, 50_000, 51_000);
            Assert.Contains("raw.githubusercontent.com", output.ToString());
        }
        finally { SampleNotice.Out = null; }
    }

    [Fact]
    public void Require_real_data_refuses_the_sample()
    {
        using var empty = new TempDir();
        Assert.Throws<FileNotFoundException>(() => ImdbLoader.Load(empty.Path, requireRealData: true));
        Assert.Throws<FileNotFoundException>(() => StockLoader.Load("AAPL", empty.Path, requireRealData: true));
        Assert.Throws<FileNotFoundException>(() => TextLoader.TinyShakespeare(empty.Path, requireRealData: true));
    }

    [Fact]
    public void Unshuffled_load_warns_on_stdout()
    {
        using var tmp = new TempDir();
        ImdbFixtures.WriteTarball(tmp.File("imdb/aclImdb_v1.tar.gz"), ImdbFixtures.Reviews(10));
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var data = ImdbLoader.Load(tmp.Path, shuffle: false);
            Assert.False(data.Train.IsShuffled);
            Assert.Contains("UNSHUFFLED", output.ToString());
            Assert.Contains("SORTED BY LABEL", data.Train.ToString());
        }
        finally { Console.SetOut(saved); }
    }

    [Fact]
    public void Samples_are_deterministic_and_learnable()
    {
        Assert.Equal(ImdbSample.Generate(ImdbSplit.Train, 50), ImdbSample.Generate(ImdbSplit.Train, 50));
        Assert.NotEqual(ImdbSample.Generate(ImdbSplit.Train, 50)[0].Text, ImdbSample.Generate(ImdbSplit.Test, 50)[0].Text);
        // A one-word rule separates the classes: the sentiment cues are clear.
        var reviews = ImdbSample.Generate(ImdbSplit.Train, 400);
        string[] good = ["wonderful", "brilliant", "excellent", "superb", "great", "loved", "best", "must see", "ten out of ten"];
        double accuracy = reviews.Average(r => (good.Any(g => r.Text.Contains(g, StringComparison.OrdinalIgnoreCase)) ? 1 : 0) == r.Label ? 1.0 : 0.0);
        Assert.True(accuracy > 0.95, $"accuracy {accuracy}");
        var prices = StockSample.Generate("X");
        Assert.Equal(prices.Bars.Select(b => b.Close), StockSample.Generate("X").Bars.Select(b => b.Close));
        Assert.All(prices.Bars, b => Assert.True(b.Low <= Math.Min(b.Open, b.Close) && b.High >= Math.Max(b.Open, b.Close) && b.Low > 0));
        Assert.Equal(TextSample.Generate(), TextSample.Generate());
    }
}
