using RnnNotebooks.Data.Imdb;
using RnnNotebooks.Data.Sequences;

namespace RnnNotebooks.Tests.Data;

public class ImdbRealDataTests
{
    // keras.datasets.imdb.load_data(num_words=10000)[0][0][0] as printed by many public tutorials
    // (review train/pos/576_10.txt). Keras's own tokenisation, reproduced from the raw text.
    internal static readonly int[] KerasFirstTrainReview =
    [
        1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65, 458, 4468, 66, 3941, 4, 173, 36, 256, 5, 25, 100, 43, 838, 112, 50, 670, 2, 9, 35, 480, 284, 5, 150, 4, 172, 112, 167, 2, 336, 385, 39, 4, 172, 4536, 1111, 17, 546, 38, 13, 447, 4, 192, 50, 16, 6, 147, 2025, 19, 14, 22, 4, 1920, 4613, 469, 4, 22, 71, 87, 12, 16, 43, 530, 38, 76, 15, 13, 1247, 4, 22, 17, 515, 17, 12, 16, 626, 18, 2, 5, 62, 386, 12, 8, 316, 8, 106, 5, 4, 2223, 5244, 16, 480, 66, 3785, 33, 4, 130, 12, 16, 38, 619, 5, 25, 124, 51, 36, 135, 48, 25, 1415, 33, 6, 22, 12, 215, 28, 77, 52, 5, 14, 407, 16, 82, 2, 8, 4, 107, 117, 5952, 15, 256, 4, 2, 7, 3766, 5, 723, 36, 71, 43, 530, 476, 26, 400, 317, 46, 7, 4, 2, 1029, 13, 104, 88, 4, 381, 15, 297, 98, 32, 2071, 56, 26, 141, 6, 194, 7486, 18, 4, 226, 22, 21, 134, 476, 26, 480, 5, 144, 30, 5535, 18, 51, 36, 28, 224, 92, 25, 104, 4, 226, 65, 16, 38, 1334, 88, 12, 16, 283, 5, 16, 4472, 113, 103, 32, 15, 16, 5345, 19, 178, 32,
    ];

    private static readonly Lazy<ImdbData> Loaded = new(() => ImdbLoader.Load(RealData.RequireRoot(), requireRealData: true));

    [RealDataFact]
    public void Csv_files_hold_25000_reviews_per_split_12500_per_label()
    {
        var data = Loaded.Value;
        Assert.False(data.IsSample);
        foreach (var (set, split) in new[] { (data.Train, ImdbSplit.Train), (data.Test, ImdbSplit.Test) })
        {
            Assert.Equal(25_000, set.Count);
            Assert.Equal(12_500, set.Reviews.Count(r => r.Label == 0));
            Assert.Equal(12_500, set.Reviews.Count(r => r.Label == 1));
            Assert.All(set.Reviews, r => Assert.Equal(split, r.Split));
            Assert.True(set.IsShuffled);
            Assert.False(ValidationSplit.LooksSorted(set.Labels));
        }
        // Ratings per SOURCE.md.
        var ratings = data.Train.Reviews.GroupBy(r => r.Rating).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5100, ratings[1]);
        Assert.Equal(4732, ratings[10]);
        Assert.Equal(new[] { 1, 2, 3, 4, 7, 8, 9, 10 }, ratings.Keys.Order());
        // Shortest and longest review in UTF-16 units, as Python's csv module reads the same files.
        Assert.Equal(32, data.Train.Reviews.Concat(data.Test.Reviews).Min(r => r.Text.Length));
        Assert.Equal(13_704, data.Train.Reviews.Concat(data.Test.Reviews).Max(r => r.Text.Length));
    }

    [RealDataFact]
    public void Unshuffled_csv_is_sorted_by_label_and_refuses_a_validation_split()
    {
        var raw = ImdbCsvReader.Read(RealData.File("imdb/train.csv.gz"));
        Assert.True(ValidationSplit.LooksSorted(raw.Select(r => r.Label).ToArray()));
        var unshuffled = new ImdbDataset(raw, "train.csv.gz", false, false);
        Assert.Throws<InvalidOperationException>(() => unshuffled.SplitValidation(0.2));
        Assert.Throws<InvalidOperationException>(() => ValidationSplit.Last(raw.ToArray(), raw.Select(r => r.Label).ToArray(), 0.2));
        var (train, val) = Loaded.Value.Train.SplitValidation(0.2);
        Assert.Equal(20_000, train.Count);
        Assert.Equal(5_000, val.Count);
        Assert.InRange(val.Reviews.Count(r => r.Label == 1), 2_300, 2_700);
    }

    [RealDataFact]
    public void Keras_word_index_is_the_official_one()
    {
        var index = KerasImdb.LoadWordIndex(RealData.RequireRoot());
        Assert.Equal(88_584, index.Count);
        Assert.Equal(1, index.RankOf("the"));
        Assert.Equal(7, index.RankOf("br"));
        Assert.Equal("and", index.WordOf(2));
    }

    [RealDataFact]
    public void Encoding_reproduces_the_published_keras_array_of_the_first_training_review()
    {
        var index = KerasImdb.LoadWordIndex(RealData.RequireRoot());
        var review = Loaded.Value.Train.Reviews.Single(r => r.Label == 1 && r.Id == 576);
        var ids = KerasImdb.EncodeText(review.Text, index).Select(w => w < 10_000 ? w : 2).ToArray();
        Assert.Equal(KerasFirstTrainReview, ids);
        // Without num_words the rare words keep their ids, e.g. "redford's" = 22665.
        var full = KerasImdb.EncodeText(review.Text, index);
        Assert.Equal(22_665, full[26]);
        Assert.StartsWith("? this film was just brilliant casting location scenery story direction everyone's", index.Decode(full));
    }

    [RealDataFact]
    public void Load_data_with_num_words_gives_keras_shaped_arrays()
    {
        var data = KerasImdb.Encode(Loaded.Value, KerasImdb.LoadWordIndex(RealData.RequireRoot()), new KerasImdbOptions { NumWords = 10_000 });
        Assert.Equal(25_000, data.XTrain.Length);
        Assert.Equal(25_000, data.XTest.Length);
        Assert.All(data.XTrain, x => Assert.Equal(1, x[0]));
        Assert.True(data.XTrain.All(x => x.All(w => w is >= 1 and < 10_000)));
        Assert.Equal(12_500, data.YTrain.Count(y => y == 1));
        // Published Keras figures for x_train: mean length 238.71364, longest 2494.
        Assert.Equal(238.71364, data.XTrain.Average(x => x.Length), 5);
        Assert.Equal(2494, data.XTrain.Max(x => x.Length));
        // Published for x_train + x_test together (imdb.load_data(), numpy mean and std of the 50,000 lengths):
        // "Review length: Mean 234.76 words (172.911495)" in Brownlee, "Predict Sentiment From Movie Reviews
        // Using Deep Learning", machinelearningmastery.com. Lengths do not depend on num_words (cut words become OOV).
        var lengths = data.XTrain.Concat(data.XTest).Select(x => (double)x.Length).ToArray();
        double mean = lengths.Average(), sd = Math.Sqrt(lengths.Average(l => (l - mean) * (l - mean)));
        Assert.Equal(234.76, mean, 2);
        Assert.Equal(172.911495, sd, 6);
        var noBreaks = KerasImdb.Encode(Loaded.Value, data.WordIndex, new KerasImdbOptions { NumWords = 10_000, Normalizer = TextNormalizer.Default });
        Assert.True(noBreaks.XTrain.Average(x => x.Length) < 236);
        var padded = Padding.PadSequences(data.XTrain, maxlen: 500);
        Assert.Equal(new[] { 25_000, 500 }, new[] { padded.GetLength(0), padded.GetLength(1) });
    }
}
