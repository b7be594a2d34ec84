#!/usr/bin/python3
"""Check the PyTorch parity fixtures against two independent recomputations.

Run with Debian's system interpreter, which ships torch (package python3-torch):

    /usr/bin/python3 tests/torch/check_fixtures.py [--no-fd] [FIXTURE.json ...]

1. Torch replay (recurrent-layer cases): rebuild the module from `config`, load the
   stored parameters, inputs and upstream gradients, run forward and backward again
   and compare every stored tensor (tolerance 1e-6 for float32, 1e-12 for float64,
   absolute plus relative).
2. A from-scratch float64 numpy implementation of every forward pass, loss, optimizer
   step and clipping rule, written from the formulas in tests/torch/README.md.  It is
   compared with the float64 files at 1e-12 and the float32 files at 2e-5.  This pins
   the conventions the C# code must follow (gate order, GRU reset placement, direction
   layout, loss reductions, optimizer formulas).
3. Central finite differences of that numpy loss (float64 files only) for the gradients
   of the recurrent layers and pipelines, so the stored gradients are checked without
   autograd.  `--no-fd` skips this step (it takes a few seconds).

Exits with status 1 if any comparison fails.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
FIXTURE_DIR = HERE.parents[1] / "tests" / "RnnNotebooks.Tests" / "Fixtures" / "torch"
sys.path.insert(0, str(HERE))
from make_fixtures import make_recurrent  # noqa: E402

REPLAY_TOL = {"float32": 1e-6, "float64": 1e-12}
REFERENCE_TOL = {"float32": 2e-5, "float64": 1e-12}
FD_TOL = 1e-7


class Checker:
    def __init__(self):
        self.failures = []
        self.comparisons = 0

    def close(self, where, actual, expected, tol):
        actual = np.asarray(actual, dtype=np.float64)
        expected = np.asarray(expected, dtype=np.float64)
        self.comparisons += 1
        if actual.shape != expected.shape:
            self.failures.append(f"{where}: shape {actual.shape} != {expected.shape}")
            return
        err = np.abs(actual - expected) - tol * (1.0 + np.abs(expected))
        if err.size and err.max() > 0:
            worst = np.unravel_index(np.argmax(err), err.shape)
            self.failures.append(f"{where}: at {worst} got {actual[worst]!r}, "
                                 f"expected {expected[worst]!r}")


def load(path):
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    tensors = {}
    for name, t in doc["tensors"].items():
        # Integer tensors are JSON integers; floating values always carry "." or an exponent.
        is_int = bool(t["data"]) and all(type(v) is int for v in t["data"])
        arr = np.array(t["data"], dtype=np.int64 if is_int else np.float64)
        tensors[name] = arr.reshape(t["shape"])
    return doc, tensors


# ------------------------------------------------------------ numpy reference model

def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def recurrent_forward(cfg, P, x, h0=None, c0=None, prefix="param."):
    """float64 forward of a (multi-layer, optionally bidirectional) RNN/LSTM/GRU.

    x is [B, T, I] (batch_first); returns output [B, T, dirs*H], h_n and c_n
    [layers*dirs, B, H] (c_n is None except for LSTM).
    """
    mode, H = cfg["mode"], cfg["hidden_size"]
    layers = cfg.get("num_layers", 1)
    dirs = 2 if cfg.get("bidirectional", False) else 1
    B, T, _ = x.shape
    h_n = np.zeros((layers * dirs, B, H))
    c_n = np.zeros((layers * dirs, B, H))
    act = np.tanh if cfg.get("nonlinearity", "tanh") == "tanh" else (lambda v: np.maximum(v, 0))
    layer_in = x
    for layer in range(layers):
        outs = []
        for d in range(dirs):
            sfx = f"_l{layer}" + ("_reverse" if d else "")
            w_ih, w_hh = P[f"{prefix}weight_ih{sfx}"], P[f"{prefix}weight_hh{sfx}"]
            b_ih = P.get(f"{prefix}bias_ih{sfx}", np.zeros(w_ih.shape[0]))
            b_hh = P.get(f"{prefix}bias_hh{sfx}", np.zeros(w_hh.shape[0]))
            k = layer * dirs + d
            h = h0[k] if h0 is not None else np.zeros((B, H))
            c = c0[k] if c0 is not None else np.zeros((B, H))
            out = np.zeros((B, T, H))
            for t in (range(T - 1, -1, -1) if d else range(T)):
                gi = layer_in[:, t, :] @ w_ih.T + b_ih
                gh = h @ w_hh.T + b_hh
                if mode == "RNN":
                    h = act(gi + gh)
                elif mode == "LSTM":          # gate rows: input, forget, cell (g), output
                    i, f, g, o = np.split(gi + gh, 4, axis=1)
                    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
                    h = sigmoid(o) * np.tanh(c)
                elif mode == "GRU":           # gate rows: reset, update, new
                    ir, iz, in_ = np.split(gi, 3, axis=1)
                    hr, hz, hn = np.split(gh, 3, axis=1)
                    r, z = sigmoid(ir + hr), sigmoid(iz + hz)
                    n = np.tanh(in_ + r * hn)  # reset applied after the hidden matmul + b_hn
                    h = (1 - z) * n + z * h
                out[:, t, :] = h
            h_n[k], c_n[k] = h, c
            outs.append(out)
        layer_in = np.concatenate(outs, axis=2)
    return layer_in, h_n, (c_n if mode == "LSTM" else None)


def linear(P, x, prefix):
    y = x @ P[f"{prefix}weight"].T
    b = P.get(f"{prefix}bias")
    return y if b is None else y + b


def bce_with_logits(z, t):
    return np.mean(np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z))))


def cross_entropy(logits, target):
    m = logits.max(axis=1, keepdims=True)
    lse = (m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True)))[:, 0]
    return np.mean(lse - logits[np.arange(len(target)), target])


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------- per-kind reference losses
# Each returns (named forward results, scalar loss as a function of the tensor dict).

def recurrent_reference(cfg, X):
    def run(D):
        return recurrent_forward(cfg, D, D["input"], D.get("h0"), D.get("c0"))

    def loss(D):
        out, h_n, c_n = run(D)
        total = (out * D["grad_output"]).sum() + (h_n * D["grad_h_n"]).sum()
        if c_n is not None:
            total += (c_n * D["grad_c_n"]).sum()
        return total

    out, h_n, c_n = run(X)
    results = {"output": out, "h_n": h_n}
    if c_n is not None:
        results["c_n"] = c_n
    return results, loss


def pipeline_reference(case, cfg, X):
    rnn_cfg = cfg["rnn"]

    def forward(D):
        if "indices" in D:
            seq = D["param.embedding.weight"][D["indices"]]
        else:
            seq = D["input"]
        out, _, _ = recurrent_forward(rnn_cfg, D, seq, prefix="param.rnn.")
        if case == "pipeline_ce":
            return linear(D, out, "param.dense.")
        return linear(D, out[:, -1, :], "param.dense.")

    def loss(D):
        y = forward(D)
        if case == "pipeline_bce":
            return bce_with_logits(y, D["target"])
        if case == "pipeline_ce":
            C = y.shape[-1]
            return cross_entropy(y.reshape(-1, C), D["target"].reshape(-1))
        return np.mean((y - D["target"]) ** 2)

    y = forward(X)
    key = "output" if case == "pipeline_lstm_mse" else "logits"
    return {key: y, "loss": np.array(loss(X))}, loss


def finite_difference(chk, where, loss, X, names):
    """Compare stored grad.<name> with central differences of the numpy loss."""
    eps = 1e-6
    for name in names:
        base = X[name]
        num = np.zeros_like(base)
        for idx in np.ndindex(base.shape):
            orig = base[idx]
            base[idx] = orig + eps
            up = loss(X)
            base[idx] = orig - eps
            down = loss(X)
            base[idx] = orig
            num[idx] = (up - down) / (2 * eps)
        grad_name = "grad." + name[len("param."):] if name.startswith("param.") else \
            "grad." + name
        chk.close(f"{where} fd {grad_name}", num, X[grad_name], FD_TOL)


# ------------------------------------------------------------------- per-kind checks

def check_recurrent(chk, doc, X, fd):
    cfg, dt, where = doc["config"], doc["dtype"], doc["case"] + "." + doc["dtype"]
    # 1. torch replay
    dtype = torch.float32 if dt == "float32" else torch.float64
    module = make_recurrent(cfg["mode"], cfg["input_size"], cfg["hidden_size"],
                            cfg["num_layers"], cfg["bias"], cfg["bidirectional"],
                            cfg["nonlinearity"]).to(dtype)
    with torch.no_grad():
        for name, p in module.named_parameters():
            p.copy_(torch.from_numpy(X["param." + name]))
    T = lambda n: torch.from_numpy(X[n]).to(dtype)  # noqa: E731
    x = T("input").requires_grad_()
    h0 = T("h0").requires_grad_() if cfg["has_initial_state"] else None
    c0 = T("c0").requires_grad_() if cfg["has_initial_state"] and cfg["mode"] == "LSTM" else None
    if cfg["mode"] == "LSTM":
        out, (h_n, c_n) = module(x, (h0, c0) if h0 is not None else None)
        loss = (out * T("grad_output")).sum() + (h_n * T("grad_h_n")).sum() + \
            (c_n * T("grad_c_n")).sum()
        chk.close(f"{where} replay c_n", c_n.detach(), X["c_n"], REPLAY_TOL[dt])
    else:
        out, h_n = module(x, h0)
        loss = (out * T("grad_output")).sum() + (h_n * T("grad_h_n")).sum()
    loss.backward()
    tol = REPLAY_TOL[dt]
    chk.close(f"{where} replay output", out.detach(), X["output"], tol)
    chk.close(f"{where} replay h_n", h_n.detach(), X["h_n"], tol)
    chk.close(f"{where} replay grad.input", x.grad, X["grad.input"], tol)
    if h0 is not None:
        chk.close(f"{where} replay grad.h0", h0.grad, X["grad.h0"], tol)
    if c0 is not None:
        chk.close(f"{where} replay grad.c0", c0.grad, X["grad.c0"], tol)
    for name, p in module.named_parameters():
        chk.close(f"{where} replay grad.{name}", p.grad, X["grad." + name], tol)
    # 2. numpy reference forward
    results, loss_fn = recurrent_reference(cfg, X)
    for name, value in results.items():
        chk.close(f"{where} numpy {name}", value, X[name], REFERENCE_TOL[dt])
    # 3. finite differences
    if fd and dt == "float64":
        names = ["input"] + [n for n in ("h0", "c0") if n in X] + \
            [n for n in X if n.startswith("param.")]
        finite_difference(chk, where, loss_fn, X, names)


def check_pipeline(chk, doc, X, fd):
    where, dt = doc["case"] + "." + doc["dtype"], doc["dtype"]
    results, loss_fn = pipeline_reference(doc["case"], doc["config"], X)
    for name, value in results.items():
        chk.close(f"{where} numpy {name}", value, X[name], REFERENCE_TOL[dt])
    if fd and dt == "float64":
        names = [n for n in X if n.startswith("param.")] + (["input"] if "input" in X else [])
        finite_difference(chk, where, loss_fn, X, names)


def check_linear(chk, doc, X, fd):
    where, tol = doc["case"] + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
    x, g = X["input"], X["grad_output"]
    chk.close(f"{where} output", linear(X, x, "param."), X["output"], tol)
    W = X["param.weight"]
    chk.close(f"{where} grad.input", g @ W, X["grad.input"], tol)
    g2, x2 = g.reshape(-1, g.shape[-1]), x.reshape(-1, x.shape[-1])
    chk.close(f"{where} grad.weight", g2.T @ x2, X["grad.weight"], tol)
    chk.close(f"{where} grad.bias", g2.sum(axis=0), X["grad.bias"], tol)


def check_embedding(chk, doc, X, fd):
    where, tol = doc["case"] + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
    W, idx, g = X["param.weight"], X["indices"], X["grad_output"]
    chk.close(f"{where} output", W[idx], X["output"], tol)
    gw = np.zeros_like(W)
    np.add.at(gw, idx.reshape(-1), g.reshape(-1, W.shape[1]))
    chk.close(f"{where} grad.weight", gw, X["grad.weight"], tol)


def check_losses(chk, doc, X, fd):
    where, tol = doc["case"] + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
    for name, spec in doc["config"]["losses"].items():
        x, t = X[f"{name}.input"], X[f"{name}.target"]
        n = x.size
        if spec["class"] == "MSELoss":
            value, grad = np.mean((x - t) ** 2), 2 * (x - t) / n
        elif spec["class"] == "BCELoss":
            log_p = np.maximum(np.log(np.where(x > 0, x, 1.0)), -100.0) * (x > 0) + \
                -100.0 * (x <= 0)
            log_q = np.maximum(np.log(np.where(x < 1, 1 - x, 1.0)), -100.0) * (x < 1) + \
                -100.0 * (x >= 1)
            value = -np.mean(t * log_p + (1 - t) * log_q)
            # torch clamps the denominator at the C++ float constant 1e-12f, also in float64
            grad = (x - t) / np.maximum(x * (1 - x), float(np.float32(1e-12))) / n
        elif spec["class"] == "BCEWithLogitsLoss":
            value, grad = bce_with_logits(x, t), (sigmoid(x) - t) / n
        else:  # CrossEntropyLoss, logits [N, C], class indices [N]
            N = x.shape[0]
            value = cross_entropy(x, t)
            grad = softmax(x)
            grad[np.arange(N), t] -= 1
            grad /= N
        chk.close(f"{where} {name}.value", value, X[f"{name}.value"], tol)
        chk.close(f"{where} {name}.grad", grad, X[f"{name}.grad"], tol)


def check_optimizers(chk, doc, X, fd):
    where, tol = doc["case"] + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
    for name, hp in doc["config"]["optimizers"].items():
        p = X[f"{name}.start"].copy()
        state = {}
        for k in range(doc["config"]["steps"]):
            g = X[f"{name}.grad{k}"]
            step = k + 1
            if hp["class"] == "SGD":
                if hp["momentum"]:
                    buf = g.copy() if k == 0 else \
                        hp["momentum"] * state["buf"] + (1 - hp["dampening"]) * g
                    state["buf"] = buf
                    g = g + hp["momentum"] * buf if hp["nesterov"] else buf
                p = p - hp["lr"] * g
            elif hp["class"] == "Adagrad":
                state["sum"] = state.get("sum", np.full_like(p, hp["initial_accumulator_value"]))
                state["sum"] = state["sum"] + g * g
                clr = hp["lr"] / (1 + (step - 1) * hp["lr_decay"])
                p = p - clr * g / (np.sqrt(state["sum"]) + hp["eps"])
            elif hp["class"] == "RMSprop":
                v = state.get("v", np.zeros_like(p))
                v = hp["alpha"] * v + (1 - hp["alpha"]) * g * g
                state["v"] = v
                p = p - hp["lr"] * g / (np.sqrt(v) + hp["eps"])
            elif hp["class"] == "Adam":
                b1, b2 = hp["betas"]
                m = b1 * state.get("m", 0.0) + (1 - b1) * g
                v = b2 * state.get("v", 0.0) + (1 - b2) * g * g
                state["m"], state["v"] = m, v
                m_hat, v_hat = m / (1 - b1 ** step), v / (1 - b2 ** step)
                p = p - hp["lr"] * m_hat / (np.sqrt(v_hat) + hp["eps"])
            else:
                raise ValueError(hp["class"])
            chk.close(f"{where} {name}.after{k}", p, X[f"{name}.after{k}"], tol)


def check_clip(chk, doc, X, fd):
    where, tol = doc["case"] + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
    for name, spec in doc["config"]["clips"].items():
        before = [X[f"{name}.before{i}"] for i in range(len(doc["config"]["shapes"]))]
        if spec["function"] == "clip_grad_norm_":
            total = np.sqrt(sum((b * b).sum() for b in before))
            coef = min(spec["max_norm"] / (total + 1e-6), 1.0)
            after = [b * coef for b in before]
            chk.close(f"{where} {name}.total_norm", total, X[f"{name}.total_norm"], tol)
        else:
            c = spec["clip_value"]
            after = [np.clip(b, -c, c) for b in before]
        for i, a in enumerate(after):
            chk.close(f"{where} {name}.after{i}", a, X[f"{name}.after{i}"], tol)


def check_file(chk, path, fd):
    doc, X = load(path)
    case = doc["case"]
    expected_name = f"{case}.{doc['dtype']}.json"
    if Path(path).name != expected_name:
        chk.failures.append(f"{path}: file name should be {expected_name}")
    if doc["config"].get("mode") in ("MinGRU", "MinLSTM"):
        from min_rnn_fixtures import replay_sequential
        where, tol = case + "." + doc["dtype"], REFERENCE_TOL[doc["dtype"]]
        for name, value in replay_sequential(doc, X).items():
            chk.close(f"{where} {name}", value, X[name], tol)
    elif "mode" in doc["config"]:
        check_recurrent(chk, doc, X, fd)
    elif case.startswith("pipeline_"):
        check_pipeline(chk, doc, X, fd)
    elif case.startswith("linear"):
        check_linear(chk, doc, X, fd)
    else:
        {"embedding": check_embedding, "losses": check_losses,
         "optimizers": check_optimizers, "clip": check_clip}[case](chk, doc, X, fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="fixture files (default: every file in the fixture directory)")
    parser.add_argument("--no-fd", action="store_true", help="skip finite differences")
    args = parser.parse_args()
    torch.set_num_threads(1)
    files = args.files or sorted(FIXTURE_DIR.glob("*.json"))
    chk = Checker()
    for path in files:
        check_file(chk, path, not args.no_fd)
    for f in chk.failures:
        print("FAIL", f)
    print(f"{len(files)} files, {chk.comparisons} comparisons, {len(chk.failures)} failures")
    sys.exit(1 if chk.failures else 0)


if __name__ == "__main__":
    main()
