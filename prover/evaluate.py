"""Top-k accuracy of any predictor (model or baseline) on Examples: kind, hyp/subterm pointers, premises.

A predictor returns, per example, a ``Prediction``: ranked lists (best first, at least ``max(TOPK)``
long when possible) of kind ids, local hypothesis indices, local subterm indices and premise rows,
the argument rankings being *given the true kind* (so argument accuracy is not hidden behind kind
errors; joint accuracy is the search's business). Premises are ranked only among those allowed
for the example's theorem.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import torch

from prover.actions import ARG_OF, KINDS
from prover.premise_memory import PremiseMemory, add_memory_bias
from prover.premise_relevance import SHAPE_KINDS, PremiseShapes
from prover.train_data import Example, PremiseTable, premise_shapes, shape_bias

TOPK = (1, 5)
EVAL_BATCH = 64


@dataclass
class Prediction:
    """Ranked candidates for one example (best first)."""

    kind: list[int]
    hyp: list[int]
    subterm: list[int]
    premise: list[int]
    action: Optional[int] = None  # rank of the true action in the joint kind x argument ranking (model only)


Predictor = Callable[[Sequence[Example]], list[Prediction]]


def topk_accuracy(examples: Sequence[Example], predictions: Sequence[Prediction]) -> dict[str, Optional[float]]:
    """``{kind@1, kind@5, hyp@1, …, args@k, premise@k, action@k, n_kind, …}``; None without examples.

    ``action@k``: the human's whole action (kind and argument) is among the k best of the joint
    kind x argument ranking the search sees (examples whose argument could be pointed at).
    """
    ranks: dict[str, list[int]] = {key: [] for key in ("kind", "hyp", "subterm", "args", "premise", "action")}
    for ex, pred in zip(examples, predictions):
        if pred.action is not None:
            ranks["action"].append(pred.action)
        ranks["kind"].append(_rank(pred.kind, ex.kind))
        if ex.hyp >= 0:
            ranks["hyp"].append(_rank(pred.hyp, ex.hyp))
            ranks["args"].append(ranks["hyp"][-1])
        if ex.subterm >= 0:
            ranks["subterm"].append(_rank(pred.subterm, ex.subterm))
            ranks["args"].append(ranks["subterm"][-1])
        if ex.premise >= 0:
            ranks["premise"].append(_rank(pred.premise, ex.premise))
    out: dict[str, float] = {}
    for key, rs in ranks.items():
        out[f"n_{key}"] = len(rs)
        for k in TOPK:
            out[f"{key}@{k}"] = sum(r < k for r in rs) / len(rs) if rs else None
    return out


def _rank(ranking: Sequence[int], target: int) -> int:
    """Position of target in ranking (len + 1 when absent)."""
    try:
        return list(ranking).index(target)
    except ValueError:
        return len(ranking) + 1


def model_predictor(model, premises: PremiseTable, shapes: bool = True, memory: Optional[PremiseMemory] = None) -> Predictor:
    """Rankings from ProverModel: all premises encoded once, masked to those allowed per example,
    weighed with the premise memory and the statement shapes as the policy weighs them
    (``shapes=False`` and no memory: the network alone)."""
    from prover.graph import collate

    k = max(TOPK)
    table = premise_shapes(premises) if shapes else None

    def predict(examples: Sequence[Example]) -> list[Prediction]:
        model.eval()
        out_preds: list[Prediction] = []
        with torch.inference_mode():
            emb = encode_all_premises(model, premises)
            for start in range(0, len(examples), EVAL_BATCH):
                part = examples[start:start + EVAL_BATCH]
                batch = collate([ex.graph for ex in part])
                limits = torch.tensor([ex.limit for ex in part])
                mask = premises.allowed(limits) if emb is not None else None
                out, _ = model(batch, emb, premise_mask=mask)
                if emb is not None and memory is not None:
                    add_memory_bias(out, memory.bias(out["state"], premises.names))
                if emb is not None and table is not None:
                    _add_shape_bias(out, part, table, premises)
                out_preds.extend(_rank_outputs(out, batch, part, k))
        return out_preds

    return predict


def _add_shape_bias(out, part: Sequence[Example], shapes: PremiseShapes, premises: PremiseTable) -> None:
    """Re-normalise ``premise_logp`` with the statement-shape log-odds the policy adds at search
    time (``premise_relevance.premise_bias``), for every kind they apply to; the gold premise is not
    rescued, so a premise the shapes rule out counts as missed."""
    kinds = [j for j, kind in enumerate(KINDS[:out["premise_score"].shape[1]]) if kind in SHAPE_KINDS]
    for i, ex in enumerate(part):
        for j in kinds:
            bias = shape_bias(shapes, premises, j, ex.target)
            if bias is not None:
                row = out["premise_score"][i, j] + bias
                out["premise_logp"][i, j] = torch.log_softmax(row, dim=-1) if torch.isfinite(row).any() else row


def encode_all_premises(model, premises: PremiseTable, chunk: int = 256):
    """(P, d) embeddings of every premise statement (None when there are none)."""
    from prover.graph import collate

    if not premises.graphs:
        return None
    parts = [model.encode_premises(collate(premises.graphs[i:i + chunk])) for i in range(0, len(premises.graphs), chunk)]
    return torch.cat(parts)


def _rank_outputs(out, batch, part: Sequence[Example], k: int) -> list[Prediction]:
    """Turn model outputs into per-example rankings under each example's true kind."""
    from prover.model import candidate_offsets

    n = len(part)
    hyp_b, sub_b = batch.hyp_batch.view(-1), batch.subterm_batch.view(-1)
    hyp_off, sub_off = candidate_offsets(hyp_b, n).tolist(), candidate_offsets(sub_b, n).tolist()
    hyp_n = torch.bincount(hyp_b, minlength=n).tolist()
    sub_n = torch.bincount(sub_b, minlength=n).tolist()
    preds = []
    for i, ex in enumerate(part):
        kind = torch.topk(out["kind_logp"][i], min(k, out["kind_logp"].shape[1])).indices.tolist()
        hyp = _top(out["hyp_logp"][hyp_off[i]:hyp_off[i] + hyp_n[i], ex.kind], k)
        sub = _top(out["subterm_logp"][sub_off[i]:sub_off[i] + sub_n[i], ex.kind], k)
        prem = _top(out["premise_logp"][i, ex.kind], k) if "premise_logp" in out else []
        hyp_lp = out["hyp_logp"][hyp_off[i]:hyp_off[i] + hyp_n[i]]
        sub_lp = out["subterm_logp"][sub_off[i]:sub_off[i] + sub_n[i]]
        prem_lp = out["premise_logp"][i] if "premise_logp" in out else None
        preds.append(Prediction(kind, hyp, sub, prem, _joint_rank(out["kind_logp"][i], hyp_lp, sub_lp, prem_lp, ex)))
    return preds


def _joint_rank(kind_lp: torch.Tensor, hyp_lp: torch.Tensor, sub_lp: torch.Tensor,
                prem_lp: Optional[torch.Tensor], ex: Example) -> Optional[int]:
    """How many actions the model scores above the human one (None when its argument was not found)."""
    if ex.arg_missing:
        return None
    columns = {"hyp": hyp_lp, "subterm": sub_lp}
    target = None
    scores = []
    for j, kind in enumerate(KINDS[:kind_lp.shape[0]]):
        arg = ARG_OF[kind]
        if arg == "none":
            col = kind_lp[j:j + 1]
        elif arg == "premise":
            col = kind_lp[j] + prem_lp[j] if prem_lp is not None else kind_lp[:0]
        else:
            col = kind_lp[j] + columns[arg][:, j]
        scores.append(col)
        if j == ex.kind:
            local = 0 if arg == "none" else {"hyp": ex.hyp, "subterm": ex.subterm, "premise": ex.premise}[arg]
            target = col[local] if 0 <= local < col.numel() else None
    if target is None or target == float("-inf"):
        return None
    return int((torch.cat(scores) > target).sum())


def _top(scores: torch.Tensor, k: int) -> list[int]:
    """Indices of the k best finite scores."""
    if scores.numel() == 0:
        return []
    top = torch.topk(scores, min(k, scores.numel()))
    return [i for v, i in zip(top.values.tolist(), top.indices.tolist()) if v != float("-inf")]


def format_table(rows: dict[str, dict[str, float]]) -> str:
    """Markdown table: one row per method, top-1/top-5 for kind, hyp, subterm, args, premise, joint action."""
    cols = ["kind", "hyp", "subterm", "args", "premise", "action"]
    head = "| method | " + " | ".join(f"{c} @1 | {c} @5" for c in cols) + " |"
    sep = "|---" * (1 + 2 * len(cols)) + "|"
    lines = [head, sep]
    for name, m in rows.items():
        cells = [f"{100 * m[f'{c}@{k}']:.1f}" if m.get(f"{c}@{k}") is not None else "-" for c in cols for k in TOPK]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    first = next(iter(rows.values()), {})
    lines.append("\nexamples: " + ", ".join(f"{c} {int(first.get('n_' + c, 0))}" for c in cols))
    return "\n".join(lines)
