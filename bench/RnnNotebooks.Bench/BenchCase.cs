namespace RnnNotebooks.Bench;

/// <summary>One benchmark shape: batch × steps × input → hidden for a recurrent kind.</summary>
internal sealed record BenchCase(string Name, string Mode, int Batch, int Steps, int Input, int Hidden)
{
    public static readonly BenchCase[] All =
    [
        new("rnn_imdb", "RNN", 128, 500, 32, 32),
        new("lstm_imdb", "LSTM", 128, 500, 32, 32),
        new("gru_imdb", "GRU", 128, 500, 32, 32),
        new("lstm_char", "LSTM", 64, 100, 64, 256),
        new("gru_char", "GRU", 64, 100, 64, 256),
    ];

    /// <summary>A case of <c>--case</c>: one of <see cref="All"/>, or a linear-recurrence comparison case named by <see cref="LinearName"/>.</summary>
    public static BenchCase? Find(string name) => All.FirstOrDefault(b => b.Name == name) ?? ParseLinear(name);

    /// <summary>The modes of the <c>--linear</c> comparison: the library's GRU and LSTM, minGRU and minLSTM on both paths.</summary>
    public static readonly string[] LinearModes = ["GRU", "LSTM", "MINGRU-SEQ", "MINGRU-SCAN", "MINLSTM-SEQ", "MINLSTM-SCAN"];

    /// <summary>"MINGRU-SCAN_b16_t1024_h64": the mode, batch, steps and hidden size (input = hidden) of a linear-comparison case.</summary>
    public static string LinearName(string mode, int batch, int steps, int hidden) => $"{mode}_b{batch}_t{steps}_h{hidden}";

    private static BenchCase? ParseLinear(string name)
    {
        var parts = name.Split('_');
        if (parts.Length != 4 || !LinearModes.Contains(parts[0]) || parts[1][0] != 'b' || parts[2][0] != 't' || parts[3][0] != 'h') return null;
        if (!int.TryParse(parts[1][1..], out int b) || !int.TryParse(parts[2][1..], out int t) || !int.TryParse(parts[3][1..], out int h) || b <= 0 || t <= 0 || h <= 0) return null;
        return new BenchCase(name, parts[0], b, t, h, h);
    }

    public int Gates => Mode switch { "LSTM" => 4, "GRU" => 3, _ => 1 };

    /// <summary>GEMM FLOPs of forward + backward, the formula bench/torch_rnn_bench.py uses: 3 · 2·B·T·(I+H)·G·H.</summary>
    public double Flops => 3.0 * 2 * Batch * Steps * (double)(Input + Hidden) * Gates * Hidden;
}
