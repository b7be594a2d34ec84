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

    public int Gates => Mode switch { "LSTM" => 4, "GRU" => 3, _ => 1 };

    /// <summary>GEMM FLOPs of forward + backward, the formula bench/torch_rnn_bench.py uses: 3 · 2·B·T·(I+H)·G·H.</summary>
    public double Flops => 3.0 * 2 * Batch * Steps * (double)(Input + Hidden) * Gates * Hidden;
}
