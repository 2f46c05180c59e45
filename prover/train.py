"""``prover train``: fit ProverModel on the train split of atomized.jsonl, report valid top-k vs baselines.

Per epoch: one pass over the train examples (batches of states; premise loss is a softmax over
every premise the theorem may use: the batch's gold premises and ``PREMISE_NEGATIVES`` random ones
are re-encoded with gradient, the rest come from a no-gradient bank refreshed every
``BANK_REFRESH`` steps; the scores get the statement-shape log-odds the policy adds at search
time, ``premise_relevance.premise_bias``, so the network learns to separate the gold premise from
the ones the shapes leave in, not from those Lean's ``rw`` would refuse anyway),
then valid top-1/top-5 for kind, hypothesis/subterm pointers and premises (ranked among all
premises allowed for the theorem), a checkpoint (model.pt + config.json, and train_state.pt for
``--resume``), metrics.json and curve.png. Baselines (most-frequent, kNN, and kNN
weighed with the same shapes) are measured once on the same valid examples and printed in the same
report, with the GNN without its premise memory and the network alone (no shapes, no memory)
after the last epoch. After each epoch the premise memory (``premise_memory.py``: the train split's
premise steps embedded by the current network) is rebuilt, used for the valid figures and saved as
``memory.pt`` beside the checkpoint.

Value head: every recorded state is on a successful proof path, so all are provable and there
are no negatives for free (getting them means running failed actions through the checker). The
head is trained instead to predict ``VALUE_DECAY ** steps_left`` (see train_data.value_target):
for search it ranks states nearer to a finished proof higher, which is what a provability
estimate is used for; its weight is ``ModelConfig.value_weight``.
"""
from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import torch
from tqdm import tqdm

from prover.actions import KINDS
from prover.baselines import MostFrequent, NearestNeighbours
from prover.checkpoint import load_checkpoint, save_checkpoint
from prover.evaluate import encode_all_premises, format_table, model_predictor, topk_accuracy
from prover.model import ModelConfig, ProverModel, fit_width
from prover.premise_memory import build_memory
from prover.train_data import (DataError, Example, PremiseTable, attach_premise_bias, build_premise_graphs,
                               build_vocab, load_examples, load_premises, premise_shapes, read_jsonl)

BANK_REFRESH = 20  # steps between re-encodings of the whole premise table (the no-gradient negatives)
PREMISE_NEGATIVES = 48  # random premises scored against each batch besides its gold ones (their graphs cost more than the states)
STATE_FILE = "train_state.pt"


@dataclass
class TrainConfig:
    """Optimisation settings (saved in config.json under "train")."""

    epochs: int = 12  # passes over the train split (~600 theorems fit in < 20 min on 2 cores)
    batch_size: int = 32  # states per step
    lr: float = 2e-3  # peak AdamW learning rate
    min_lr: float = 2e-4  # cosine floor
    warmup: int = 100  # linear warm-up steps
    weight_decay: float = 0.01  # AdamW decoupled weight decay
    grad_clip: float = 1.0  # max global grad norm
    seed: int = 0  # data order, init and negative sampling


def get_lr(step: int, total: int, cfg: TrainConfig) -> float:
    """Linear warm-up then cosine decay to min_lr (nanoGPT's schedule)."""
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    ratio = min(1.0, (step - cfg.warmup) / max(1, total - cfg.warmup))
    return cfg.min_lr + 0.5 * (1 + math.cos(math.pi * ratio)) * (cfg.lr - cfg.min_lr)


def make_targets(part: Sequence[Example], premises: PremiseTable, rng: random.Random,
                 negatives: int = PREMISE_NEGATIVES) -> tuple[dict[str, torch.Tensor], Optional[torch.Tensor],
                                                              Optional[torch.Tensor]]:
    """Targets for a batch, the premise rows re-encoded with gradient (gold + random) and the (B, P) mask.

    Premise targets are rows of the whole table: the batch is scored against every premise its
    theorem may use (fresh embeddings for the chosen rows, the epoch's bank for the rest).
    """
    gold = sorted({ex.premise for ex in part if ex.premise >= 0})
    targets = {
        "kind": torch.tensor([ex.kind for ex in part]),
        "hyp": torch.tensor([ex.hyp for ex in part]),
        "subterm": torch.tensor([ex.subterm for ex in part]),
        "premise": torch.tensor([ex.premise for ex in part]),
        "value": torch.tensor([ex.value for ex in part], dtype=torch.float),
        "value_mask": torch.tensor([ex.value_known for ex in part], dtype=torch.bool),
    }
    if not gold or not premises.names:
        return targets, None, None
    zero = torch.zeros(len(premises.names))
    targets["premise_bias"] = torch.stack([zero if ex.premise_bias is None else ex.premise_bias for ex in part])
    others = rng.sample(range(len(premises.names)), min(negatives, len(premises.names)))
    rows = torch.tensor(gold + [r for r in others if r not in set(gold)], dtype=torch.long)
    mask = premises.allowed(torch.tensor([ex.limit for ex in part]))
    has = targets["premise"] >= 0
    mask[has, targets["premise"][has]] = True  # gold is always scorable
    return targets, rows, mask


def premise_bank(model: ProverModel, premises: PremiseTable) -> torch.Tensor:
    """(P, d) embeddings of every premise without gradient (eval mode), refreshed every BANK_REFRESH steps."""
    was_training = model.training
    model.eval()
    with torch.no_grad():
        bank = encode_all_premises(model, premises)
    model.train(was_training)
    return bank


def train_epoch(model: ProverModel, opt: torch.optim.Optimizer, train: Sequence[Example], premises: PremiseTable,
                cfg: TrainConfig, step: int, total: int, rng: random.Random, desc: str) -> tuple[float, int]:
    """One shuffled pass; returns (mean loss, global step after the pass)."""
    from prover.graph import collate

    model.train()
    order = list(range(len(train)))
    rng.shuffle(order)
    losses = []
    bank = None
    bar = tqdm(range(0, len(order), cfg.batch_size), desc=desc, unit="batch", leave=False)
    for i, start in enumerate(bar):
        part = [train[j] for j in order[start:start + cfg.batch_size]]
        targets, rows, mask = make_targets(part, premises, rng)
        emb = None
        if rows is not None:
            if bank is None or i % BANK_REFRESH == 0:
                bank = premise_bank(model, premises)
            fresh = model.encode_premises(collate([premises.graphs[r] for r in rows.tolist()]))
            emb = bank.index_copy(0, rows, fresh)  # (P, d): gradient flows through the fresh rows
        for group in opt.param_groups:
            group["lr"] = get_lr(step, total, cfg)
        _, loss = model(collate([ex.graph for ex in part]), emb, targets, premise_mask=mask)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        opt.step()
        step += 1
        losses.append(loss.item())
        bar.set_postfix(loss=f"{sum(losses[-20:]) / len(losses[-20:]):.3f}")
    return (sum(losses) / max(1, len(losses))), step


def plot_curve(history: list[dict[str, float]], baselines: dict[str, dict[str, float]], path: Path) -> None:
    """Training loss and valid top-1 accuracies per epoch (baselines dashed) into a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [h["epoch"] for h in history]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    ax1.plot(epochs, [h["train_loss"] for h in history], marker="o")
    ax1.set_xlabel("epoch")
    ax1.set_ylabel("train loss")
    ax1.set_title("training loss")
    for i, key in enumerate(k for k in ["kind@1", "args@1", "premise@1", "kind@5"] if history and k in history[0]):
        color = f"C{i}"
        ax2.plot(epochs, [_nan(h[key]) for h in history], marker="o", color=color, label=f"model {key}")
        knn = baselines.get("kNN + shapes") or baselines.get("kNN") or {}
        if knn.get(key) is not None:
            ax2.axhline(knn[key], color=color, linestyle="--", linewidth=0.8)
    ax2.set_xlabel("epoch")
    ax2.set_ylabel("valid accuracy (dashed: kNN + shapes baseline)")
    ax2.set_ylim(0, 1)
    ax2.legend(fontsize=8)
    ax2.set_title("validation top-k")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _nan(x: Optional[float]) -> float:
    """None (no examples) as NaN for plotting."""
    return float("nan") if x is None else x


def run_training(data: Path, premises_path: Path, out: Path, cfg: TrainConfig, threads: int = 2,
                 resume: bool = False, progress: bool = True) -> dict[str, Any]:
    """Whole `prover train`: data, baselines, epochs with checkpoints, report. Returns metrics."""
    from prover.graph import EDGE_TYPES, FORWARD_EDGES, HASH_BUCKETS, NODE_KINDS, Vocab

    torch.set_num_threads(threads)
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    t0 = time.time()
    out = Path(out)
    records = read_jsonl(data)
    premises = load_premises(premises_path)
    state_path = out / STATE_FILE
    if resume and state_path.is_file():
        model, meta = load_checkpoint(out)
        vocab = Vocab.from_json(meta["vocab"])
    else:
        resume = False
        vocab = build_vocab(records, premises)
        config = fit_width(ModelConfig(n_node_kinds=len(NODE_KINDS), n_edge_types=len(EDGE_TYPES),
                                       n_forward_edges=len(FORWARD_EDGES),
                                       vocab_size=len(vocab), hash_buckets=HASH_BUCKETS, n_kinds=len(KINDS)))
        model = ProverModel(config)
    examples = load_examples(records, vocab, premises, progress)
    shapes = premise_shapes(premises)
    attach_premise_bias(examples, premises, shapes)
    build_premise_graphs(premises, vocab, progress)
    train = [ex for ex in examples if ex.split == "train"]
    valid = [ex for ex in examples if ex.split == "valid"]
    if not train:
        raise DataError(f"{data}: no train-split records")
    baselines = {"most-frequent": topk_accuracy(valid, MostFrequent(train, premises)(valid)),
                 "kNN": topk_accuracy(valid, NearestNeighbours(train, premises)(valid)),
                 "kNN + shapes": topk_accuracy(valid, NearestNeighbours(train, premises, shapes=shapes)(valid)),
                 } if valid else {}
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    history: list[dict[str, float]] = []
    start_epoch, step = 0, 0
    if resume:
        state = torch.load(state_path, weights_only=False)
        opt.load_state_dict(state["optimizer"])
        history, start_epoch, step = state["history"], state["epoch"], state["step"]
        t0 -= history[-1]["seconds"] if history else 0.0  # a resumed run's clock counts the earlier epochs too
        rng.setstate(state["rng"])
        torch.set_rng_state(state["torch_rng"])
    total = cfg.epochs * math.ceil(len(train) / cfg.batch_size)
    for epoch in range(start_epoch, cfg.epochs):
        loss, step = train_epoch(model, opt, train, premises, cfg, step, total, rng, f"epoch {epoch + 1}/{cfg.epochs}")
        memory = build_memory(model, train, premises.names)
        metrics = topk_accuracy(valid, model_predictor(model, premises, memory=memory)(valid)) if valid else {}
        history.append({"epoch": epoch + 1, "train_loss": loss, "seconds": time.time() - t0, **metrics})
        _save(out, model, vocab, cfg, history, baselines, epoch + 1, step, opt, rng, len(train), len(valid),
              premises)
        memory.save(out)
        if progress:
            shown = "  ".join(f"{key} {_nan(metrics.get(key)):.3f}" for key in ("kind@1", "args@1", "premise@1"))
            tqdm.write(f"epoch {epoch + 1}: loss {loss:.3f}  valid {shown}  ({time.time() - t0:.0f}s)")
    alone = {"GNN without the memory": topk_accuracy(valid, model_predictor(model, premises)(valid)),
             "GNN, network alone": topk_accuracy(valid, model_predictor(model, premises, shapes=False)(valid)),
             } if valid else {}
    report = _report(model, history, {**alone, **baselines}, time.time() - t0, len(train), len(valid), examples)
    (out / "report.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return {"history": history, "baselines": baselines}


def _save(out: Path, model: ProverModel, vocab: Any, cfg: TrainConfig, history: list, baselines: dict,
          epoch: int, step: int, opt: torch.optim.Optimizer, rng: random.Random, n_train: int, n_valid: int,
          premises: PremiseTable) -> None:
    """Checkpoint (with the library premises the model ranks: ``checkpoint.library_premises``) +
    resumable state + metrics.json + curve.png for the epoch just finished."""
    from dataclasses import asdict

    library = [name for name, index in zip(premises.names, premises.index.tolist()) if index < 0]
    save_checkpoint(out, model, vocab.to_json(), KINDS, extra={"train": asdict(cfg), "epoch": epoch,
                                                               "examples": {"train": n_train, "valid": n_valid},
                                                               "library_premises": library})
    torch.save({"optimizer": opt.state_dict(), "history": history, "epoch": epoch, "step": step,
                "rng": rng.getstate(), "torch_rng": torch.get_rng_state()}, out / STATE_FILE)
    (out / "metrics.json").write_text(json.dumps({"history": history, "baselines": baselines}, indent=1),
                                      encoding="utf-8")
    plot_curve(history, baselines, out / "curve.png")


def _report(model: ProverModel, history: list, baselines: dict, seconds: float, n_train: int, n_valid: int,
            examples: Sequence[Example]) -> str:
    """The training report: sizes, time, valid top-k of the model vs both baselines."""
    missing = sum(ex.arg_missing for ex in examples)
    rows = {f"GNN (epoch {history[-1]['epoch']})": {k: v for k, v in history[-1].items()}} if history else {}
    rows.update(baselines)
    lines = [f"parameters: {model.num_parameters()}",
             f"train states: {n_train}, valid states: {n_valid} (arguments not found in the graph: {missing})",
             f"training time: {seconds:.0f} s",
             "valid top-k accuracy (%), arguments and premises given the true kind:", format_table(rows)]
    return "\n".join(lines)
