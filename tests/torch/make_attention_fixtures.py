#!/usr/bin/python3
"""Generate the PyTorch parity fixtures of the attention steps and the padded cross-entropy.

    /usr/bin/python3 tests/torch/make_attention_fixtures.py

Writes `<case>.float32.json` and `<case>.float64.json` to
tests/RnnNotebooks.Tests/Fixtures/torch/seq2seq/, in the format of make_fixtures.py (whose
Fixture class, seeding and float32-first draws it reuses; see tests/torch/README.md).  A
subfolder, so that a full run of make_fixtures.py, which deletes files of cases it does not
know, leaves these alone.

Cases (B batch rows, S source positions; `mask` is 1 at real positions, 0 at padding; the
padded keys hold random numbers, which a correct implementation must ignore):

* attention_additive: Bahdanau's e_s = v . tanh(Wq q + Wk h_s), alpha = softmax(e) over the
  real positions, c = sum_s alpha_s h_s; Wq [A, Q] (`weight_query`), Wk [A, K] (`weight_key`),
  v [A] (`weight_score`); B 3, S 5, Q 4, K 6, A 5, lengths [5, 3, 1].
* attention_dot, attention_dot_scaled: Luong's e_s = h_s . q, the second divided by sqrt(K);
  B 3, S 5, K 6, lengths [5, 2, 4].
* cross_entropy_ignore: CrossEntropyLoss(ignore_index=0) on logits [2, 4, 7] against targets
  with padding 0, the mean over the non-padded positions.

Loss for the attention cases: (context * grad_context).sum() + (weights * grad_weights).sum().
Tensors: param.*, query, keys, mask, lengths, weights, context, grad_context, grad_weights,
grad.query, grad.keys, grad.<param>.
"""

import argparse
import math
from pathlib import Path

import torch

from make_fixtures import DTYPES, Fixture, case_seed, randn

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "tests" / "RnnNotebooks.Tests" / "Fixtures" / "torch" / "seq2seq"


def mask_of(lengths, steps, dtype):
    return torch.tensor([[1.0 if t < n else 0.0 for t in range(steps)] for n in lengths], dtype=dtype)


def attend(scores, mask, keys):
    scores = scores.masked_fill(mask == 0, float("-inf"))
    weights = torch.softmax(scores, dim=1)
    context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)
    return weights, context


def attention_case(case, dtype_name, kind):
    dtype = DTYPES[dtype_name]
    torch.manual_seed(case_seed(case))
    if kind == "additive":
        B, S, Q, K, A, lengths = 3, 5, 4, 6, 5, [5, 3, 1]
    else:
        B, S, K, lengths = 3, 5, 6, [5, 2, 4]
        Q = K
    config = {"kind": kind, "batch": B, "steps": S, "query_size": Q, "key_size": K, "lengths": lengths,
              "scaled": kind == "dot_scaled", "seed": case_seed(case)}
    params = {}
    if kind == "additive":
        config["attention_size"] = A
        params["weight_query"] = (randn(A, Q, dtype=dtype) * 0.5).requires_grad_()
        params["weight_key"] = (randn(A, K, dtype=dtype) * 0.5).requires_grad_()
        params["weight_score"] = randn(A, dtype=dtype).requires_grad_()
    query = randn(B, Q, dtype=dtype).requires_grad_()
    keys = randn(B, S, K, dtype=dtype).requires_grad_()
    mask = mask_of(lengths, S, dtype)
    if kind == "additive":
        u = torch.tanh((query @ params["weight_query"].T).unsqueeze(1) + keys @ params["weight_key"].T)
        scores = u @ params["weight_score"]
    else:
        scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)
        if kind == "dot_scaled":
            scores = scores / math.sqrt(K)
    weights, context = attend(scores, mask, keys)
    g_context = randn(B, K, dtype=dtype)
    g_weights = randn(B, S, dtype=dtype)
    loss = (context * g_context).sum() + (weights * g_weights).sum()
    loss.backward()

    fx = Fixture(case, dtype_name, config)
    for name, p in params.items():
        fx.add("param." + name, p)
    fx.add("query", query)
    fx.add("keys", keys)
    fx.add("mask", mask)
    fx.add("weights", weights)
    fx.add("context", context)
    fx.add("grad_context", g_context)
    fx.add("grad_weights", g_weights)
    fx.add("grad.query", query.grad)
    fx.add("grad.keys", keys.grad)
    for name, p in params.items():
        fx.add("grad." + name, p.grad)
    return fx


def cross_entropy_ignore_case(case, dtype_name):
    dtype = DTYPES[dtype_name]
    torch.manual_seed(case_seed(case))
    B, T, C = 2, 4, 7
    logits = (randn(B, T, C, dtype=dtype) * 2).requires_grad_()
    target = torch.tensor([[3, 5, 2, 0], [6, 2, 0, 0]], dtype=torch.int64)
    loss = torch.nn.CrossEntropyLoss(ignore_index=0)(logits.reshape(-1, C), target.reshape(-1))
    loss.backward()
    fx = Fixture(case, dtype_name, {"batch": B, "steps": T, "classes": C, "ignore_index": 0, "seed": case_seed(case)})
    fx.add("logits", logits)
    fx.add("target", target)
    fx.add("loss", loss)
    fx.add("grad.logits", logits.grad)
    return fx


def all_cases():
    return {
        "attention_additive": lambda dt: attention_case("attention_additive", dt, "additive"),
        "attention_dot": lambda dt: attention_case("attention_dot", dt, "dot"),
        "attention_dot_scaled": lambda dt: attention_case("attention_dot_scaled", dt, "dot_scaled"),
        "cross_entropy_ignore": lambda dt: cross_entropy_ignore_case("cross_entropy_ignore", dt),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    torch.set_num_threads(1)
    args.out.mkdir(parents=True, exist_ok=True)
    cases = all_cases()
    for case, make in cases.items():
        for dtype_name in DTYPES:
            (args.out / f"{case}.{dtype_name}.json").write_text(make(dtype_name).to_json(torch.__version__), encoding="utf-8")
    print(f"wrote {len(cases) * len(DTYPES)} files to {args.out}")


if __name__ == "__main__":
    main()
