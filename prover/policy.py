"""The learned policy the search calls: batched top-k atomic actions with log-probabilities, and values.

An action's score is the joint ``log p(kind) + log p(argument | kind)`` (INTERFACES.md section 4).
Premise statements are encoded once by the model's own encoder and cached; ``propose`` scores only
the premises it is given that have been registered with ``premise_types``, adding the votes of the
premise memory saved with the model (``premise_memory.py``) and the statement shapes. By default proposals
are restricted to actions ``candidate_actions`` calls well-formed on the focused goal (no ``intro``
on a non-arrow, no ``rw`` with a non-equation hypothesis), so search budget is not spent on them.
"""
from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

import numpy as np
import torch
from torch import Tensor

from lean_bridge.types import Goal
from prover.actions import ARG_OF, Action, candidate_actions
from prover.checkpoint import default_model_dir, library_premises, load_checkpoint
from prover.model import ProverModel, candidate_offsets
from prover.premise_memory import PremiseMemory, add_memory_bias, load_memory
from prover.premise_relevance import HEAD_BONUS, REWRITE_BONUS, PremiseShapes, premise_bias

State = tuple[Sequence[Goal], int]  # (goals, index of the focused goal)
PREMISE_CHUNK = 256  # premise graphs encoded per forward pass when filling the cache
CLOSERS = ("simp_all", "simp", "assumption", "rfl", "trivial", "contradiction")  # always tried, see propose
CLOSER_LOGP = -3.0  # log-probability floor of a closer the network ranks lower (tuned on valid)


class Policy:
    """A trained ProverModel with its vocabulary, kind names and premise-embedding cache."""

    def __init__(self, model: ProverModel, vocab: Any, kinds: Sequence[str], legal_only: bool = True,
                 memory: Optional[PremiseMemory] = None, library_premises: Sequence[str] = ()) -> None:
        self.model = model.eval()
        self.memory = memory  # which premises the nearest training states used (premise_memory.py)
        self.vocab = vocab
        self.kinds = tuple(kinds)
        self.legal_only = legal_only
        self._premise_row: dict[str, int] = {}
        self._premise_emb = torch.zeros(0, model.config.d_model)  # (P, d) in registration order
        self.shapes = PremiseShapes()  # statement shapes: rw patterns and conclusion heads
        self.head_bonus = HEAD_BONUS
        self.rewrite_bonus = REWRITE_BONUS
        self.closers = CLOSERS
        self.closer_logp = CLOSER_LOGP
        self.library_premises = tuple(library_premises)  # library constants the search offers as premises (prove.py)

    # ------------------------------------------------------------------ premises

    def premise_types(self, names_to_terms: Mapping[str, Any]) -> None:
        """Register premise statements (name -> Term); only names not seen before are encoded."""
        from prover.graph import collate

        new = [(name, term) for name, term in names_to_terms.items()
               if name not in self._premise_row and term is not None]
        for name, term in new:
            self.shapes.add(name, term)
        chunks = []
        with torch.inference_mode():
            for start in range(0, len(new), PREMISE_CHUNK):
                part = new[start:start + PREMISE_CHUNK]
                chunks.append(self.model.encode_premises(collate([premise_graph(n, t, self.vocab) for n, t in part])))
        for name, _ in new:
            self._premise_row[name] = len(self._premise_row)
        if chunks:
            self._premise_emb = torch.cat([self._premise_emb, *chunks])

    def known_premises(self, premises: Sequence[str]) -> list[str]:
        """The given premise names that have a cached embedding, in the given order."""
        return [p for p in premises if p in self._premise_row]

    # ------------------------------------------------------------------ scoring

    def _forward(self, states: Sequence[State], premises: Sequence[str]) -> tuple[list[Any], Any, dict[str, Tensor]]:
        """(graphs, batch, model outputs) for the states, premises restricted to ``premises``."""
        from prover.graph import build_state_graph, collate

        graphs = [build_state_graph(goals, focus, self.vocab) for goals, focus in states]
        batch = collate(graphs)
        emb = None
        if premises:
            rows = torch.tensor([self._premise_row[p] for p in premises], dtype=torch.long)
            emb = self._premise_emb[rows]  # (P, d)
        with torch.inference_mode():
            out, _ = self.model(batch, emb)
        return graphs, batch, out

    def value(self, states: Sequence[State]) -> list[float]:
        """Estimated provability in [0, 1] of each state (see train.py for what it was trained on)."""
        if not states:
            return []
        _, _, out = self._forward(states, [])
        return out["value"].tolist()

    def propose(self, states: Sequence[State], premises: Sequence[str], k: int) -> list[list[tuple[Action, float]]]:
        """Top-k (Action, joint log-probability) per state, best first, one batched forward pass."""
        if not states:
            return []
        names = self.known_premises(premises)
        graphs, batch, out = self._forward(states, names)
        if self.memory is not None and names:
            add_memory_bias(out, self.memory.bias(out["state"], names))
        n = len(states)
        hyp_off = candidate_offsets(batch.hyp_batch.view(-1), n).tolist()
        sub_off = candidate_offsets(batch.subterm_batch.view(-1), n).tolist()
        result = []
        for i, (goals, focus) in enumerate(states):
            legal = _legal_filter(goals[focus]) if self.legal_only and goals else None
            goal = goals[focus] if goals else None
            scores, segments = self._joint(i, out, graphs[i], hyp_off[i], sub_off[i], names, legal, goal)
            total = segments[-1][0] + len(segments[-1][2]) if segments else 0
            if not total:
                result.append([])
                continue
            closers = [c for c in self.closers if c in self.kinds and (legal is None or c in legal["kinds"])]
            top = torch.topk(scores, min(k, total))
            starts = [seg[0] for seg in segments]
            picked = []
            for v, j in zip(top.values.tolist(), top.indices.tolist()):
                begin, kind, args = segments[bisect.bisect_right(starts, j) - 1]
                picked.append((_make_action(kind, args[j - begin]), float(v)))
            picked = self._with_closers(picked, closers, k)
            result.append(picked)
        return result

    def _with_closers(self, picked: list[tuple[Action, float]], closers: Sequence[str],
                      k: int) -> list[tuple[Action, float]]:
        """``picked`` with every closing tactic in ``closers`` at log-probability at least
        ``closer_logp`` (one step of automation is cheap and often finishes what the network
        started; the fixed-order baseline wins theorems with it), still k actions, best first."""
        if not closers or self.closer_logp is None:
            return picked
        out = [(a, max(lp, self.closer_logp) if a.kind in closers else lp) for a, lp in picked]
        have = {a.kind for a, _ in out}
        extra = [(Action(c), self.closer_logp) for c in closers if c not in have]
        out = out[:max(0, k - len(extra))] + extra
        out.sort(key=lambda pair: -pair[1])
        return out

    def _premise_logp(self, kind: str, logp: Tensor, names: Sequence[str], target: Any) -> tuple[Tensor, Sequence[str]]:
        """log p(premise | kind) with the statement shapes applied (``premise_relevance``), and the premises kept.

        ``rw`` kinds keep only premises whose pattern occurs in the target (Lean's keyed matching
        would fail on the rest); ``apply``/``exact`` add ``head_bonus`` where the conclusion's head
        equals the target's. Both renormalise over what is kept.
        """
        bias = premise_bias(self.shapes, kind, names, target, self.rewrite_bonus, self.head_bonus)
        if bias is None:
            return logp, names
        keep = np.isfinite(bias)
        if not keep.all():
            index = torch.from_numpy(np.nonzero(keep)[0])
            logp, names, bias = logp[index], [names[j] for j in index.tolist()], bias[keep]
        if not names:
            return logp, names
        return torch.log_softmax(logp + torch.from_numpy(bias).to(logp.dtype), 0), names

    def _joint(self, i: int, out: dict[str, Tensor], graph: Any, hyp_off: int, sub_off: int,
               names: Sequence[str], legal: Optional[dict[str, Any]],
               goal: Optional[Goal] = None) -> tuple[Tensor, list[tuple[int, str, Sequence]]]:
        """Flat joint scores of every action on state i, and segments (start, kind, arguments) covering them.

        Actions are built only for the top k (a state with 1000 premises has ~5000 candidates).
        """
        parts: list[Tensor] = []
        segments: list[tuple[int, str, Sequence]] = []
        size = 0
        kind_lp = out["kind_logp"][i]
        n_hyp = int(graph.hyp_node.numel())
        n_sub = int(graph.subterm_node.numel())
        target = goal.target.typed if goal is not None else None
        for kid, kind in enumerate(self.kinds):
            arg = ARG_OF.get(kind)
            if arg is None or (legal is not None and kind not in legal["kinds"]):
                continue
            args: Sequence = ()
            if arg == "none":
                col, args = kind_lp[kid:kid + 1], (None,)
            elif arg == "hyp":
                args = [h for h in range(n_hyp) if legal is None or (kind, h) in legal["hyps"]]
                col = kind_lp[kid] + out["hyp_logp"][[hyp_off + h for h in args], kid] if args else None
            elif arg == "subterm" and n_sub:
                col, args = kind_lp[kid] + out["subterm_logp"][sub_off:sub_off + n_sub, kid], graph.subterms[:n_sub]
            elif arg == "premise" and names:
                logp, args = self._premise_logp(kind, out["premise_logp"][i, kid], names, target)
                col = kind_lp[kid] + logp if args else None
            if not args or col is None:
                continue
            parts.append(col)
            segments.append((size, kind, args))
            size += len(args)
        return (torch.cat(parts) if parts else torch.zeros(0)), segments


def _make_action(kind: str, arg: Any) -> Action:
    """The Action of ``kind`` with its one argument (None for argument-less kinds)."""
    kind_arg = ARG_OF[kind]
    if kind_arg == "hyp":
        return Action(kind, hyp=arg)
    if kind_arg == "premise":
        return Action(kind, premise=arg)
    if kind_arg == "subterm":
        return Action(kind, subterm=arg)
    return Action(kind)


def premise_graph(name: str, term: Any, vocab: Any) -> Any:
    """build_term_graph of a premise statement, tagged with the premise's own name features."""
    from prover.graph import build_term_graph, name_hash

    graph = build_term_graph(term, vocab)
    graph.premise_name_id = torch.tensor([vocab.id(name)], dtype=torch.long)
    graph.premise_name_hash = torch.tensor([name_hash(name)], dtype=torch.long)
    return graph


def _legal_filter(goal: Goal) -> dict[str, Any]:
    """Kinds and (kind, hypothesis) pairs ``candidate_actions`` accepts on ``goal`` (premises and
    subterms: any; a subterm kind points at the graph's candidates, and ``exists_subterm`` needs an ∃)."""
    kinds: set[str] = {k for k, a in ARG_OF.items() if a in ("premise", "subterm")}  # subterms: the graph's
    hyps: set[tuple[str, int]] = set()
    for action in candidate_actions(goal, (), with_subterms=False):
        kinds.add(action.kind)
        if action.hyp is not None:
            hyps.add((action.kind, action.hyp))
    target = goal.target.typed
    head = target.app_fn_args()[0] if target is not None else None
    if head is None or head.kind != "const" or head.name != "Exists":
        kinds.discard("exists_subterm")
    return {"kinds": kinds, "hyps": hyps}


def load_policy(path: Optional[Path] = None, legal_only: bool = True) -> Policy:
    """The Policy saved in checkpoint directory ``path`` (the bundled default model when None)."""
    from prover.graph import Vocab

    directory = Path(path) if path is not None else default_model_dir()
    model, meta = load_checkpoint(directory)
    return Policy(model, Vocab.from_json(meta["vocab"]), meta["kinds"], legal_only=legal_only,
                  memory=load_memory(directory), library_premises=library_premises(directory))
