using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Tests.Data;

public class PaddingTests
{
    private static readonly int[][] Seqs = [[1, 2, 3, 4, 5], [6, 7], []];

    [Fact]
    public void Default_pads_and_truncates_at_the_front_like_keras()
    {
        var p = Padding.PadSequences(Seqs, maxlen: 3);
        Assert.Equal(new[,] { { 3, 4, 5 }, { 0, 6, 7 }, { 0, 0, 0 } }, p);
    }

    [Fact]
    public void Post_padding_and_truncating_and_a_custom_value()
    {
        var p = Padding.PadSequences(Seqs, maxlen: 3, padding: PadSide.Post, truncating: PadSide.Post, value: -1);
        Assert.Equal(new[,] { { 1, 2, 3 }, { 6, 7, -1 }, { -1, -1, -1 } }, p);
    }

    [Fact]
    public void Maxlen_defaults_to_the_longest_sequence()
    {
        var p = Padding.PadSequences(Seqs);
        Assert.Equal(5, p.GetLength(1));
        Assert.Equal(new[] { 0, 0, 0, 6, 7 }, Enumerable.Range(0, 5).Select(j => p[1, j]));
    }

    [Fact]
    public void Pad_to_tensor_stores_ids_as_floats_batch_first()
    {
        var t = Padding.PadToTensor<float>(Seqs, maxlen: 2);
        Assert.Equal(new[] { 3, 2 }, t.Shape);
        Assert.Equal(new float[] { 4, 5, 6, 7, 0, 0 }, t.Data);
    }
}
