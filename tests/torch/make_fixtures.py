#!/usr/bin/python3
"""Generate the PyTorch parity fixtures for the RnnNotebooks C# test-suite.

Run with Debian's system interpreter, which ships torch (package python3-torch):

    /usr/bin/python3 tests/torch/make_fixtures.py

The `python3` that comes first on PATH may be a different interpreter without torch,
hence the explicit `#!/usr/bin/python3` above.  Only torch (and the numpy it brings)
is used.

Every case is written twice, as `<case>.float32.json` and `<case>.float64.json`, to
tests/RnnNotebooks.Tests/Fixtures/torch/.  The file format and the list of cases are
documented in tests/torch/README.md; the C# tests read these files, so the format is
a contract: change it only together with the C# side.

Determinism: every case seeds torch from a CRC32 of its case name (so adding a case
does not change the others), all random draws are made in float32 and then cast to the
case's dtype (so the float64 file of a case holds the same inputs and parameters as
the float32 file, with results computed in float64), and torch runs single-threaded.
"""

import argparse
import json
import math
import zlib
from pathlib import Path

import torch
from torch import nn

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "tests" / "RnnNotebooks.Tests" / "Fixtures" / "torch"
DTYPES = {"float32": torch.float32, "float64": torch.float64}


# --------------------------------------------------------------------------- helpers

def case_seed(case):
    """Stable per-case seed, independent of the order in which cases are generated."""
    return zlib.crc32(case.encode("utf-8")) & 0x7FFFFFFF


def randn(*shape, dtype):
    """Standard-normal draw made in float32 (the same numbers for both dtypes)."""
    return torch.randn(*shape, dtype=torch.float32).to(dtype)


class Fixture:
    """One fixture file: case name, dtype, config and named tensors (insertion order kept)."""

    def __init__(self, case, dtype_name, config):
        self.case = case
        self.dtype_name = dtype_name
        self.config = config
        self.tensors = {}

    def add(self, name, tensor):
        if name in self.tensors:
            raise ValueError(f"{self.case}: tensor {name!r} written twice")
        t = tensor.detach().cpu()
        if t.is_floating_point():
            # float32 values become the exactly equal float64, then Python's shortest
            # round-tripping repr; float64 values are written exactly.
            data = t.to(torch.float64).reshape(-1).tolist()
            bad = [v for v in data if not math.isfinite(v)]
            if bad:
                raise ValueError(f"{self.case}: tensor {name!r} has non-finite values")
        else:
            data = [int(v) for v in t.reshape(-1).tolist()]
        self.tensors[name] = {"shape": list(t.shape), "data": data}

    def add_params(self, module, prefix="param."):
        for pname, p in module.named_parameters():
            self.add(prefix + pname, p)

    def add_param_grads(self, module, prefix="grad."):
        for pname, p in module.named_parameters():
            self.add(prefix + pname, p.grad)

    def to_json(self, torch_version):
        # Hand-assembled so that each tensor sits on its own line (readable diffs),
        # while every piece is produced by json.dumps and the whole stays valid JSON.
        lines = ["{"]
        lines.append(f' "case": {json.dumps(self.case)},')
        lines.append(f' "dtype": {json.dumps(self.dtype_name)},')
        lines.append(f' "torch_version": {json.dumps(torch_version)},')
        lines.append(f' "config": {json.dumps(self.config, allow_nan=False)},')
        lines.append(' "tensors": {')
        items = list(self.tensors.items())
        for i, (name, t) in enumerate(items):
            comma = "," if i + 1 < len(items) else ""
            lines.append(f"  {json.dumps(name)}: {json.dumps(t, allow_nan=False)}{comma}")
        lines.append(" }")
        lines.append("}")
        return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ recurrent layers

RECURRENT_MODES = {
    # case prefix: (torch class, config "mode", nonlinearity)
    "rnn_tanh": (nn.RNN, "RNN", "tanh"),
    "rnn_relu": (nn.RNN, "RNN", "relu"),
    "lstm": (nn.LSTM, "LSTM", "tanh"),
    "gru": (nn.GRU, "GRU", "tanh"),
}

RECURRENT_VARIANTS = {
    # suffix: (num_layers, bidirectional, bias, has_initial_state)
    "1layer": (1, False, True, False),
    "1layer_init": (1, False, True, True),
    "2layer": (2, False, True, False),
    "bidir": (1, True, True, False),
    "2layer_bidir_init": (2, True, True, True),
    "2layer_bidir_init_nobias": (2, True, False, True),
}

RECURRENT_SHAPE = {"batch": 2, "steps": 5, "input_size": 3, "hidden_size": 4}


def make_recurrent(mode, input_size, hidden_size, num_layers=1, bias=True,
                   bidirectional=False, nonlinearity="tanh"):
    cls = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}[mode]
    kwargs = dict(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers,
                  bias=bias, batch_first=True, dropout=0.0, bidirectional=bidirectional)
    if mode == "RNN":
        kwargs["nonlinearity"] = nonlinearity
    return cls(**kwargs)


def recurrent_case(case, dtype_name, mode, nonlinearity, num_layers, bidirectional, bias,
                   has_init):
    dtype = DTYPES[dtype_name]
    B, T = RECURRENT_SHAPE["batch"], RECURRENT_SHAPE["steps"]
    I, H = RECURRENT_SHAPE["input_size"], RECURRENT_SHAPE["hidden_size"]
    dirs = 2 if bidirectional else 1
    is_lstm = mode == "LSTM"
    config = {
        "mode": mode, "input_size": I, "hidden_size": H, "num_layers": num_layers,
        "bidirectional": bidirectional, "bias": bias, "nonlinearity": nonlinearity,
        "batch_first": True, "dropout": 0.0, "batch": B, "steps": T,
        "has_initial_state": has_init, "seed": case_seed(case),
    }
    fx = Fixture(case, dtype_name, config)

    torch.manual_seed(case_seed(case))
    module = make_recurrent(mode, I, H, num_layers, bias, bidirectional, nonlinearity).to(dtype)
    x = randn(B, T, I, dtype=dtype).requires_grad_()
    state_shape = (num_layers * dirs, B, H)
    h0 = randn(*state_shape, dtype=dtype).requires_grad_() if has_init else None
    c0 = randn(*state_shape, dtype=dtype).requires_grad_() if (has_init and is_lstm) else None
    g_out = randn(B, T, dirs * H, dtype=dtype)
    g_hn = randn(*state_shape, dtype=dtype)
    g_cn = randn(*state_shape, dtype=dtype) if is_lstm else None

    if is_lstm:
        output, (h_n, c_n) = module(x, (h0, c0) if has_init else None)
    else:
        output, h_n = module(x, h0)
        c_n = None
    loss = (output * g_out).sum() + (h_n * g_hn).sum()
    if is_lstm:
        loss = loss + (c_n * g_cn).sum()
    loss.backward()

    record_recurrent(fx, module, x, h0, c0, output, h_n, c_n, g_out, g_hn, g_cn)
    return fx


def record_recurrent(fx, module, x, h0, c0, output, h_n, c_n, g_out, g_hn, g_cn):
    """Writes a recurrent run: parameters, input, initial state (if any), results, the
    incoming gradients and every gradient, in the order the C# tests read them."""
    fx.add_params(module)
    fx.add("input", x)
    for name, t in (("h0", h0), ("c0", c0)):
        if t is not None:
            fx.add(name, t)
    for name, t in (("output", output), ("h_n", h_n), ("c_n", c_n),
                    ("grad_output", g_out), ("grad_h_n", g_hn), ("grad_c_n", g_cn)):
        if t is not None:
            fx.add(name, t)
    fx.add("grad.input", x.grad)
    for name, t in (("grad.h0", h0), ("grad.c0", c0)):
        if t is not None:
            fx.add(name, t.grad)
    fx.add_param_grads(module)


def recurrent_cases():
    for prefix, (_, mode, nonlin) in RECURRENT_MODES.items():
        for suffix, (layers, bidir, bias, init) in RECURRENT_VARIANTS.items():
            case = f"{prefix}_{suffix}"
            yield case, (lambda dt, c=case, m=mode, n=nonlin, l=layers, b=bidir, bi=bias, i=init:
                         recurrent_case(c, dt, m, n, l, b, bi, i))


# ------------------------------------------------------------------ packed sequences

PACKED_LENGTHS = [5, 2, 4]     # unsorted: pack_padded_sequence(enforce_sorted=False)


def packed_case(case, dtype_name, mode, num_layers, bidirectional, padding):
    """A padded batch run as a packed sequence. With padding="pre" the fixture's input and
    output are pre-padded (real steps at the end), and torch is given each sequence moved to
    the front, which is what masking a pre-padded batch means."""
    dtype = DTYPES[dtype_name]
    B, T = len(PACKED_LENGTHS), max(PACKED_LENGTHS)
    I, H = RECURRENT_SHAPE["input_size"], RECURRENT_SHAPE["hidden_size"]
    dirs = 2 if bidirectional else 1
    is_lstm = mode == "LSTM"
    config = {
        "mode": mode, "input_size": I, "hidden_size": H, "num_layers": num_layers,
        "bidirectional": bidirectional, "bias": True, "nonlinearity": "tanh",
        "batch_first": True, "dropout": 0.0, "batch": B, "steps": T,
        "has_initial_state": False, "lengths": PACKED_LENGTHS, "padding": padding,
        "seed": case_seed(case),
    }
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    module = make_recurrent(mode, I, H, num_layers, True, bidirectional).to(dtype)
    lengths = torch.tensor(PACKED_LENGTHS)
    x = randn(B, T, I, dtype=dtype)
    for b, n in enumerate(PACKED_LENGTHS):      # padded steps hold zeros, as pad_sequences writes
        if padding == "post":
            x[b, n:] = 0
        else:
            x[b, :T - n] = 0
    x.requires_grad_()
    g_out = randn(B, T, dirs * H, dtype=dtype)
    state_shape = (num_layers * dirs, B, H)
    g_hn = randn(*state_shape, dtype=dtype)
    g_cn = randn(*state_shape, dtype=dtype) if is_lstm else None

    def shift(t, to_front):
        # moves each pre-padded sequence to the front (or back again); post padding is left alone
        if padding == "post":
            return t
        rows = []
        for b, n in enumerate(PACKED_LENGTHS):
            row = t[b]
            rows.append(torch.cat([row[T - n:], row[:T - n]]) if to_front else torch.cat([row[n:], row[:n]]))
        return torch.stack(rows)

    packed = nn.utils.rnn.pack_padded_sequence(shift(x, True), lengths, batch_first=True, enforce_sorted=False)
    if is_lstm:
        out_packed, (h_n, c_n) = module(packed)
    else:
        out_packed, h_n = module(packed)
        c_n = None
    output, _ = nn.utils.rnn.pad_packed_sequence(out_packed, batch_first=True, total_length=T)
    output = shift(output, False)
    loss = (output * g_out).sum() + (h_n * g_hn).sum()
    if is_lstm:
        loss = loss + (c_n * g_cn).sum()
    loss.backward()

    record_recurrent(fx, module, x, None, None, output, h_n, c_n, g_out, g_hn, g_cn)
    return fx


def packed_cases():
    for prefix, (_, mode, _) in RECURRENT_MODES.items():
        if prefix == "rnn_relu":
            continue
        for suffix, (layers, bidir) in {"1layer": (1, False), "2layer_bidir": (2, True)}.items():
            for padding in ("post", "pre"):
                case = f"packed_{prefix}_{suffix}_{padding}"
                yield case, (lambda dt, c=case, m=mode, l=layers, b=bidir, p=padding:
                             packed_case(c, dt, m, l, b, p))


# ------------------------------------------------------------ linear and embedding

def linear_case(case, dtype_name, input_shape_prefix):
    dtype = DTYPES[dtype_name]
    I, O = 4, 3
    config = {"in_features": I, "out_features": O, "bias": True,
              "input_shape": list(input_shape_prefix) + [I], "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    module = nn.Linear(I, O).to(dtype)
    x = randn(*input_shape_prefix, I, dtype=dtype).requires_grad_()
    g_out = randn(*input_shape_prefix, O, dtype=dtype)
    out = module(x)
    (out * g_out).sum().backward()
    fx.add_params(module)
    fx.add("input", x)
    fx.add("output", out)
    fx.add("grad_output", g_out)
    fx.add("grad.input", x.grad)
    fx.add_param_grads(module)
    return fx


def embedding_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    num, dim, B, T = 7, 3, 2, 5
    config = {"num_embeddings": num, "embedding_dim": dim, "batch": B, "steps": T,
              "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    module = nn.Embedding(num, dim).to(dtype)
    # Fixed indices with repeats (gradients must accumulate) and an unused row (grad 0).
    indices = torch.tensor([[0, 3, 3, 6, 1], [3, 5, 0, 0, 2]], dtype=torch.int64)
    g_out = randn(B, T, dim, dtype=dtype)
    out = module(indices)
    (out * g_out).sum().backward()
    fx.add("indices", indices)
    fx.add_params(module)
    fx.add("output", out)
    fx.add("grad_output", g_out)
    fx.add_param_grads(module)
    return fx


# ------------------------------------------------------------------------ pipelines

class LastStepClassifier(nn.Module):
    """Embedding -> recurrent layer -> output of the last time step -> Linear."""

    def __init__(self, vocab, embed, hidden, out, mode):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = make_recurrent(mode, embed, hidden)
        self.dense = nn.Linear(hidden, out)

    def forward(self, indices):
        output, _ = self.rnn(self.embedding(indices))
        return self.dense(output[:, -1, :])


class PerStepClassifier(nn.Module):
    """Embedding -> recurrent layer -> Linear applied at every time step."""

    def __init__(self, vocab, embed, hidden, classes, mode):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = make_recurrent(mode, embed, hidden)
        self.dense = nn.Linear(hidden, classes)

    def forward(self, indices):
        output, _ = self.rnn(self.embedding(indices))
        return self.dense(output)


class LastStepRegressor(nn.Module):
    """Float sequence -> recurrent layer -> output of the last time step -> Linear."""

    def __init__(self, input_size, hidden, mode):
        super().__init__()
        self.rnn = make_recurrent(mode, input_size, hidden)
        self.dense = nn.Linear(hidden, 1)

    def forward(self, x):
        output, _ = self.rnn(x)
        return self.dense(output[:, -1, :])


def pipeline_bce_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    V, E, H, B, T = 20, 4, 5, 3, 5
    config = {"vocab": V, "embedding_dim": E, "rnn": {"mode": "RNN", "nonlinearity": "tanh",
              "input_size": E, "hidden_size": H, "num_layers": 1, "bias": True,
              "bidirectional": False, "batch_first": True}, "dense": {"in_features": H,
              "out_features": 1}, "loss": "BCEWithLogitsLoss", "reduction": "mean",
              "batch": B, "steps": T, "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    model = LastStepClassifier(V, E, H, 1, "RNN").to(dtype)
    indices = torch.randint(0, V, (B, T))
    target = torch.tensor([[1.0], [0.0], [1.0]], dtype=dtype)
    logits = model(indices)
    loss = nn.BCEWithLogitsLoss()(logits, target)
    loss.backward()
    return record_pipeline(fx, model, indices, target, logits, loss)


def record_pipeline(fx, model, indices, target, logits, loss):
    """Stores an Embedding pipeline's inputs, parameters, prediction, loss and gradients."""
    fx.add("indices", indices)
    fx.add("target", target)
    fx.add_params(model)
    fx.add("logits", logits)
    fx.add("loss", loss)
    fx.add_param_grads(model)
    return fx


def pipeline_ce_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    V, E, H, C, B, T = 12, 4, 5, 6, 2, 4
    config = {"vocab": V, "embedding_dim": E, "rnn": {"mode": "GRU", "nonlinearity": "tanh",
              "input_size": E, "hidden_size": H, "num_layers": 1, "bias": True,
              "bidirectional": False, "batch_first": True},
              "dense": {"in_features": H, "out_features": C},
              "loss": "CrossEntropyLoss", "reduction": "mean",
              "batch": B, "steps": T, "classes": C, "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    model = PerStepClassifier(V, E, H, C, "GRU").to(dtype)
    indices = torch.randint(0, V, (B, T))
    target = torch.randint(0, C, (B, T))
    logits = model(indices)                                    # [B, T, C]
    loss = nn.CrossEntropyLoss()(logits.reshape(B * T, C), target.reshape(B * T))
    loss.backward()
    return record_pipeline(fx, model, indices, target, logits, loss)


def pipeline_lstm_mse_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    I, H, B, T = 3, 4, 3, 5
    config = {"rnn": {"mode": "LSTM", "nonlinearity": "tanh", "input_size": I,
              "hidden_size": H, "num_layers": 1, "bias": True, "bidirectional": False,
              "batch_first": True},
              "dense": {"in_features": H, "out_features": 1}, "loss": "MSELoss",
              "reduction": "mean", "batch": B, "steps": T, "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    model = LastStepRegressor(I, H, "LSTM").to(dtype)
    x = randn(B, T, I, dtype=dtype).requires_grad_()
    target = randn(B, 1, dtype=dtype)
    prediction = model(x)
    loss = nn.MSELoss()(prediction, target)
    loss.backward()
    fx.add("input", x)
    fx.add("target", target)
    fx.add_params(model)
    fx.add("output", prediction)
    fx.add("loss", loss)
    fx.add("grad.input", x.grad)
    fx.add_param_grads(model)
    return fx


# --------------------------------------------------------------------------- losses

def losses_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    N, D, C = 4, 3, 5
    config = {"reduction": "mean", "seed": case_seed(case), "losses": {
        "mse": {"class": "MSELoss", "input_shape": [N, D]},
        "bce": {"class": "BCELoss", "input_shape": [N, D], "input": "sigmoid probabilities"},
        "bce_saturated": {"class": "BCELoss", "input_shape": [N, D],
                          "input": "probabilities including exact 0 and 1"},
        "bce_logits": {"class": "BCEWithLogitsLoss", "input_shape": [N, D]},
        "bce_logits_large": {"class": "BCEWithLogitsLoss", "input_shape": [N, D],
                             "input": "logits of magnitude 50"},
        "cross_entropy": {"class": "CrossEntropyLoss", "input_shape": [N, C]},
        "cross_entropy_large": {"class": "CrossEntropyLoss", "input_shape": [N, C],
                                "input": "logits of magnitude 50"},
    }}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))

    def record(name, loss_fn, inp, target):
        inp = inp.detach().clone().requires_grad_()
        value = loss_fn(inp, target)
        value.backward()
        fx.add(f"{name}.input", inp)
        fx.add(f"{name}.target", target)
        fx.add(f"{name}.value", value)
        fx.add(f"{name}.grad", inp.grad)

    bits = lambda: torch.randint(0, 2, (N, D)).to(dtype)  # noqa: E731
    record("mse", nn.MSELoss(), randn(N, D, dtype=dtype), randn(N, D, dtype=dtype))
    record("bce", nn.BCELoss(), torch.sigmoid(randn(N, D, dtype=dtype)), bits())
    # Probabilities of exactly 0 and 1 paired with both targets: shows the log clamp at -100
    # and the gradient's denominator clamp at 1e-12.
    sat_p = torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.25, 0.5], [0.0, 1.0, 0.75], [1e-30, 0.9, 0.1]],
                         dtype=dtype)
    sat_t = torch.tensor([[0.0, 1.0, 1.0], [0.0, 1.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]],
                         dtype=dtype)
    record("bce_saturated", nn.BCELoss(), sat_p, sat_t)
    record("bce_logits", nn.BCEWithLogitsLoss(), randn(N, D, dtype=dtype), bits())
    large = 50.0 * torch.sign(randn(N, D, dtype=dtype))
    record("bce_logits_large", nn.BCEWithLogitsLoss(), large, bits())
    record("cross_entropy", nn.CrossEntropyLoss(), randn(N, C, dtype=dtype),
           torch.randint(0, C, (N,)))
    large_ce = torch.tensor([[50.0, -50.0, 0.0, 10.0, -50.0],
                             [-50.0, 50.0, 50.0, -50.0, 0.0],
                             [0.0, 0.0, -50.0, 50.0, 49.0],
                             [-50.0, -50.0, -50.0, -50.0, 50.0]], dtype=dtype)
    record("cross_entropy_large", nn.CrossEntropyLoss(), large_ce,
           torch.tensor([1, 2, 3, 4], dtype=torch.int64))
    return fx


# ----------------------------------------------------------------------- optimizers

OPTIMIZERS = {
    # name: (torch.optim class, keyword arguments given; everything else is the default)
    "sgd": (torch.optim.SGD, {"lr": 0.1}),
    "sgd_momentum": (torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}),
    "sgd_nesterov": (torch.optim.SGD, {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
    "rmsprop_keras": (torch.optim.RMSprop, {"lr": 1e-3, "alpha": 0.9, "eps": 1e-7}),
    "adam": (torch.optim.Adam, {}),
}
OPTIMIZER_STEPS = 5


def json_value(v):
    return list(v) if isinstance(v, tuple) else v


def optimizers_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    torch.manual_seed(case_seed(case))
    start = randn(3, 4, dtype=dtype)
    grads = [randn(3, 4, dtype=dtype) for _ in range(OPTIMIZER_STEPS)]
    config = {"steps": OPTIMIZER_STEPS, "param_shape": [3, 4], "seed": case_seed(case),
              "optimizers": {}}
    fx = Fixture(case, dtype_name, config)
    for name, (cls, kwargs) in OPTIMIZERS.items():
        param = nn.Parameter(start.clone())
        opt = cls([param], **kwargs)
        hyper = {"class": cls.__name__}
        hyper.update({k: json_value(v) for k, v in opt.defaults.items()})
        config["optimizers"][name] = hyper
        fx.add(f"{name}.start", start)
        for k, g in enumerate(grads):
            param.grad = g.clone()
            opt.step()
            fx.add(f"{name}.grad{k}", g)
            fx.add(f"{name}.after{k}", param)
    return fx


# ----------------------------------------------------------------- gradient clipping

def clip_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    torch.manual_seed(case_seed(case))
    shapes = [(3, 4), (5,)]
    before = [randn(*s, dtype=dtype) for s in shapes]
    config = {"seed": case_seed(case), "shapes": [list(s) for s in shapes], "clips": {
        "clip_norm": {"function": "clip_grad_norm_", "max_norm": 1.0, "norm_type": 2.0},
        "clip_norm_noop": {"function": "clip_grad_norm_", "max_norm": 100.0, "norm_type": 2.0},
        "clip_value": {"function": "clip_grad_value_", "clip_value": 0.5},
    }}
    fx = Fixture(case, dtype_name, config)
    for name, spec in config["clips"].items():
        params = [nn.Parameter(torch.zeros_like(b)) for b in before]
        for p, b in zip(params, before):
            p.grad = b.clone()
        if spec["function"] == "clip_grad_norm_":
            total = torch.nn.utils.clip_grad_norm_(params, max_norm=spec["max_norm"],
                                                   norm_type=spec["norm_type"])
        else:
            torch.nn.utils.clip_grad_value_(params, clip_value=spec["clip_value"])
            total = None
        for i, (p, b) in enumerate(zip(params, before)):
            fx.add(f"{name}.before{i}", b)
            fx.add(f"{name}.after{i}", p.grad)
        if total is not None:
            fx.add(f"{name}.total_norm", total)
    return fx


# ------------------------------------------------------------------------------ main

def all_cases():
    cases = dict(recurrent_cases())
    cases.update(packed_cases())
    cases["linear"] = lambda dt: linear_case("linear", dt, (3,))
    cases["linear_seq"] = lambda dt: linear_case("linear_seq", dt, (2, 5))
    cases["embedding"] = lambda dt: embedding_case("embedding", dt)
    cases["pipeline_bce"] = lambda dt: pipeline_bce_case("pipeline_bce", dt)
    cases["pipeline_ce"] = lambda dt: pipeline_ce_case("pipeline_ce", dt)
    cases["pipeline_lstm_mse"] = lambda dt: pipeline_lstm_mse_case("pipeline_lstm_mse", dt)
    cases["losses"] = lambda dt: losses_case("losses", dt)
    cases["optimizers"] = lambda dt: optimizers_case("optimizers", dt)
    cases["clip"] = lambda dt: clip_case("clip", dt)
    from min_rnn_fixtures import min_cases   # minGRU / minLSTM, in their own script
    cases.update(min_cases())
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output directory (default: %(default)s)")
    parser.add_argument("--case", action="append",
                        help="generate only this case (repeatable; default: all)")
    parser.add_argument("--list", action="store_true", help="list the case names and exit")
    args = parser.parse_args()

    torch.set_num_threads(1)
    cases = all_cases()
    if args.list:
        print("\n".join(cases))
        return
    selected = args.case or list(cases)
    unknown = [c for c in selected if c not in cases]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")

    args.out.mkdir(parents=True, exist_ok=True)
    if not args.case:
        # Full regeneration: drop files of cases that no longer exist.
        wanted = {f"{c}.{d}.json" for c in selected for d in DTYPES}
        for stale in args.out.glob("*.json"):
            if stale.name not in wanted:
                stale.unlink()
    total = 0
    for case in selected:
        for dtype_name in DTYPES:
            fx = cases[case](dtype_name)
            text = fx.to_json(torch.__version__)
            path = args.out / f"{case}.{dtype_name}.json"
            path.write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
    print(f"wrote {len(selected) * len(DTYPES)} files, {total / 1024:.1f} KiB, to {args.out}")


if __name__ == "__main__":
    main()
