using RnnNotebooks.Data.Sequences;
using RnnNotebooks.Data.Stocks;
using RnnNotebooks.Data.Text;
using Ex = RnnNotebooks.Course.Exercises.Exercises;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Course.Tests.Exercises;

public class Notebook01ExercisesTests
{
    // ---------------------------------------------------------------- 01.1 pre-padding

    private static int[,] ByHandPrePad(int[][] seqs, int maxlen)
    {
        var r = new int[seqs.Length, maxlen];
        for (int i = 0; i < seqs.Length; i++)
        {
            int take = Math.Min(seqs[i].Length, maxlen);
            for (int k = 0; k < take; k++) r[i, maxlen - 1 - k] = seqs[i][seqs[i].Length - 1 - k]; // fill from the right
        }
        return r;
    }

    [Fact]
    public void Hand_written_pre_padding_agrees_with_the_library_and_passes()
    {
        int[][] seqs = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10], []];
        Assert.Equal(new[,] { { 0, 1, 2, 3 }, { 0, 0, 4, 5 }, { 7, 8, 9, 10 }, { 0, 0, 0, 0 } }, ByHandPrePad(seqs, 4));
        Assert.Equal(Padding.PadSequences(seqs, 4), ByHandPrePad(seqs, 4));
        Func<int[][], int, int[,]> mine = ByHandPrePad;
        var r = Ex.Check("01.1", mine);
        Assert.True(r.Passed, r.Message);
        Func<int[][], int, int[,]> library = (s, m) => Padding.PadSequences(s, m);
        Assert.True(Ex.Check("01.1", library).Passed);
    }

    [Fact]
    public void Pre_padding_mistakes_get_their_hint()
    {
        Func<int[][], int, int[,]> post = (s, m) => Padding.PadSequences(s, m, padding: PadSide.Post);
        Func<int[][], int, int[,]> keepsStart = (s, m) => Padding.PadSequences(s, m, truncating: PadSide.Post);
        Func<int[][], int, int[,]> postPost = (s, m) => Padding.PadSequences(s, m, PadSide.Post, PadSide.Post);
        Func<int[][], int, int[,]> placeholder = (s, m) => new int[s.Length, m];
        Func<int[][], int, int[,]> transposed = (s, m) => new int[m, s.Length];
        Func<int[][], int, int[,]> longest = (s, m) => Padding.PadSequences(s);
        Func<int[][], int, int[,]> throws = (s, m) => throw new NotImplementedException();
        Assert.Contains("at the END", Ex.Check("01.1", post).Message);
        Assert.Contains("FIRST maxlen", Ex.Check("01.1", keepsStart).Message);
        Assert.Contains("post-truncation", Ex.Check("01.1", postPost).Message);
        Assert.Contains("every entry is 0", Ex.Check("01.1", placeholder).Message);
        Assert.Contains("transposed", Ex.Check("01.1", transposed).Message);
        Assert.Contains("cut to maxlen", Ex.Check("01.1", longest).Message);
        Assert.Contains("not written yet", Ex.Check("01.1", throws).Message);
        Assert.Contains("no answer yet", Ex.Check("01.1", null).Message);
        Assert.Contains("expected a function", Ex.Check("01.1", 3).Message);
    }

    // ---------------------------------------------------------------- 01.2 windows

    private static (double[][] X, double[] Y) ByHandWindows(double[] s, int length, int horizon)
    {
        var x = new List<double[]>();
        var y = new List<double>();
        for (int start = 0; start + length - 1 + horizon < s.Length; start++)
        {
            x.Add(s[start..(start + length)]);
            y.Add(s[start + length - 1 + horizon]);
        }
        return (x.ToArray(), y.ToArray());
    }

    [Fact]
    public void Hand_written_windows_agree_with_the_library_and_pass()
    {
        double[] s = [0, 1, 2, 3, 4, 5];
        var (x, y) = ByHandWindows(s, 3, 1);
        Assert.Equal(new[] { 3.0, 4, 5 }, y);
        Assert.Equal(new[] { 2.0, 3, 4 }, x[2]);
        // Windowing.Make over the same series gives the same windows.
        var m = new double[6, 1];
        for (int i = 0; i < 6; i++) m[i, 0] = s[i];
        var w = Windowing.Make(m, 3, 2, 1, [0], 0, 0, 6);
        var (x2, y2) = ByHandWindows(s, 3, 2);
        Assert.Equal(w.Y.Select(v => (double)v), y2);
        Assert.Equal(w.Count, x2.Length);

        Func<double[], int, int, (double[][], double[])> mine = ByHandWindows;
        var r = Ex.Check("01.2", mine);
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Window_mistakes_get_their_hint()
    {
        // Target = the last input (leakage).
        Func<double[], int, int, (double[][], double[])> leak = (s, l, h) =>
        {
            var (x, _) = ByHandWindows(s, l, h);
            return (x, x.Select(w => w[^1]).ToArray());
        };
        // Target one step too far.
        Func<double[], int, int, (double[][], double[])> tooFar = (s, l, h) =>
        {
            var (x, y) = ByHandWindows(s, l, h + 1);
            return (x, y);
        };
        // Loop stops one window early.
        Func<double[], int, int, (double[][], double[])> short1 = (s, l, h) =>
        {
            var (x, y) = ByHandWindows(s, l, h);
            return (x[..^1], y[..^1]);
        };
        Func<double[], int, int, (double[][], double[])> overrun = (s, l, h) =>
        {
            var x = new List<double[]>(); var y = new List<double>();
            for (int start = 0; start + l - 1 < s.Length; start++) { x.Add(s[start..(start + l)]); y.Add(s[start + l - 1 + h]); }
            return (x.ToArray(), y.ToArray());
        };
        Func<double[], int, int, (double[][], double[])> placeholder = (s, l, h) => (Array.Empty<double[]>(), Array.Empty<double>());
        Func<double[], int, int, (double[][], double[])> wrongLength = (s, l, h) =>
        {
            var (x, y) = ByHandWindows(s, l, h);
            return (x.Select(w => w[1..]).ToArray(), y);
        };
        Assert.Contains("INSIDE the window", Ex.Check("01.2", leak).Message);
        Assert.Contains("off by +1", Ex.Check("01.2", tooFar).Message);
        Assert.Contains("one short", Ex.Check("01.2", short1).Message);
        Assert.Contains("read past the end", Ex.Check("01.2", overrun).Message);
        Assert.Contains("no windows came back", Ex.Check("01.2", placeholder).Message);
        Assert.Contains("exactly length", Ex.Check("01.2", wrongLength).Message);
    }

    // ---------------------------------------------------------------- 01.3 BPTT batches

    [Fact]
    public void Library_batcher_passes_and_matches_a_hand_worked_case()
    {
        // 12 ids, 2 rows of 6: row 0 = 0..5, row 1 = 6..11; steps 2 → batch 1 = columns 2, 3.
        var batcher = new BpttBatcher(Enumerable.Range(0, 12).ToArray(), 2, 2);
        Assert.Equal(new[,] { { 2, 3 }, { 8, 9 } }, batcher.GetBatch(1).X);
        Func<int[], int, int, int, int[,]> library = (ids, b, s, i) => new BpttBatcher(ids, b, s).GetBatch(i).X;
        var r = Ex.Check("01.3", library);
        Assert.True(r.Passed, r.Message);
    }

    [Fact]
    public void Bptt_mistakes_get_their_hint()
    {
        Func<int[], int, int, int, int[,]> chunks = (ids, b, s, i) =>
        {
            var x = new int[b, s];
            for (int r = 0; r < b; r++) for (int c = 0; c < s; c++) x[r, c] = ids[(i * b + r) * s + c];
            return x;
        };
        Func<int[], int, int, int, int[,]> targets = (ids, b, s, i) => new BpttBatcher(ids, b, s).GetBatch(i).Y;
        Func<int[], int, int, int, int[,]> transposed = (ids, b, s, i) => new int[s, b];
        Func<int[], int, int, int, int[,]> placeholder = (ids, b, s, i) => new int[b, s];
        Func<int[], int, int, int, int[,]> ceilRows = (ids, b, s, i) =>
        {
            int row = (ids.Length + b - 1) / b;
            var x = new int[b, s];
            for (int r = 0; r < b; r++) for (int c = 0; c < s; c++) x[r, c] = ids[Math.Min(ids.Length - 1, r * row + i * s + c)];
            return x;
        };
        Func<int[], int, int, int, int[,]> previous = (ids, b, s, i) => new BpttBatcher(ids, b, s).GetBatch(Math.Max(0, i - 1)).X;
        Assert.Contains("consecutive chunks", Ex.Check("01.3", chunks).Message);
        Assert.Contains("TARGETS", Ex.Check("01.3", targets).Message);
        Assert.Contains("transposed", Ex.Check("01.3", transposed).Message);
        Assert.Contains("every entry is 0", Ex.Check("01.3", placeholder).Message);
        Assert.Contains("rows start at the wrong places", Ex.Check("01.3", ceilRows).Message);
        Assert.Contains("you returned batch 1", Ex.Check("01.3", previous).Message);
    }
}
