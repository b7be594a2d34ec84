namespace RnnNotebooks.Data.Download;

/// <summary>
/// The files the course knows about. The same entries are in <c>datasets/manifest.json</c>
/// (a test keeps the two in step); the code copy lets the library download without the repository.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>The official IMDB tarball (Maas et al. 2011), read without extraction.</summary>
    public static readonly DatasetFile ImdbTarball = new(
        "imdb-tarball", "imdb/aclImdb_v1.tar.gz",
        "http://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",
        84_125_825, "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe");

    /// <summary>The Keras IMDB word index (<c>keras.datasets.imdb.get_word_index()</c>).</summary>
    public static readonly DatasetFile ImdbWordIndex = new(
        "imdb-word-index", "imdb/imdb_word_index.json",
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json",
        1_641_221, "027313fe9a320280f3bf0fac5baf58c4a683cf39a7ed9c3d3d3912bde4284cf6");

    /// <summary>IMDB train split repackaged as CSV (shared copy only; the tarball holds the same reviews).</summary>
    public static readonly DatasetFile ImdbTrainCsv = new(
        "imdb-train-csv", "imdb/train.csv.gz", null,
        12_929_804, "fccf73ad033bd9f04f0eea76c9d60b57a8ba2156d9a76bc289c7dc61154dd8eb",
        "Course repackaging of aclImdb/train/{neg,pos}; download imdb-tarball instead.");

    /// <summary>IMDB test split repackaged as CSV (shared copy only).</summary>
    public static readonly DatasetFile ImdbTestCsv = new(
        "imdb-test-csv", "imdb/test.csv.gz", null,
        12_623_110, "673dc3439f06c93fee6e3ee7cd601c129e17cdbd63a99580e600d8eafac21392",
        "Course repackaging of aclImdb/test/{neg,pos}; download imdb-tarball instead.");

    /// <summary>Karpathy's tiny-shakespeare (char-rnn input.txt).</summary>
    public static readonly DatasetFile TinyShakespeare = new(
        "tinyshakespeare", "text/tinyshakespeare.txt",
        "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",
        1_115_394, "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed");

    private const string YahooNote =
        "No stable public URL: Yahoo Finance exports change daily. Open https://finance.yahoo.com/quote/<SYMBOL>/history, " +
        "choose Max and Daily, click Download, and save the CSV as stocks/<SYMBOL>.csv under the data root. " +
        "A new export will not match this hash; the loaders accept it anyway.";

    /// <summary>Apple daily prices, Yahoo export ending 2020-12-11.</summary>
    public static readonly DatasetFile Aapl = new("stocks-aapl", "stocks/AAPL.csv", null,
        678_009, "7ba220087f64b3c06b9f8139d1ebf9071b7c7785d0a637ae14e2818e6293c114", YahooNote);

    /// <summary>Microsoft daily prices, Yahoo export ending 2020-12-11.</summary>
    public static readonly DatasetFile Msft = new("stocks-msft", "stocks/MSFT.csv", null,
        603_487, "1cebd6f6f9960b7feed3b35e8e2e5080938729ad397335e2c30d218a7a6104d5", YahooNote);

    /// <summary>S&amp;P 500 index daily prices, Yahoo export ending 2020-11-17.</summary>
    public static readonly DatasetFile Gspc = new("stocks-gspc", "stocks/GSPC.csv", null,
        1_682_387, "30e3bec6e8c537940f747666ab2c7fc193d1a3eed41ae30e301414eceb189e81", YahooNote);

    /// <summary>Every entry, in manifest order.</summary>
    public static IReadOnlyList<DatasetFile> All { get; } =
        [ImdbTarball, ImdbWordIndex, ImdbTrainCsv, ImdbTestCsv, TinyShakespeare, Aapl, Msft, Gspc];

    /// <summary>The entry with this id; throws with the list of ids otherwise.</summary>
    public static DatasetFile Get(string id) =>
        All.FirstOrDefault(f => f.Id == id)
        ?? throw new ArgumentException($"Unknown dataset id '{id}'. Known: {string.Join(", ", All.Select(f => f.Id))}.", nameof(id));
}
