#!/usr/bin/python3
"""minGRU and minLSTM parity fixtures: reference implementations written in PyTorch from the
equations of Feng et al. (2024), "Were RNNs All We Needed?" (arXiv:2410.01201), §3 and appendix B.

    /usr/bin/python3 tests/torch/min_rnn_fixtures.py      # writes only these cases

make_fixtures.py includes these cases too, so a full regeneration keeps them. Two computations:

* "plain" cases: the step-by-step recurrence of §3 with autograd,
      minGRU:  z = σ(Linear_z(x_t)), h̃ = Linear_h(x_t), h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃
      minLSTM: f = σ(Linear_f(x_t)), i = σ(Linear_i(x_t)), f' = f/(f+i), i' = i/(f+i),
               h_t = f' ⊙ h_{t−1} + i' ⊙ Linear_h(x_t)
* "logspace" cases: appendix B.3's log-space parallel mode, h̃ = g(Linear_h(x)) and
      log h = log a* + logcumsumexp(log values − log a*), a* the cumulative sum of log a_t
  (Heinsen's scan), with log z = −softplus(−k), log(1 − z) = −softplus(k) for minGRU and
  log f' = −softplus(d), log i' = −softplus(−d), d = softplus(−k_f) − softplus(−k_i), for minLSTM.
  The initial state is positive (log h_0 must exist).
"""

import sys
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import DTYPES, DEFAULT_OUT, Fixture, case_seed, randn  # noqa: E402

SHAPE = {"batch": 2, "steps": 13, "input_size": 3, "hidden_size": 4}


def g(x):
    return torch.where(x >= 0, x + 0.5, torch.sigmoid(x))


def log_g(x):
    return torch.where(x >= 0, (F.relu(x) + 0.5).log(), -F.softplus(-x))


def parallel_scan_log(log_a, log_values):
    """h_t = a_t h_{t-1} + b_t for t = 1..T; log_values = [log h_0, log b_1, ..., log b_T]."""
    a_star = F.pad(torch.cumsum(log_a, dim=1), (0, 0, 1, 0))
    log_h = a_star + torch.logcumsumexp(log_values - a_star, dim=1)
    return torch.exp(log_h)[:, 1:]


class MinGRU(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.linear_z = nn.Linear(input_size, hidden_size)
        self.linear_h = nn.Linear(input_size, hidden_size)

    def sequential(self, x, h0, candidate=lambda p: p):
        h, out = h0, []
        for t in range(x.shape[1]):
            z = torch.sigmoid(self.linear_z(x[:, t]))
            h = (1 - z) * h + z * candidate(self.linear_h(x[:, t]))
            out.append(h)
        return torch.stack(out, dim=1)

    def log_space(self, x, h0):
        k = self.linear_z(x)
        log_z, log_coeffs = -F.softplus(-k), -F.softplus(k)
        log_values = torch.cat([h0.log().unsqueeze(1), log_z + log_g(self.linear_h(x))], dim=1)
        return parallel_scan_log(log_coeffs, log_values)


class MinLSTM(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.linear_f = nn.Linear(input_size, hidden_size)
        self.linear_i = nn.Linear(input_size, hidden_size)
        self.linear_h = nn.Linear(input_size, hidden_size)

    def sequential(self, x, h0, candidate=lambda p: p):
        h, out = h0, []
        for t in range(x.shape[1]):
            f = torch.sigmoid(self.linear_f(x[:, t]))
            i = torch.sigmoid(self.linear_i(x[:, t]))
            h = f / (f + i) * h + i / (f + i) * candidate(self.linear_h(x[:, t]))
            out.append(h)
        return torch.stack(out, dim=1)

    def log_space(self, x, h0):
        d = F.softplus(-self.linear_f(x)) - F.softplus(-self.linear_i(x))
        log_f, log_i = -F.softplus(d), -F.softplus(-d)
        log_values = torch.cat([h0.log().unsqueeze(1), log_i + log_g(self.linear_h(x))], dim=1)
        return parallel_scan_log(log_f, log_values)


def min_case(case, dtype_name, mode, variant, has_init):
    dtype = DTYPES[dtype_name]
    B, T, I, H = SHAPE["batch"], SHAPE["steps"], SHAPE["input_size"], SHAPE["hidden_size"]
    config = {"mode": mode, "variant": variant, "input_size": I, "hidden_size": H, "batch": B, "steps": T,
              "has_initial_state": has_init, "seed": case_seed(case)}
    fx = Fixture(case, dtype_name, config)
    torch.manual_seed(case_seed(case))
    module = {"MinGRU": MinGRU, "MinLSTM": MinLSTM}[mode](I, H).to(dtype)
    x = randn(B, T, I, dtype=dtype).requires_grad_()
    if variant == "logspace":
        h0 = (torch.rand(B, H, dtype=torch.float32) * 0.9 + 0.1).to(dtype).requires_grad_()
    else:
        h0 = randn(B, H, dtype=dtype).requires_grad_() if has_init else torch.zeros(B, H, dtype=dtype)
    g_out = randn(B, T, H, dtype=dtype)
    g_hn = randn(1, B, H, dtype=dtype)
    output = module.log_space(x, h0) if variant == "logspace" else module.sequential(x, h0)
    h_n = output[:, -1].unsqueeze(0)
    ((output * g_out).sum() + (h_n * g_hn).sum()).backward()

    fx.add_params(module)
    fx.add("input", x)
    if has_init:
        fx.add("h0", h0.unsqueeze(0))
    for name, t in (("output", output), ("h_n", h_n), ("grad_output", g_out), ("grad_h_n", g_hn)):
        fx.add(name, t)
    fx.add("grad.input", x.grad)
    if has_init:
        fx.add("grad.h0", h0.grad.unsqueeze(0))
    fx.add_param_grads(module)
    return fx


def replay_sequential(doc, X):
    """Recomputes a fixture in float64 by the step-by-step recurrence (with g for the log-space cases, which
    the fixture computed by the log-space scan): outputs and every gradient, for check_fixtures.py."""
    cfg = doc["config"]
    module = {"MinGRU": MinGRU, "MinLSTM": MinLSTM}[cfg["mode"]](cfg["input_size"], cfg["hidden_size"]).double()
    with torch.no_grad():
        for name, p in module.named_parameters():
            p.copy_(torch.from_numpy(X["param." + name]))
    x = torch.from_numpy(X["input"]).requires_grad_()
    h0 = (torch.from_numpy(X["h0"][0]) if cfg["has_initial_state"]
          else torch.zeros(cfg["batch"], cfg["hidden_size"], dtype=torch.float64)).requires_grad_()
    output = module.sequential(x, h0, g if cfg["variant"] == "logspace" else (lambda p: p))
    h_n = output[:, -1].unsqueeze(0)
    ((output * torch.from_numpy(X["grad_output"])).sum() + (h_n * torch.from_numpy(X["grad_h_n"])).sum()).backward()
    got = {"output": output, "h_n": h_n, "grad.input": x.grad}
    if cfg["has_initial_state"]:
        got["grad.h0"] = h0.grad.unsqueeze(0)
    for name, p in module.named_parameters():
        got["grad." + name] = p.grad
    return {k: v.detach().numpy() for k, v in got.items()}


def min_cases():
    for prefix, mode in (("mingru", "MinGRU"), ("minlstm", "MinLSTM")):
        for suffix, (variant, init) in {"plain": ("plain", False), "plain_init": ("plain", True),
                                        "logspace_init": ("logspace", True)}.items():
            case = f"{prefix}_{suffix}"
            yield case, (lambda dt, c=case, m=mode, v=variant, i=init: min_case(c, dt, m, v, i))


def main():
    torch.set_num_threads(1)
    DEFAULT_OUT.mkdir(parents=True, exist_ok=True)
    n = 0
    for case, make in min_cases():
        for dtype_name in DTYPES:
            (DEFAULT_OUT / f"{case}.{dtype_name}.json").write_text(make(dtype_name).to_json(torch.__version__), encoding="utf-8")
            n += 1
    print(f"wrote {n} files to {DEFAULT_OUT}")


if __name__ == "__main__":
    main()
