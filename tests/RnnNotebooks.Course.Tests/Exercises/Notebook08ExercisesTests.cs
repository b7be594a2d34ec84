using RnnNotebooks.Course.Exercises;
using Ex = RnnNotebooks.Course.Exercises.Exercises;

namespace RnnNotebooks.Course.Tests.Exercises;

/// <summary>Exercises 08.1–08.2, with expected answers written out by hand.</summary>
public class Notebook08ExercisesTests
{
    [Fact]
    public void Keras_padding_written_out_passes()
    {
        Assert.Equal(5, Notebook08Exercises.MaxLen);
        int[,] padded =
        {
            { 0, 1, 14, 22, 16 },
            { 1153, 194, 8255, 78, 228 },
            { 0, 0, 0, 1, 5 },
            { 1, 43, 530, 973, 1622 },
        };
        var r = Ex.Check("08.1", padded);
        Assert.True(r.Passed, r.Message);
        int[][] jagged = [[0, 1, 14, 22, 16], [1153, 194, 8255, 78, 228], [0, 0, 0, 1, 5], [1, 43, 530, 973, 1622]];
        Assert.True(Ex.Check("08.1", jagged).Passed);
    }

    [Fact]
    public void Padding_mistakes_get_hints()
    {
        int[][] postPadding = [[1, 14, 22, 16, 0], [1153, 194, 8255, 78, 228], [1, 5, 0, 0, 0], [1, 43, 530, 973, 1622]];
        Assert.Contains("zeros go in FRONT", Ex.Check("08.1", postPadding).Message);
        int[][] postTruncating = [[0, 1, 14, 22, 16], [1, 194, 1153, 194, 8255], [0, 0, 0, 1, 5], [1, 43, 530, 973, 1622]];
        Assert.Contains("keeps its LAST maxlen words", Ex.Check("08.1", postTruncating).Message);
        int[][] both = [[1, 14, 22, 16, 0], [1, 194, 1153, 194, 8255], [1, 5, 0, 0, 0], [1, 43, 530, 973, 1622]];
        Assert.Contains("PyTorch-style 'post'", Ex.Check("08.1", both).Message);
        int[][] shortRows = [[1, 14, 22, 16], [1153, 194, 8255, 78, 228], [0, 0, 0, 1, 5], [1, 43, 530, 973, 1622]];
        Assert.Contains("wrong shape", Ex.Check("08.1", shortRows).Message);
        int[][] oneWrong = [[0, 1, 14, 22, 16], [1153, 194, 8255, 78, 228], [0, 0, 1, 5, 0], [1, 43, 530, 973, 1622]];
        var r = Ex.Check("08.1", oneWrong);
        Assert.False(r.Passed);
        Assert.Contains("row 2", r.Message);
        Assert.Contains("no answer yet", Ex.Check("08.1", null).Message);
    }

    [Fact]
    public void Lstm_parameter_count_passes_and_common_slips_are_named()
    {
        // 10000·32 + 4·(32·32 + 32·32 + 32 + 32) + 32 + 1
        var r = Ex.Check("08.2", 328_481);
        Assert.True(r.Passed, r.Message);
        Assert.True(Ex.Check("08.2", 328_481L).Passed);
        Assert.Contains("Keras's count", Ex.Check("08.2", 328_353).Message);      // one bias per gate
        Assert.Contains("SimpleRNN's count", Ex.Check("08.2", 322_145).Message);
        Assert.Contains("embedding table", Ex.Check("08.2", 8_481).Message);
        Assert.Contains("Linear(32, 1)", Ex.Check("08.2", 328_448).Message);
        Assert.False(Ex.Check("08.2", 328_480).Passed);
        Assert.Contains("no answer yet", Ex.Check("08.2", "many").Message);
    }
}
