#!/usr/bin/python3
"""PyTorch CPU peer for the RnnNotebooks C# recurrent-layer benchmark.

Run with Debian's system interpreter, which ships torch (package python3-torch):

    /usr/bin/python3 bench/torch_rnn_bench.py [--case NAME ...] [--json]

The `python3` first on PATH may be a different interpreter without torch, hence the
explicit `#!/usr/bin/python3`.  Only torch is used.

Each iteration of a case does, in float32 on the CPU with batch_first=True:
    zero the gradients; out, _ = layer(x); loss = out.pow(2).mean(); loss.backward()
The input x requires a gradient too (as it would behind an embedding), so backward
computes dX, dW and dh like a layer inside a model does.

FLOP count (reported as "flops", so the C# side can compute GFLOP/s the same way):
only the GEMMs are counted, per layer and direction,
    forward  = 2 * B * T * (I + H) * G * H       (G = 1 for RNN, 4 for LSTM, 3 for GRU)
    backward = 2 * forward                       (one GEMM for the data gradients, one
                                                  for the weight gradients)
    flops    = 3 * forward
Element-wise gate work, the loss and the optimizer are not counted.  Timings use
time.perf_counter around one whole iteration; on a shared machine prefer min_s.

peak_rss_mb is the process's peak resident set size while the case ran, including what
the process already holds (Python + torch alone is about 240 MB): on Linux the
high-water mark is reset before each case (writing 5 to /proc/self/clear_refs) and
VmHWM is read afterwards; where that is unavailable, ru_maxrss of the whole process
is reported instead (then it never decreases from one case to the next).

Which BLAS torch uses matters a lot: Debian's python3-torch is built with
BLAS_INFO=generic and calls the system libblas.so.3, which is the slow netlib reference
BLAS unless OpenBLAS/BLIS is installed as the alternative.  The header line (and the
"blas" field of the JSON) shows the build setting; compare against a pip/MKL build of
torch before drawing conclusions about the C# engine.
"""

import argparse
import json
import re
import resource
import statistics
import time

import torch
from torch import nn

CASES = {
    # name: (mode, batch, steps, input, hidden)
    "rnn_imdb": ("RNN", 128, 500, 32, 32),
    "lstm_imdb": ("LSTM", 128, 500, 32, 32),
    "gru_imdb": ("GRU", 128, 500, 32, 32),
    "lstm_char": ("LSTM", 64, 100, 64, 256),
    "gru_char": ("GRU", 64, 100, 64, 256),
}
GATES = {"RNN": 1, "LSTM": 4, "GRU": 3}


def blas_info():
    match = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return match.group(1) if match else "unknown"


def gemm_flops(mode, batch, steps, input_size, hidden):
    forward = 2 * batch * steps * (input_size + hidden) * GATES[mode] * hidden
    return 3 * forward


def reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_mb(reset_worked):
    if reset_worked:
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024.0
        except OSError:
            pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run_case(name, mode, batch, steps, input_size, hidden, warmup, repeat):
    torch.manual_seed(0)
    cls = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}[mode]
    layer = cls(input_size, hidden, batch_first=True)
    x = torch.randn(batch, steps, input_size, requires_grad=True)

    def iteration():
        layer.zero_grad(set_to_none=True)
        x.grad = None
        out, _ = layer(x)
        loss = out.pow(2).mean()
        loss.backward()

    reset_worked = reset_peak_rss()
    for _ in range(warmup):
        iteration()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        iteration()
        times.append(time.perf_counter() - start)
    return {
        "case": name,
        "mode": mode,
        "batch": batch, "steps": steps, "input": input_size, "hidden": hidden,
        "threads": torch.get_num_threads(),
        "blas": blas_info(),
        "times_s": [round(t, 6) for t in times],
        "median_s": round(statistics.median(times), 6),
        "min_s": round(min(times), 6),
        "peak_rss_mb": round(peak_rss_mb(reset_worked), 1),
        "flops": gemm_flops(mode, batch, steps, input_size, hidden),
    }


def main():
    parser = argparse.ArgumentParser(
        description="PyTorch CPU benchmark of RNN/LSTM/GRU forward+backward (float32).")
    parser.add_argument("--case", action="append", choices=list(CASES),
                        help="case to run (repeatable; default: all)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed iterations (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="timed iterations (default 5)")
    parser.add_argument("--batch", type=int, help="override the batch size of every case")
    parser.add_argument("--steps", type=int, help="override the sequence length")
    parser.add_argument("--input", type=int, help="override the input size")
    parser.add_argument("--hidden", type=int, help="override the hidden size")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per case per line")
    args = parser.parse_args()
    if args.repeat < 1 or args.warmup < 0 or args.threads < 1:
        parser.error("--repeat and --threads must be >= 1, --warmup >= 0")

    torch.set_num_threads(args.threads)
    torch.set_grad_enabled(True)
    names = args.case or list(CASES)
    if not args.json:
        print(f"torch {torch.__version__} (BLAS {blas_info()}), {torch.get_num_threads()} "
              f"threads, float32, warmup {args.warmup}, repeat {args.repeat}")
        print(f"{'case':<10} {'B':>4} {'T':>4} {'I':>4} {'H':>4} {'median s':>9} "
              f"{'min s':>8} {'GFLOP/s':>8} {'peak MB':>8}")
    for name in names:
        mode, b, t, i, h = CASES[name]
        b = args.batch or b
        t = args.steps or t
        i = args.input or i
        h = args.hidden or h
        r = run_case(name, mode, b, t, i, h, args.warmup, args.repeat)
        if args.json:
            print(json.dumps(r), flush=True)
        else:
            gflops = r["flops"] / r["median_s"] / 1e9
            print(f"{name:<10} {b:>4} {t:>4} {i:>4} {h:>4} {r['median_s']:>9.4f} "
                  f"{r['min_s']:>8.4f} {gflops:>8.2f} {r['peak_rss_mb']:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
